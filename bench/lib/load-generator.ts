// A load generator in its own process (forked by bench/lib/load.ts), so its JSON and socket work does not
// share the event loop with the server it measures. Fixed concurrency over keep-alive connections.
import http from 'node:http';
import { summarise } from './timing.ts';

export interface LoadJob {
  url: string;
  /** Several nodes of one app: connection i goes to urls[i mod n] (an even split, like a round-robin proxy). */
  urls?: string[];
  /**
   * Distinct client addresses to send as X-Forwarded-For (request n as client n mod clients), as the many people
   * behind a proxy look to a node with TRUST_PROXY=1; unset: none sent, every request is this one client.
   */
  clients?: number;
  /** The JSON body template; `{{n}}` is replaced by the request number as 8 digits (unique phones, keys). */
  body: string;
  /** Sent as the Idempotency-Key header with `{{n}}` replaced, when set. */
  idempotencyKey?: string;
  concurrency: number;
  warmupSeconds: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  statuses: Record<string, number>;
  latency: ReturnType<typeof summarise>;
}

function post(
  agent: http.Agent,
  url: URL,
  body: string,
  key: string | undefined,
  client: string | undefined,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(body),
    };
    if (key) headers['idempotency-key'] = key;
    if (client) headers['x-forwarded-for'] = client;
    const req = http.request(url, { method: 'POST', agent, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const clientAddress = (c: number) => `10.${(c >> 16) & 255}.${(c >> 8) & 255}.${c & 255}`;

export async function runLoad(job: LoadJob): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: job.concurrency });
  const urls = (job.urls?.length ? job.urls : [job.url]).map((u) => new URL(u));
  let n = 0;
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const startAt = performance.now();
  const measureFrom = startAt + job.warmupSeconds * 1000;
  const stopAt = measureFrom + job.seconds * 1000;
  async function worker(_: unknown, w: number) {
    const url = urls[w % urls.length]!;
    while (performance.now() < stopAt) {
      const i = n++;
      const tag = String(i).padStart(8, '0');
      const body = job.body.replaceAll('{{n}}', tag);
      const key = job.idempotencyKey?.replaceAll('{{n}}', tag);
      const t0 = performance.now();
      const status = await post(agent, url, body, key, job.clients ? clientAddress(i % job.clients) : undefined).catch(
        () => 0,
      );
      const t1 = performance.now();
      if (t0 >= measureFrom && t1 <= stopAt) {
        latencies.push(t1 - t0);
        statuses[status] = (statuses[status] ?? 0) + 1;
      }
    }
  }
  await Promise.all(Array.from({ length: job.concurrency }, worker));
  agent.destroy();
  return {
    requests: latencies.length,
    seconds: job.seconds,
    perSecond: latencies.length / job.seconds,
    statuses,
    latency: summarise(latencies),
  };
}

if (process.send) {
  process.once('message', async (job: LoadJob) => {
    process.send!(await runLoad(job));
    process.disconnect();
  });
}
