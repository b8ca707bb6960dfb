import type { TEntityListQuery } from '../../contracts/entities.ts';
import type { Queryable } from '../../db/client.ts';
import { decodeCursor, keysetPage } from '../../db/sql.ts';
import type { Actor } from '../../server/actor.ts';
import { validation } from '../../server/errors.ts';
import * as repo from './repo.ts';
import { entityWhere, hasNameSearch, type NameSearchPlan } from './where.ts';

/** Up to this many matches the total is exact; beyond it, the planner's estimate (totalIsEstimate). */
export const EXACT_TOTAL_LIMIT = 1_000;
/** A name search the planner expects to match at least this often is not counted: its estimate is the total. */
export const ESTIMATE_ONLY_FROM = 2 * EXACT_TOTAL_LIMIT;
/** Walk the primary key while the expected number of rows read for one page stays under this. */
export const WALK_ROW_BUDGET = 20_000;

interface Totals {
  total: number;
  totalIsEstimate: boolean;
}

/**
 * Which plan serves a name search. The GIN index reads every candidate (heap fetch, then a sort for the newest
 * first): cheap when the fragment is rare, slow for 餐饮 (50 k rows). Walking the primary key newest first and
 * testing each row stops after one page: about limit × rows ÷ matches rows read, cheap when the fragment is
 * frequent. `expected` is the planner's estimate of the matches, from the statistics of the bigrams
 * (pg_stats.most_common_elem_freqs); `rows` the table's row estimate (pg_class.reltuples).
 */
export function chooseNamePlan(expected: number, rows: number, limit: number): NameSearchPlan {
  if (expected <= 0) return 'index';
  return ((limit + 1) * Math.max(rows, 0)) / expected <= WALK_ROW_BUDGET ? 'walk' : 'index';
}

/**
 * The cursor carries the last id, and the first page's total and plan: later pages repeat that total instead of
 * counting again (it is "as of the first page"), and keep the plan so one listing walks one way.
 */
function readCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [beforeId, total, estimate, walk] = decodeCursor(cursor) ?? [];
  if (!Number.isSafeInteger(beforeId)) throw validation('cursor', '分页游标无效，请从第一页重新查询');
  const totals: Totals | undefined = Number.isSafeInteger(total)
    ? { total: total as number, totalIsEstimate: estimate === 1 }
    : undefined;
  return { beforeId: beforeId as number, totals, plan: (walk === 1 ? 'walk' : 'index') as NameSearchPlan };
}

/** Exact count up to the limit, else the larger of the capped count and the planner's estimate. */
async function countTotals(db: Queryable, actor: Actor, q: TEntityListQuery, estimate?: number): Promise<Totals> {
  const exact = await repo.countEntitiesCapped(db, entityWhere(actor, q), EXACT_TOTAL_LIMIT + 1);
  if (exact <= EXACT_TOTAL_LIMIT) return { total: exact, totalIsEstimate: false };
  const planned = estimate ?? (await repo.estimateEntities(db, entityWhere(actor, q, { forEstimate: true })));
  return { total: Math.max(exact, planned), totalIsEstimate: true };
}

/** One keyset page, newest first, with its total (counted or estimated on the first page only). */
export async function listEntityPage<T extends { id: number }>(
  db: Queryable,
  actor: Actor,
  q: TEntityListQuery,
  toItem: (row: repo.EntitySummaryRow) => T,
): Promise<{ items: T[]; nextCursor: string | null } & Totals> {
  const cursor = readCursor(q.cursor);
  let plan: NameSearchPlan = cursor?.plan ?? 'index';
  let totals = cursor?.totals;
  let estimate: number | undefined;
  if (!cursor && hasNameSearch(q)) {
    // First page of a name search: when the planner expects many matches its estimate is the total and it picks
    // the plan; otherwise the matches must be counted, and the index plan does that in the same pass.
    estimate = await repo.estimateEntities(db, entityWhere(actor, q, { forEstimate: true }));
    if (estimate >= ESTIMATE_ONLY_FROM) {
      totals = { total: estimate, totalIsEstimate: true };
      plan = chooseNamePlan(estimate, await repo.estimatedEntityRows(db), q.limit);
    }
  }
  const page = entityWhere(actor, q, { plan });
  if (cursor) page.add('e.id < ?', cursor.beforeId);
  let rows: repo.EntitySummaryRow[];
  if (!totals && estimate !== undefined && plan === 'index') {
    // The index plan reads every match to sort them: counting them all on the way costs nothing more.
    const counted = await repo.listEntitiesCounted(db, page, q.limit + 1);
    rows = counted.rows;
    totals = { total: counted.matches, totalIsEstimate: false };
  } else rows = await repo.listEntities(db, page, q.limit + 1);
  const { total, totalIsEstimate } = totals ?? (await countTotals(db, actor, q, estimate));
  const walk = plan === 'walk' ? 1 : 0;
  const keyed = keysetPage(rows.map(toItem), q.limit, (r) => [r.id, total, totalIsEstimate ? 1 : 0, walk]);
  return { ...keyed, total, totalIsEstimate };
}
