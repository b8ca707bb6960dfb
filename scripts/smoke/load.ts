import { randomUUID } from 'node:crypto';

/** Public 12315 submissions from `workers` clients in a loop until stop(); remembers what was acknowledged. */
export function publicIntakeLoad(baseUrls: string[], workers: number) {
  const acknowledged: string[] = [];
  const failures = new Map<string, number>();
  let stopped = false;
  const body = (n: number) =>
    JSON.stringify({
      kind: 'complaint',
      person: { name: '负载测试', phone: '13912345678' },
      business: { name: '某网店' },
      categoryCode: 'service.catering',
      description: `冒烟负载测试第${n}条：商品与描述不符，要求退货退款。`,
    });
  let n = 0;
  const worker = async (baseUrl: string) => {
    while (!stopped) {
      try {
        const res = await fetch(`${baseUrl}/api/v1/public/complaints`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: body(n++),
          signal: AbortSignal.timeout(15_000),
        });
        const json = (await res.json().catch(() => ({}))) as { items?: { trackingCode: string }[] };
        if (res.status === 201 || res.status === 200)
          for (const i of json.items ?? []) acknowledged.push(i.trackingCode);
        else failures.set(String(res.status), (failures.get(String(res.status)) ?? 0) + 1);
      } catch (err) {
        const key = (err as Error).name === 'TimeoutError' ? 'timeout' : 'no answer';
        failures.set(key, (failures.get(key) ?? 0) + 1);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  const running = Array.from({ length: workers }, (_, i) => worker(baseUrls[i % baseUrls.length]!));
  return {
    acknowledged,
    failures,
    async stop() {
      stopped = true;
      await Promise.all(running);
    },
  };
}
