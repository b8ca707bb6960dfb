import type { Db } from '../../../src/db/client.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * The product-quality module's kinds (src/modules/product-quality/access.ts): product-sample (ps.station_id),
 * product-sampling-plan (psp.station_id), ccc-certificate (cc.station_id), ccc-exemption (ce.station_id); each the
 * caller's own when they recorded it.
 */
let sequence = 0;
const TAG = '产品矩阵';

async function entity(db: Db, stationId: number): Promise<string> {
  sequence++;
  const subject = `Q${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  return insertOne(
    db,
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     VALUES ($1, 'enterprise', $2, ''::tsvector, $3, '2020-01-01') RETURNING id`,
    [makeUscc('91', '440605', subject), `${TAG}${sequence}号厂`, stationId],
  );
}

async function listed(caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(path);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

const notOffered = {
  count: 'keyset pages without a total (合格率 are aggregates, not rows)',
  export: 'no export yet',
  download: 'no file of its own',
};

export const probes: AccessProbe[] = [
  {
    kind: 'product-sample',
    tables: ['product_samples'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, async (owner, unitId) =>
        insertOne(
          ctx.db,
          `INSERT INTO product_samples (entity_id, party_role, station_id, category_code, product_name, sampled_on,
             lab_name, created_by) VALUES ($1, 'producer', $2, 'fastener', $3, '2026-09-01', '检验院', $4) RETURNING id`,
          [await entity(ctx.db, unitId), unitId, `${TAG}螺栓`, owner],
        ),
      ),
    ops: {
      list: (caller, { ids }) =>
        listed(caller, `/api/v1/product/quality/samples?limit=200&q=${encodeURIComponent(TAG)}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/product/quality/samples/${id}`)),
      write: async (caller, { id }) =>
        status(await caller.patch(`/api/v1/product/quality/samples/${id}`, { model: 'M8' })),
    },
    notOffered,
  },
  {
    kind: 'product-sampling-plan',
    tables: ['product_sampling_plans'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, (owner, unitId) => {
        sequence++;
        return insertOne(
          ctx.db,
          `INSERT INTO product_sampling_plans (station_id, category_code, name, period_start, period_end, target_batches,
             created_by) VALUES ($1, 'fastener', $2, $3::date, $3::date + 30, 5, $4) RETURNING id`,
          [unitId, `${TAG}计划`, `2030-01-${String((sequence % 28) + 1).padStart(2, '0')}`, owner],
        );
      }),
    ops: {
      list: (caller, { ids }) => listed(caller, '/api/v1/product/quality/plans?limit=200', ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/product/quality/plans/${id}`)),
      write: async (caller, { id }) =>
        status(await caller.patch(`/api/v1/product/quality/plans/${id}`, { targetBatches: 7 })),
    },
    notOffered,
  },
  {
    kind: 'ccc-certificate',
    tables: ['ccc_certificates'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, async (owner, unitId) => {
        sequence++;
        return insertOne(
          ctx.db,
          `INSERT INTO ccc_certificates (entity_id, station_id, certificate_no, catalogue_code, product_name, issued_on,
             expires_on, created_by) VALUES ($1, $2, $3, '0901', $4, '2021-01-01', '2026-12-31', $5) RETURNING id`,
          [
            await entity(ctx.db, unitId),
            unitId,
            `20210109${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(6, '0')}`,
            `${TAG}电视`,
            owner,
          ],
        );
      }),
    ops: {
      list: (caller, { ids }) =>
        listed(caller, `/api/v1/product/quality/ccc/certificates?limit=200&q=${encodeURIComponent(TAG)}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/product/quality/ccc/certificates/${id}`)),
      write: async (caller, { id }) =>
        status(await caller.patch(`/api/v1/product/quality/ccc/certificates/${id}`, { productName: '液晶电视' })),
    },
    notOffered,
  },
  {
    kind: 'ccc-exemption',
    tables: ['ccc_exemptions'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, async (owner, unitId) => {
        sequence++;
        return insertOne(
          ctx.db,
          `INSERT INTO ccc_exemptions (entity_id, station_id, approval_no, catalogue_code, product_name, quantity, reason,
             approved_on, after_check_due_on, created_by)
           VALUES ($1, $2, $3, '0201', $4, 5, '科研', '2026-01-01', '2026-04-01', $5) RETURNING id`,
          [await entity(ctx.db, unitId), unitId, `${TAG}免办${process.pid}-${sequence}`, `${TAG}插座`, owner],
        );
      }),
    ops: {
      list: (caller, { ids }) =>
        listed(caller, `/api/v1/product/quality/ccc/exemptions?limit=200&q=${encodeURIComponent(TAG)}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/product/quality/ccc/exemptions/${id}`)),
      write: async (caller, { id }) =>
        status(await caller.patch(`/api/v1/product/quality/ccc/exemptions/${id}`, { productName: '插座' })),
    },
    notOffered,
  },
];
