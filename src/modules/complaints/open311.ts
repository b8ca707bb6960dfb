import formbody from '@fastify/formbody';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { type TOpen311Post, ZOpen311ListQuery, ZOpen311Post } from '../../contracts/open311.ts';
import type { Db } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';
import { complaintStatusLabels } from '../../domain/complaint-workflow.ts';
import type { TConfig } from '../../server/config.ts';
import { toProblem } from '../../server/errors.ts';
import * as repo from './repo.ts';
import type { ComplaintService } from './service.ts';

const yuanToFen = (s: string) => {
  const [int, dec = ''] = s.split('.');
  return Number(int) * 100 + Number(dec.padEnd(2, '0'));
};

function toRequest(r: repo.Open311Row, withDescription: boolean) {
  return {
    service_request_id: r.trackingCode,
    status: r.status === 'closed' ? 'closed' : 'open',
    status_notes: complaintStatusLabels[r.status],
    service_name: r.categoryName ?? r.kind,
    service_code: r.categoryCode ?? r.kind,
    description: withDescription ? r.description : undefined,
    agency_responsible: r.stationName,
    service_notice: '依据《市场监督管理投诉举报处理办法》办理，期限按工作日计算',
    requested_datetime: r.receivedAt,
    updated_datetime: r.updatedAt,
    // Due at the end of the deadline day in China Standard Time.
    expected_datetime: r.nextDueOn ? `${r.nextDueOn}T23:59:59+08:00` : null,
    address: r.businessAddress,
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
  const hasKey = (key: string | undefined) => key !== undefined && config.OPEN311_API_KEYS.includes(key);
  const denied = (reply: FastifyReply) => reply.status(403).send([{ code: 403, description: '缺少或无效的 api_key' }]);

  app.get('/services.json', async () => {
    const rows = await repo.listCategories(db);
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

  // The key is checked before the body is validated, so an unknown caller learns nothing about the form.
  const requireKeyToFile = async (req: { body: unknown }, reply: FastifyReply) => {
    const key = (req.body as { api_key?: string } | undefined)?.api_key;
    if (config.OPEN311_API_KEYS.length > 0 && !hasKey(key)) return denied(reply);
  };

  app.post(
    '/requests.json',
    { schema: { body: ZOpen311Post }, preValidation: requireKeyToFile },
    async (req, reply) => {
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
    },
  );

  app.get('/requests.json', { schema: { querystring: ZOpen311ListQuery } }, async (req, reply) => {
    const q = req.query as ReturnType<typeof ZOpen311ListQuery.parse>;
    if (!hasKey(q.api_key)) return denied(reply);
    const since = q.start_date ?? new Date(Date.now() - 90 * 86_400_000).toISOString();
    const w = new Where()
      .add('c.confidential = false')
      .add('c.received_at >= ?', since)
      .addIf(q.end_date, 'c.received_at < ?')
      .addIf(q.service_code, 'c.category_code = ?');
    if (q.status) w.add(q.status === 'closed' ? "c.status = 'closed'" : "c.status <> 'closed'");
    if (q.service_request_id)
      w.add(
        'c.tracking_code = ANY(?::text[])',
        q.service_request_id.split(',').map((s) => s.trim()),
      );
    return (await repo.open311Rows(db, w, 1000)).map((r) => toRequest(r, true));
  });

  app.get('/requests/:id.json', async (req, reply) => {
    const w = new Where().add('c.tracking_code = ?', (req.params as { id: string }).id);
    const [row] = await repo.open311Rows(db, w, 1);
    if (!row) return reply.status(404).send([{ code: 404, description: '未找到该请求' }]);
    const key = (req.query as { api_key?: string }).api_key;
    return [toRequest(row, hasKey(key))];
  });
};
