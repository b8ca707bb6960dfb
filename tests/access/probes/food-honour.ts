import type { Db } from '../../../src/db/client.ts';
import type { ApiClient } from '../../helpers/test-app.ts';
import type { AccessProbe, MatrixContext, Outcome, SeededRows } from '../probe.ts';

/**
 * 红黑榜 (src/modules/food-public/access.ts): food-honour-list. Lists are seeded as drafts (one month each, the
 * unique key is station × month); reading goes through the HTTP API as the caller.
 */
let sequence = 0;

async function insertList(q: Db, stationId: number, draftedBy: number): Promise<number> {
  sequence++;
  const month = `${1900 + (sequence % 100) + 100 * (process.pid % 5)}-${String((sequence % 12) + 1).padStart(2, '0')}-01`;
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO food_honour_lists (station_id, month, rules, drafted_by) VALUES ($1, $2::date, '{}', $3) RETURNING id`,
    [stationId, month, draftedBy],
  );
  return row!.id;
}

async function seed(ctx: MatrixContext, owners: readonly number[], outsider: number): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, String(await insertList(ctx.db, ctx.stationA.id, owner)));
  return { ownRows, stationBRow: String(await insertList(ctx.db, ctx.stationB.id, outsider)) };
}

async function listed(caller: ApiClient, ids: readonly string[]): Promise<Outcome> {
  const res = await caller.get<{ items: { id: number }[] }>('/api/v1/food/honour-lists?limit=200');
  if (res.status !== 200) return { status: res.status };
  const wanted = new Set(ids);
  return { status: 200, ids: res.body.items.map((r) => String(r.id)).filter((id) => wanted.has(id)) };
}

export const probes: AccessProbe[] = [
  {
    kind: 'food-honour-list',
    tables: ['food_honour_lists'],
    seed,
    ops: {
      list: (caller, { ids }) => listed(caller, ids),
      get: async (caller, { id }) => ({ status: (await caller.get(`/api/v1/food/honour-lists/${id}`)).status }),
    },
    notOffered: {
      count: 'keyset pages without a total',
      export: 'no export: the published lists are open data',
      download: 'a list has no file of its own',
      write:
        'every change is a workflow step that also needs food:approve (the chief); covered by food-public.api.test.ts',
    },
  },
];
