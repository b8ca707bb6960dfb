import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { type TOpen311Post, ZOpen311ListQuery, ZOpen311Post } from '../../contracts/open311.ts';
import { toProblem } from '../../platform/errors.ts';
import type { Open311Service } from './services/open311.ts';

/** Open311 GeoReport v2 over the 12315 workflow; errors in the spec's own shape: [{code, description}]. */
export const open311Routes: FastifyPluginAsync<{
  open311: Open311Service;
  /** The partners' keys (none: Open311 is closed) and each key's requests per minute. */
  apiKeys: readonly string[];
  rateLimitPerMinute: number;
}> = async (app, { open311, apiKeys, rateLimitPerMinute }) => {
  await app.register(formbody, { bodyLimit: 64 * 1024 });
  // GeoReport v2 is its own published spec, with its own error shape; it stays out of our OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setErrorHandler((err, _req, reply: FastifyReply) => {
    const p = toProblem(err);
    const description = p.errors.length ? p.errors.map((e) => `${e.path}: ${e.message}`).join('；') : p.detail;
    return reply.status(p.status).send([{ code: p.status, description }]);
  });
  /**
   * Partners only: every request but the service list names a configured api_key (no keys configured: nobody; the
   * public files through the portal, whose tracking asks for the phone's last 4 digits as well as the code). The
   * key is checked before the body is validated, so an unknown caller learns nothing about the form; then each key
   * has its own per-minute budget.
   */
  const keyOf = (req: FastifyRequest) =>
    ((req.method === 'POST' ? req.body : req.query) as { api_key?: unknown } | undefined)?.api_key;
  const requireKey = async (req: FastifyRequest, reply: FastifyReply) => {
    const key = keyOf(req);
    if (typeof key === 'string' && apiKeys.includes(key)) return;
    const description = apiKeys.length
      ? '缺少或无效的 api_key'
      : '本系统未开放 Open311 接入；公众请通过网上投诉举报平台提交和查询';
    return reply.status(403).send([{ code: 403, description }]);
  };
  const keyed = {
    preValidation: requireKey,
    config: {
      rateLimit: {
        max: rateLimitPerMinute,
        timeWindow: '1 minute',
        hook: 'preValidation' as const,
        keyGenerator: (req: FastifyRequest) => `open311:${String(keyOf(req))}`,
      },
    },
  };

  app.get('/services.json', async () => open311.services());
  app.get('/services/:code.json', async (req) => open311.definition((req.params as { code: string }).code));
  app.post('/requests.json', { ...keyed, schema: { body: ZOpen311Post } }, async (req, reply) =>
    reply.status(201).send(await open311.submit(req.body as TOpen311Post)),
  );
  app.get('/requests.json', { ...keyed, schema: { querystring: ZOpen311ListQuery } }, async (req) =>
    open311.requests(req.query as ReturnType<typeof ZOpen311ListQuery.parse>),
  );
  app.get('/requests/:id.json', keyed, async (req, reply) => {
    const found = await open311.request((req.params as { id: string }).id);
    return found ?? reply.status(404).send([{ code: 404, description: '未找到该请求' }]);
  });
};
