import type { Db } from '../../src/db/client.ts';
import { encodeCursor } from '../../src/db/sql.ts';
import { Rng } from '../../src/demo/random.ts';
import type { Actor } from '../../src/platform/actor.ts';
import type { EntityApi, ListQuery } from '../lib/entity-api.ts';
import type { ResultRow } from '../lib/report.ts';
import { sample, summarise } from '../lib/timing.ts';

const RUNS = 200;

/**
 * (3) Keyset pages: the first page and pages deep in the register (a cursor at a random id, as after paging
 * far), without a filter, with a station filter, and as a station-scoped caller. (4) Detail with licences and
 * events for random ids.
 */
export async function browseScenario(
  db: Db,
  api: EntityApi,
  actors: { admin: Actor; station: Actor },
  log: (msg: string) => void,
): Promise<{ rows: ResultRow[]; detail: Record<string, ReturnType<typeof summarise>> }> {
  const [range] = await db.query<{ lo: number; hi: number }>('SELECT min(id) AS lo, max(id) AS hi FROM entities');
  const [s03] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's03'`);
  if (!range || !s03) throw new Error('bench: no entities or no station s03');
  const rng = new Rng(42);
  const randomId = () => range.lo + rng.int(range.hi - range.lo + 1);
  const deep = (q: Omit<ListQuery, 'limit' | 'cursor'>) => () => ({
    ...q,
    limit: 20,
    cursor: encodeCursor([randomId()]),
  });
  const first = (q: Omit<ListQuery, 'limit' | 'cursor'>) => () => ({ ...q, limit: 20 });

  const cases: [string, Actor, () => ListQuery][] = [
    ['first page, no filter', actors.admin, first({})],
    ['deep page by cursor, no filter', actors.admin, deep({})],
    ['first page, station filter', actors.admin, first({ stationId: s03.id })],
    ['deep page by cursor, station filter', actors.admin, deep({ stationId: s03.id })],
    ['first page, station-scoped caller', actors.station, first({})],
    ['deep page by cursor, station-scoped caller', actors.station, deep({})],
  ];
  const detail: Record<string, ReturnType<typeof summarise>> = {};
  const rows: ResultRow[] = [];
  for (const [name, actor, query] of cases) {
    log(`pages: ${name}`);
    const s = summarise(await sample(RUNS, () => api.list(actor, query())));
    detail[name] = s;
    rows.push({
      scenario: 'page',
      metric: `${name} p95`,
      value: s.p95,
      unit: 'ms',
      target: '≤ 10',
      note: `p50 ${s.p50.toFixed(2)}`,
    });
  }
  log('detail by id');
  const ids = Array.from({ length: RUNS + 3 }, randomId);
  const get = summarise(await sample(RUNS, (i) => api.get(actors.admin, ids[i]!)));
  detail['detail by id'] = get;
  rows.push({
    scenario: 'detail',
    metric: 'by id with licences+events p95',
    value: get.p95,
    unit: 'ms',
    note: `p50 ${get.p50.toFixed(2)}`,
  });
  return { rows, detail };
}
