import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ZKitchenWebhookResult } from '../../contracts/food-kitchen.ts';
import type { KitchenIngest } from './services/ingest.ts';

const header = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * POST /api/v1/food/kitchen-alerts: the AI cameras' webhook, no session; each delivery is signed by its vendor
 * (docs/FOOD.md "明厨亮灶"). The JSON body is kept as raw bytes in this plugin only, because the signature covers
 * them byte for byte; the service parses it after the signature holds. The body limit bounds the snapshot.
 */
export const kitchenWebhookRoutes: FastifyPluginAsyncZod<{ ingest: KitchenIngest; snapshotMaxBytes: number }> = async (
  app,
  { ingest, snapshotMaxBytes },
) => {
  // Base64 grows the snapshot by 4/3; 64 KB more for the other fields.
  const bodyLimit = Math.ceil((snapshotMaxBytes * 4) / 3) + 64 * 1024;
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/food/kitchen-alerts',
    {
      bodyLimit,
      config: { auth: 'public' as const },
      schema: {
        tags: ['food'],
        summary:
          '明厨亮灶 AI 摄像头告警回调（免登录；X-Vendor-Id、X-Timestamp、X-Signature = HMAC-SHA256(密钥, 时间戳 + "." + 原始请求体) 十六进制）',
        response: { 201: ZKitchenWebhookResult },
      },
    },
    async (req, reply) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const result = await ingest.receive(
        {
          vendorId: header(req.headers['x-vendor-id']),
          timestamp: header(req.headers['x-timestamp']),
          signature: header(req.headers['x-signature']),
        },
        raw,
      );
      return reply.status(201).send(result);
    },
  );
};
