import type { Db } from '../../../src/db/client.ts';
import { bigramTsvector } from '../../../src/domain/bigrams.ts';
import { makeUscc } from '../../../src/domain/uscc.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/**
 * The food module's kind (src/modules/food/access.ts): food-business, whose licences and health certificates follow
 * it. Rows are seeded into the tables; every operation goes through the HTTP API as the caller.
 */
let sequence = 0;
const TAG = '食品矩阵';

async function insertBusiness(q: Db, stationId: number, createdBy: number): Promise<number> {
  sequence++;
  const subject = `D${String(process.pid % 100).padStart(2, '0')}${String(sequence).padStart(5, '0')}`;
  const [entity] = await q.query<{ id: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, created_by)
     VALUES ($1, 'individualBusiness', $2, $5::tsvector, $3, '2020-01-01', $4) RETURNING id`,
    [
      makeUscc('92', '440605', subject),
      `${TAG}${sequence}号餐馆`,
      stationId,
      createdBy,
      bigramTsvector(`${TAG}${sequence}号餐馆`),
    ],
  );
  const [row] = await q.query<{ id: number }>(
    'INSERT INTO food_businesses (entity_id, station_id, created_by) VALUES ($1, $2, $3) RETURNING id',
    [entity!.id, stationId, createdBy],
  );
  return row!.id;
}

async function seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, String(await insertBusiness(ctx.db, ctx.stationA.id, owner)));
  return { ownRows, stationBRow: String(await insertBusiness(ctx.db, ctx.stationB.id, outsider)) };
}

async function listed(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>(
    `/api/v1/food/businesses?limit=200&q=${encodeURIComponent(TAG)}`,
  );
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'food-business',
    tables: ['food_businesses'],
    seed,
    ops: {
      list: (caller, { ids }) => listed(caller, ids),
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/food/businesses/${id}`)).status }),
      write: async (caller, { id }) => ({
        status: (await caller.patch(`/api/v1/food/businesses/${id}`, { inspectorId: null })).status,
      }),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'the food module has no export yet',
      download: 'a food business has no file of its own',
    },
  },
];
