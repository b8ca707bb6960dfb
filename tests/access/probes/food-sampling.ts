import type { Db } from '../../../src/db/client.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * The food-sampling module's kinds (src/modules/food-sampling/access.ts): food-sample (fs.station_id, own when
 * recorded by the caller) and food-sampling-plan (fsp.station_id, own when made by the caller).
 */
let sequence = 0;
const TAG = '抽检矩阵';

async function insertSample(db: Db, stationId: number, owner: number): Promise<string> {
  sequence++;
  const subject = `H${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  const entity = await insertOne(
    db,
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     VALUES ($1, 'individualBusiness', $2, ''::tsvector, $3, '2020-01-01') RETURNING id`,
    [makeUscc('92', '440605', subject), `${TAG}${sequence}号店`, stationId],
  );
  const business = await insertOne(
    db,
    'INSERT INTO food_businesses (entity_id, station_id) VALUES ($1, $2) RETURNING id',
    [entity, stationId],
  );
  return insertOne(
    db,
    `INSERT INTO food_samples (business_id, station_id, stage, food_category, food_name, sampled_on, lab_name,
       delivery_due_on, created_by)
     VALUES ($1, $2, 'circulation', 'meat', $3, '2026-09-01', '检验所', '2026-09-08', $4) RETURNING id`,
    [business, stationId, `${TAG}酱肉`, owner],
  );
}

async function listed(caller: ApiClient, path: string, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(path);
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'food-sample',
    tables: ['food_samples'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, (owner, unitId) => insertSample(ctx.db, unitId, owner)),
    ops: {
      list: (caller, { ids }) =>
        listed(caller, `/api/v1/food/sampling/samples?limit=200&q=${encodeURIComponent(TAG)}`, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/food/sampling/samples/${id}`)),
      write: async (caller, { id }) =>
        status(await caller.patch(`/api/v1/food/sampling/samples/${id}`, { quantity: '1 kg' })),
    },
    notOffered: {
      count: 'keyset pages without a total (合格率 are aggregates, not rows)',
      export: 'no export of samples yet',
      download: 'a sample has no file of its own',
    },
  },
  {
    kind: 'food-sampling-plan',
    tables: ['food_sampling_plans'],
    seed: (ctx: MatrixContext, owners, outsider) =>
      seedEach(ctx, owners, outsider, (owner, unitId) =>
        insertOne(
          ctx.db,
          `INSERT INTO food_sampling_plans (station_id, name, food_category, hazards, period_start, period_end,
             target_batches, created_by) VALUES ($1, $2, 'meat', '{microbe}', '2026-01-01', '2026-12-31', 10, $3)
           RETURNING id`,
          [unitId, `${TAG}计划`, owner],
        ),
      ),
    ops: {
      list: (caller, { ids }) => listed(caller, '/api/v1/food/sampling/plans?limit=200', ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/food/sampling/plans/${id}`)),
      write: async (caller, { id }) =>
        status(await caller.patch(`/api/v1/food/sampling/plans/${id}`, { targetBatches: 12 })),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export of plans',
      download: 'a plan has no file',
    },
  },
];
