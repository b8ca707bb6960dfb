import type { Db } from '../../../src/db/client.ts';
import type { AccessProbe, Outcome } from '../probe.ts';
import { insertOne, seedEach, status } from '../probe-helpers.ts';

/**
 * The station-rating module's kind (src/modules/station-rating/access.ts). A station has one rating a year, so each
 * seeded row takes its own year; the list (stations × one year) is asked once per seeded row's year.
 */
let sequence = 0;
let seededDb: Db | undefined;
const db = (): Db => {
  if (!seededDb) throw new Error('station-rating probes: seed first');
  return seededDb;
};

async function rowsOf(ids: readonly string[]): Promise<{ id: number; year: number; version: number }[]> {
  return db().query('SELECT id, year, version FROM station_ratings WHERE id = ANY($1::bigint[])', [ids]);
}

async function listed(caller: { get: <T>(p: string) => Promise<{ status: number; body: T }> }, ids: readonly string[]) {
  const seen: string[] = [];
  for (const year of new Set((await rowsOf(ids)).map((r) => r.year))) {
    const res = await caller.get<{ items: { ratingId: number | null }[] }>(`/api/v1/station-ratings?year=${year}`);
    if (res.status !== 200) return { status: res.status } satisfies Outcome;
    for (const i of res.body.items)
      if (i.ratingId !== null && ids.includes(String(i.ratingId))) seen.push(String(i.ratingId));
  }
  return { status: 200, ids: seen } satisfies Outcome;
}

export const probes: AccessProbe[] = [
  {
    kind: 'station-rating',
    tables: ['station_ratings'],
    seed: (ctx, owners, outsider) => {
      seededDb = ctx.db;
      return seedEach(ctx, owners, outsider, (owner, unitId) =>
        insertOne(
          ctx.db,
          `INSERT INTO station_ratings (station_id, year, checklist_id, status, created_by)
           VALUES ($1, $2, (SELECT min(id) FROM station_rating_checklists), 'draft', $3) RETURNING id`,
          [unitId, 2000 + (sequence++ % 100), owner],
        ),
      );
    },
    ops: {
      list: (caller, { ids }) => listed(caller, ids),
      get: async (caller, { id }) => status(await caller.get(`/api/v1/station-ratings/${id}`)),
      write: async (caller, { id }) => {
        const [row] = await rowsOf([id]);
        return status(
          await caller.put(`/api/v1/station-ratings/${id}/scores`, { version: row?.version ?? 1, scores: [] }),
        );
      },
    },
    notOffered: {
      count: 'the list is one row per station, without a total',
      export: 'the rating module has no export',
      download: 'evidence is served through its rating (GET /station-ratings/:id/files/:fileId), never on its own',
    },
  },
];
