import type { TEntityListQuery } from '../../contracts/entities.ts';
import type { Queryable } from '../../db/client.ts';
import { decodeCursor, keysetPage } from '../../db/sql.ts';
import { aggregateReach } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { validation } from '../../platform/errors.ts';
import * as repo from './repo.ts';
import { entityWhere, hasNameSearch, type NameSearchPlan } from './where.ts';

/**
 * Up to this many matches the total is exact; beyond it, the planner's estimate (totalIsEstimate) for a caller who
 * sees the whole register, and "more than this many" (totalIsCapped) for one limited to some stations.
 */
export const EXACT_TOTAL_LIMIT = 1_000;
/** A name search the planner expects to match at least this often is not counted: its estimate is the total. */
export const ESTIMATE_ONLY_FROM = 2 * EXACT_TOTAL_LIMIT;
/** Walk the primary key while the expected number of rows read for one page stays under this. */
export const WALK_ROW_BUDGET = 20_000;

interface Totals {
  total: number;
  totalIsEstimate: boolean;
  totalIsCapped: boolean;
}

/**
 * The planner's estimates come from statistics of the whole table (pg_stats): with a station filter they are the
 * global frequency of the words times the station's share, so they count other stations' rows (a fragment only
 * another station's names hold was "about 10,597" for a station chief). Only a caller who sees everything gets one.
 */
const mayEstimate = (actor: Actor) => 'all' in aggregateReach(actor);

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
  const [beforeId, total, kind, walk] = decodeCursor(cursor) ?? [];
  if (!Number.isSafeInteger(beforeId)) throw validation('cursor', '分页游标无效，请从第一页重新查询');
  const totals: Totals | undefined = Number.isSafeInteger(total)
    ? { total: total as number, totalIsEstimate: kind === 1, totalIsCapped: kind === 2 }
    : undefined;
  return { beforeId: beforeId as number, totals, plan: (walk === 1 ? 'walk' : 'index') as NameSearchPlan };
}

/**
 * Exact count up to the limit; beyond it the larger of the capped count and the planner's estimate, or for a
 * scoped caller "more than the limit".
 */
async function countTotals(db: Queryable, actor: Actor, q: TEntityListQuery, estimate?: number): Promise<Totals> {
  const exact = await repo.countEntitiesCapped(db, entityWhere(actor, q), EXACT_TOTAL_LIMIT + 1);
  if (exact <= EXACT_TOTAL_LIMIT) return exactly(exact);
  if (!mayEstimate(actor)) return { total: EXACT_TOTAL_LIMIT, totalIsEstimate: false, totalIsCapped: true };
  const planned = estimate ?? (await repo.estimateEntities(db, entityWhere(actor, q, { forEstimate: true })));
  return { total: Math.max(exact, planned), totalIsEstimate: true, totalIsCapped: false };
}

const exactly = (total: number): Totals => ({ total, totalIsEstimate: false, totalIsCapped: false });

type Page = { rows: repo.EntitySummaryRow[]; totals: Totals; plan: NameSearchPlan };

/**
 * First page for a caller limited to some stations: no planner estimate is shown (see mayEstimate), their
 * matches are counted up to the cap. A fragment the statistics call frequent is first looked for among the
 * newest WALK_ROW_BUDGET rows (walking the key): finding the cap's worth there gives the page and "more than the
 * cap" at once. Otherwise one pass reads up to the cap of their matches (the planner picks how; for a name search
 * usually the bigram and station bitmaps ANDed, costing the fragment's matches in the whole register plus the
 * station's size): up to the cap that is the exact total and the newest page; beyond it the page is read as for
 * anyone. A fragment only other stations hold costs the bounded walk and that pass, where walking the whole key
 * (as the global estimate suggested) read the whole register and found nothing.
 */
