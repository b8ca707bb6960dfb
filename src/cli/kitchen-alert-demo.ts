import { randomUUID } from 'node:crypto';
import { DEMO_KITCHEN_VENDOR } from '../demo/demo-kitchen-repo.ts';
import { kitchenEventTypeCodes } from '../domain/kitchen-alerts.ts';
import { kitchenSignature } from '../domain/kitchen-signature.ts';

const usage = `用法: shijian kitchen-alert-demo [--url http://127.0.0.1:3000] [--camera DEMO-1-1] [--type noHat]
       [--vendor demo-cam] [--secret 密钥] [--snapshot 图片.jpg|png] [--bad-signature]
  以演示平台的密钥签名并发送一条明厨亮灶告警（事件类型：${kitchenEventTypeCodes.join(' ')}）`;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Signs one alert as a vendor would (X-Timestamp + "." + raw body, HMAC-SHA256 hex) and posts it; prints the answer. */
export async function kitchenAlertDemoCommand(args: string[]): Promise<number> {
  if (args.includes('--help')) {
    console.log(usage);
    return 0;
  }
  const url = option(args, 'url') ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`;
  const secret = option(args, 'secret') ?? DEMO_KITCHEN_VENDOR.secret;
  const snapshotPath = option(args, 'snapshot');
  const snapshot = snapshotPath
    ? { data: (await import('node:fs/promises').then((fs) => fs.readFile(snapshotPath))).toString('base64') }
    : undefined;
  const raw = JSON.stringify({
    eventId: randomUUID(),
    cameraId: option(args, 'camera') ?? 'DEMO-1-1',
    eventType: option(args, 'type') ?? 'noHat',
    occurredAt: new Date().toISOString(),
    confidence: 0.93,
    ...(snapshot ? { snapshot } : {}),
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = args.includes('--bad-signature')
    ? '0'.repeat(64)
    : kitchenSignature(secret, timestamp, Buffer.from(raw));
  const res = await fetch(`${url}/api/v1/food/kitchen-alerts`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vendor-id': option(args, 'vendor') ?? DEMO_KITCHEN_VENDOR.code,
      'x-timestamp': timestamp,
      'x-signature': signature,
    },
    body: raw,
  });
  console.log(res.status, await res.text());
  return res.ok ? 0 : 1;
}
