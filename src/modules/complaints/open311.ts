import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { type TOpen311Post, ZOpen311ListQuery, ZOpen311Post } from '../../contracts/open311.ts';
import type { Db } from '../../db/client.ts';
import { complaintStatusLabels } from '../../domain/complaint-workflow.ts';
import { maskPersonalText, maskPersonalTextOrNull } from '../../domain/personal-text.ts';
import { toProblem } from '../../platform/errors.ts';
import type { TConfig } from '../../server/config.ts';
import { type Open311Row, open311Rows } from './open311-repo.ts';
import { listCategories } from './repo.ts';
import type { ComplaintService } from './service.ts';

const yuanToFen = (s: string) => {
  const [int, dec = ''] = s.split('.');
  return Number(int) * 100 + Number(dec.padEnd(2, '0'));
};

/** Free text leaves through maskPersonalText: a description may hold the reporter's phone or ID number. */
function toRequest(r: Open311Row) {
  return {
    service_request_id: r.trackingCode,
    status: r.status === 'closed' ? 'closed' : 'open',
    status_notes: complaintStatusLabels[r.status],
    service_name: r.categoryName ?? r.kind,
    service_code: r.categoryCode ?? r.kind,
    description: maskPersonalText(r.description),
    agency_responsible: r.stationName,
    service_notice: '依据《市场监督管理投诉举报处理办法》办理，期限按工作日计算',
    requested_datetime: r.receivedAt,
    updated_datetime: r.updatedAt,
    // Due at the end of the deadline day in China Standard Time.
    expected_datetime: r.nextDueOn ? `${r.nextDueOn}T23:59:59+08:00` : null,
    address: maskPersonalTextOrNull(r.businessAddress),
  };
}

/** Open311 GeoReport v2 over the 12315 workflow; errors in the spec's own shape: [{code, description}]. */
export const open311Routes: FastifyPluginAsync<{ db: Db; complaints: ComplaintService; config: TConfig }> = async (
  app,
  { db, complaints, config },
) => {
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
    if (typeof key === 'string' && config.OPEN311_API_KEYS.includes(key)) return;
    const description = config.OPEN311_API_KEYS.length
      ? '缺少或无效的 api_key'
      : '本系统未开放 Open311 接入；公众请通过网上投诉举报平台提交和查询';
    return reply.status(403).send([{ code: 403, description }]);
  };
  const keyed = {
    preValidation: requireKey,
    config: {
      rateLimit: {
        max: config.OPEN311_RATE_LIMIT_PER_MINUTE,
        timeWindow: '1 minute',
        hook: 'preValidation' as const,
        keyGenerator: (req: FastifyRequest) => `open311:${String(keyOf(req))}`,
      },
    },
  };

  app.get('/services.json', async () => {
    const rows = await listCategories(db);
    return rows
      .filter((c) => c.parentCode !== null)
      .map((c) => ({
        service_code: c.code,
        service_name: c.name,
        description: `12315 投诉举报：${c.name}`,
        metadata: true,
        type: 'realtime',
        keywords: 'complaint,report,inquiry,12315',
        group: rows.find((p) => p.code === c.parentCode)?.name ?? '',
      }));
  });

  app.get('/services/:code.json', async (req) => ({
    service_code: (req.params as { code: string }).code,
    attributes: [
      {
        variable: true,
        code: 'kind',
        datatype: 'singlevaluelist',
        required: true,
        order: 1,
        description: '类型',
        values: [
          { key: 'complaint', name: '投诉' },
          { key: 'report', name: '举报' },
          { key: 'inquiry', name: '咨询' },
        ],
      },
      {
        variable: true,
        code: 'uscc',
        datatype: 'string',
        required: false,
        order: 2,
        description: '被投诉经营者统一社会信用代码',
      },
      {
        variable: true,
        code: 'business_name',
        datatype: 'string',
        required: false,
        order: 3,
        description: '经营者名称',
      },
      {
        variable: true,
        code: 'amount_yuan',
        datatype: 'number',
        required: false,
        order: 4,
        description: '涉及金额（元）',
      },
    ],
  }));

  app.post('/requests.json', { ...keyed, schema: { body: ZOpen311Post } }, async (req, reply) => {
    const b = req.body as TOpen311Post;
    const name = `${b.last_name ?? ''}${b.first_name ?? ''}`;
    const uscc = b['attribute[uscc]'];
    const result = await complaints.intake(null, {
      kind: b['attribute[kind]'],
      channel: 'open311',
      person: { name, phone: b.phone, confidential: false },
      business:
        uscc || b['attribute[business_name]'] || b.address_string
          ? { uscc, name: b['attribute[business_name]'], address: b.address_string }
          : undefined,
      categoryCode: b.service_code,
      amountFen: b['attribute[amount_yuan]'] ? yuanToFen(b['attribute[amount_yuan]']) : undefined,
      description: b.description,
    });
    return reply.status(201).send(
      result.items.map((i) => ({
        service_request_id: i.trackingCode,
        service_notice: `已受理登记，由${i.stationName}办理`,
        account_id: b.account_id ?? null,
      })),
    );
  });

  app.get('/requests.json', { ...keyed, schema: { querystring: ZOpen311ListQuery } }, async (req) => {
    const q = req.query as ReturnType<typeof ZOpen311ListQuery.parse>;
    const rows = await open311Rows(
      db,
      {
        receivedFrom: q.start_date ?? new Date(Date.now() - 90 * 86_400_000).toISOString(),
        receivedBefore: q.end_date,
        categoryCode: q.service_code,
        status: q.status,
        trackingCodes: q.service_request_id?.split(',').map((s) => s.trim()),
      },
      1000,
    );
    return rows.map(toRequest);
  });

  app.get('/requests/:id.json', keyed, async (req, reply) => {
    const id = (req.params as { id: string }).id;
    const [row] = await open311Rows(db, { trackingCodes: [id] }, 1);
    if (!row) return reply.status(404).send([{ code: 404, description: '未找到该请求' }]);
    return [toRequest(row)];
  });
};