async function scopedFirstPage(db: Queryable, actor: Actor, q: TEntityListQuery): Promise<Page> {
  const capped: Totals = { total: EXACT_TOTAL_LIMIT, totalIsEstimate: false, totalIsCapped: true };
  const estimate = hasNameSearch(q)
    ? await repo.estimateEntities(db, entityWhere(actor, q, { forEstimate: true }))
    : undefined;
  const tableRows = estimate === undefined ? 0 : await repo.estimatedEntityRows(db);
  if (estimate !== undefined && estimate >= ESTIMATE_ONLY_FROM) {
    const floor = (await repo.maxEntityId(db)) - WALK_ROW_BUDGET;
    const w = entityWhere(actor, q, { plan: 'walk' }).add('e.id > ?', floor);
    const ids = await repo.newestEntityIds(db, w, EXACT_TOTAL_LIMIT + 1);
    if (ids.length > EXACT_TOTAL_LIMIT)
      return { rows: await repo.listEntitiesByIds(db, ids.slice(0, q.limit + 1)), totals: capped, plan: 'walk' };
  }
  const counted = await repo.listEntitiesCounted(db, entityWhere(actor, q), q.limit + 1, EXACT_TOTAL_LIMIT + 1);
  if (counted.matches <= EXACT_TOTAL_LIMIT)
    return { rows: counted.rows, totals: exactly(counted.matches), plan: 'index' };
  // More than the cap in scope: the estimate only picks the plan here (the walk when matches are dense).
  const plan =
    estimate === undefined ? 'index' : chooseNamePlan(Math.max(estimate, EXACT_TOTAL_LIMIT + 1), tableRows, q.limit);
  return { rows: await repo.listEntities(db, entityWhere(actor, q, { plan }), q.limit + 1), totals: capped, plan };
}

/** First page for a caller who sees the whole register: the planner's estimates may stand for the total. */
async function firstPage(db: Queryable, actor: Actor, q: TEntityListQuery): Promise<Page> {
  let plan: NameSearchPlan = 'index';
  let totals: Totals | undefined;
  let estimate: number | undefined;
  if (hasNameSearch(q)) {
    // When the planner expects many matches its estimate is the total and it picks the plan; otherwise the
    // matches must be counted, and the index plan does that in the same pass.
    estimate = await repo.estimateEntities(db, entityWhere(actor, q, { forEstimate: true }));
    if (estimate >= ESTIMATE_ONLY_FROM) {
      totals = { total: estimate, totalIsEstimate: true, totalIsCapped: false };
      plan = chooseNamePlan(estimate, await repo.estimatedEntityRows(db), q.limit);
    } else {
      // The index plan reads every match to sort them: counting them all on the way costs nothing more.
      const counted = await repo.listEntitiesCounted(db, entityWhere(actor, q, { plan }), q.limit + 1);
      return { rows: counted.rows, totals: exactly(counted.matches), plan };
    }
  }
  const rows = await repo.listEntities(db, entityWhere(actor, q, { plan }), q.limit + 1);
  return { rows, totals: totals ?? (await countTotals(db, actor, q, estimate)), plan };
}

/** One keyset page, newest first, with its total (counted or estimated on the first page only). */
export async function listEntityPage<T extends { id: number }>(
  db: Queryable,
  actor: Actor,
  q: TEntityListQuery,
  toItem: (row: repo.EntitySummaryRow) => T,
): Promise<{ items: T[]; nextCursor: string | null } & Totals> {
  const cursor = readCursor(q.cursor);
  let page: Page;
  if (cursor) {
    const w = entityWhere(actor, q, { plan: cursor.plan }).add('e.id < ?', cursor.beforeId);
    const totals = cursor.totals ?? (await countTotals(db, actor, q));
    page = { rows: await repo.listEntities(db, w, q.limit + 1), totals, plan: cursor.plan };
  } else page = mayEstimate(actor) ? await firstPage(db, actor, q) : await scopedFirstPage(db, actor, q);
  const { totals: t } = page;
  const kind = t.totalIsEstimate ? 1 : t.totalIsCapped ? 2 : 0;
  const walk = page.plan === 'walk' ? 1 : 0;
  const keyed = keysetPage(page.rows.map(toItem), q.limit, (r) => [r.id, t.total, kind, walk]);
  return { ...keyed, ...t };
}
