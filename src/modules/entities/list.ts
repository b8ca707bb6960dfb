import type { TEntityListQuery } from '../../contracts/entities.ts';
import type { Queryable } from '../../db/client.ts';
import { decodeCursor, keysetPage } from '../../db/sql.ts';
import { aggregateReach, readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { validation } from '../../platform/errors.ts';
import { entityResource } from './access.ts';
import * as listRepo from './list-repo.ts';
import * as repo from './repo.ts';
import { type EntityFilters, hasNameSearch, type NameSearchPlan } from './search.ts';

/**
 * Up to this many matches the total is exact; beyond it, the planner's estimate (totalIsEstimate) for a caller who
 * sees the whole register, and "more than this many" (totalIsCapped) for one limited to some stations.
 */
export const EXACT_TOTAL_LIMIT = 1_000;
/** A name search the planner expects to match at least this often is not counted: its estimate is the total. */
export const ESTIMATE_ONLY_FROM = 2 * EXACT_TOTAL_LIMIT;
/** Walk the primary key while the expected number of rows read for one page stays under this. */
export const WALK_ROW_BUDGET = 20_000;
/**
 * A walk of the id and name index alone (list-repo.ts walkIsCovered: a caller who sees the whole register, no
 * filter) reads no heap, ≈ 0.08 µs a row against ≈ 0.55 at 20 M, so it may read this many rows. It is chosen while
 * a page's expected rows stay under half of it: the rarest bigram's estimate is an upper bound of the matches, so a
 * page needs at least the expected rows, and the margin lets a fragment whose bigrams are each common but seldom
 * together (陈记烧腊 at 20 M: 52,000 estimated, 8,400 match, the page after 48.7 k rows) finish its page instead of
 * paying for the walk and then the index plan.
 */
export const COVERED_WALK_ROW_BUDGET = 100_000;

/**
 * A walk of the id and name index that the estimate did not choose still reads this many rows first (≈ 2 ms at
 * 20 M): the estimate of a bigram the statistics do not list is a guess (城德: 7,667 at 20 M, where 区桂城德 matches
 * 13,200 and its page lies 32 k rows down), and what these rows show decides (walkCovered).
 */
export const SCOUT_WALK_ROWS = 25_000;
/**
 * A walked row of the id and name index against a match the index plan reads from the heap, at 20 M: ≈ 0.08 µs
 * against ≈ 0.5 with the heap pages in shared buffers (华达: 3,360 matches in 1.6 ms).
 */
const WALK_ROW_PER_INDEX_MATCH = 1 / 6;
/**
 * A bigram the planner puts at more than this many times the rarest one's rows is left to the LIKE recheck
 * (probeBigrams). At 20 M: 海区 at 1,695× 尚金 cost 34 ms of 海区尚金's 35 for nothing (0.9 ms without it); 区桂 and
 * 桂城 at 290–380× 城德 cost 17 ms and cut 区桂城德's candidates only from 14,400 to 13,200; but 灶镇 at 25× 镇联 cuts
 * 丹灶镇联's from 26,800 to 3,200 (140 ms without it, 19 ms with it).
 */
export const PROBE_RATIO = 200;

/**
 * The bigrams the index plan probes: those within PROBE_RATIO of the rarest. A GIN probe reads every probed
 * bigram's whole posting list, which for a bigram most names hold costs more than the heap pages it saves, since
 * the LIKE recheck decides anyway. undefined when every bigram is probed.
 */
export function probeBigrams(estimates: readonly number[] | undefined): number[] | undefined {
  if (!estimates?.length) return undefined;
  const limit = PROBE_RATIO * Math.max(Math.min(...estimates), 1);
  const kept = estimates.flatMap((e, i) => (e <= limit ? [i] : []));
  return kept.length < estimates.length ? kept : undefined;
}

/**
 * Whether a walk of this selection reads the id and name index alone, the rows it may read, and the expected rows
 * up to which it is chosen.
 */
const walkBudget = (s: repo.EntitySelection) =>
  listRepo.walkIsCovered(s)
    ? { covered: true, read: COVERED_WALK_ROW_BUDGET, choose: COVERED_WALK_ROW_BUDGET / 2 }
    : { covered: false, read: WALK_ROW_BUDGET, choose: WALK_ROW_BUDGET };

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
/** The caller's readable entities with the list's filters (the repo turns it into SQL). */
export function entitySelection(
  actor: Actor,
  filters: EntityFilters,
  opts: Omit<repo.EntitySelection, 'readable' | 'filters'> = {},
): repo.EntitySelection {
  return { readable: (w) => readableWhere(actor, entityResource, w), filters, ...opts };
}

const mayEstimate = (actor: Actor) => 'all' in aggregateReach(actor);

/**
 * Which plan serves a name search. The GIN index reads every candidate (heap fetch, then a sort for the newest
 * first): cheap when the fragment is rare, slow for 餐饮 (50 k rows). Walking the primary key newest first and
 * testing each row stops after one page: about limit × rows ÷ matches rows read, cheap when the fragment is
 * frequent. `expected` is the planner's estimate of the matches by the fragment's rarest bigram (list-repo.ts
 * estimateNameMatches: an upper bound, from pg_stats.most_common_elem_freqs); `rows` the rows the walk reads from
 * (the selection without its name test).
 */
export function chooseNamePlan(
  expected: number,
  rows: number,
  limit: number,
  budget = WALK_ROW_BUDGET,
): NameSearchPlan {
  if (expected <= 0) return 'index';
  return ((limit + 1) * Math.max(rows, 0)) / expected <= budget ? 'walk' : 'index';
}

/** A selection the planner puts at this many rows or more (no name search) is not counted: "more than the cap". */
export const COUNT_SKIP_FROM = 20 * EXACT_TOTAL_LIMIT;

/**
 * A walked name search whose sampled matches reach this (from at least MIN_SAMPLE_HITS matches in the sample) is
 * not counted: a sample of 20 matches that puts the scope at 5 × the cap while fewer than the cap match has a
 * probability of about 1e-7 (Poisson, mean ≤ 4).
 */
export const SAMPLED_SKIP_FROM = 5 * EXACT_TOTAL_LIMIT;
const MIN_SAMPLE_HITS = 20;

type ListPlan = NameSearchPlan | 'uscc';
const planCodes: ListPlan[] = ['index', 'walk', 'uscc'];

/**
 * The cursor carries the last row's key (its id; the code for a USCC-prefix search, listed in code order), and the
 * first page's total and plan: later pages repeat that total instead of counting again (it is "as of the first
 * page"), and keep the plan so one listing walks one way.
 */
function readCursor(cursor: string | undefined, byCode: boolean) {
  if (!cursor) return undefined;
  const [key, total, kind, planCode, probe] = decodeCursor(cursor) ?? [];
  const valid = byCode ? typeof key === 'string' && key.length <= 18 : Number.isSafeInteger(key);
  if (!valid) throw validation('cursor', '分页游标无效，请从第一页重新查询');
  const totals: Totals | undefined = Number.isSafeInteger(total)
    ? { total: total as number, totalIsEstimate: kind === 1, totalIsCapped: kind === 2 }
    : undefined;
  const plan: ListPlan = byCode ? 'uscc' : planCode === 1 ? 'walk' : 'index';
  const beforeId = byCode ? undefined : (key as number);
  return { beforeId, afterUscc: byCode ? (key as string) : undefined, totals, plan, probe: probeOf(probe) };
}

/** The cursor's probed bigrams: small indexes only (a forged one falls back to every bigram). */
const probeOf = (value: unknown): number[] | undefined =>
  Array.isArray(value) && value.length && value.every((i) => Number.isInteger(i) && i >= 0 && i < 64)
    ? (value as number[])
    : undefined;

const exactly = (total: number): Totals => ({ total, totalIsEstimate: false, totalIsCapped: false });
const estimated = (total: number): Totals => ({ total, totalIsEstimate: true, totalIsCapped: false });
const capped: Totals = { total: EXACT_TOTAL_LIMIT, totalIsEstimate: false, totalIsCapped: true };

/**
 * Exact count up to the cap. Beyond it the planner's estimate for a caller who sees the whole register, "more than
 * the cap" for one limited to some stations. Without a name search the planner's estimate of the filters and the
 * scope is close (statistics of station, status, type, code ranges), so a selection it puts at COUNT_SKIP_FROM or
 * more is not counted at all (a 2.5 M-entity station cost 1,001 heap reads per page); a name search's estimate is
 * not trusted that far (see nameFirstPage).
 */
async function countTotals(db: Queryable, actor: Actor, q: TEntityListQuery, nameEstimate?: number): Promise<Totals> {
  const s = entitySelection(actor, q);
  const planned = hasNameSearch(q) ? undefined : await repo.estimateEntities(db, s);
  if (planned !== undefined && planned >= COUNT_SKIP_FROM) return mayEstimate(actor) ? estimated(planned) : capped;
  const exact = await repo.countEntitiesCapped(db, s, EXACT_TOTAL_LIMIT + 1);
  if (exact <= EXACT_TOTAL_LIMIT) return exactly(exact);
  if (!mayEstimate(actor)) return capped;
  return totalBeyondCap(exact, planned ?? nameEstimate ?? (await listRepo.estimateNameMatches(db, s)));
}

/**
 * The total shown when the capped count ran past the cap: the estimate, unless it is no larger than what was just
 * counted; then it says nothing ("约 1,001" for a code prefix 16,760 rows match) and only "more than the cap" is true.
 */
export const totalBeyondCap = (counted: number, estimate: number): Totals =>
  estimate > counted ? estimated(estimate) : capped;

type Page = { rows: repo.EntitySummaryRow[]; totals: Totals; plan: ListPlan; probe?: number[] };

/**
 * The selection the walk reads: a caller who sees one station walks that station's rows (entities_station_idx,
 * newest first) rather than the register's keys testing every other station's on the way. Their reach still comes
 * from the access policy (readableWhere); the station filter only names the index.
 */
function walkSelection(actor: Actor, q: TEntityListQuery, beforeId?: number): repo.EntitySelection {
  const reach = aggregateReach(actor);
  const own = 'unitIds' in reach && reach.unitIds.length === 1 ? reach.unitIds[0] : undefined;
  return entitySelection(actor, { ...q, stationId: q.stationId ?? own }, { beforeId });
}

/** Rows of the table a walked search's total is sampled from (sampleNameShare). */
export const SAMPLE_ROWS = 20_000;
/**
 * One station's sample instead (sampleStationShare): 5 runs of 400 of its rows spread over its id range. A name
 * of 1.6 % puts ≈ 6 matches in each run (a run without one: e^-6.4 ≈ 0.2 %); a batch of one name sits in one run,
 * so a share seen in fewer than all but one runs is counted, not extrapolated.
 */
const WINDOWS = 5;
const WINDOW_ROWS = 400;

/**
 * A walked search's "about" total for a caller who sees everything: the walk's density over the scope, held under
 * the rarest bigram's upper bound. 陈记烧腊 at 20 M: 8,620 by its walk, 8,400 match, 52,000 by the bigram.
 */
export const walkedEstimate = (walk: { found: number; rowsRead: number; scopeRows: number; upper: number }) =>
  Math.round(Math.max(walk.found, Math.min(walk.upper, (walk.found * walk.scopeRows) / Math.max(walk.rowsRead, 1))));

/**
 * Totals of a name search whose walk found a page. A caller who sees everything gets the rarest bigram's estimate
 * ("about"; an upper bound, which the walk has just shown to be dense). For a scoped caller the statistics are not
 * the scope's, and the walk's own density is no estimate either (its rows are the newest: one batch of a name there
 * would pass for the whole station), so a sample of the table's pages gives the scope's share of matches; sized
 * for about 40 matches by the walk's density, at most SAMPLE_ROWS. A small estimate is counted (exact up to the
 * cap); a large one stands as "more than the cap".
 */
async function walkedTotals(
  db: Queryable,
  actor: Actor,
  q: TEntityListQuery,
  walk: { found: number; rowsRead: number; scopeRows: number; upper: number; stationId?: number },
): Promise<Totals> {
  if (mayEstimate(actor))
    return walk.upper >= SAMPLED_SKIP_FROM ? estimated(walkedEstimate(walk)) : countTotals(db, actor, q);
  const station = walk.stationId;
  if (station !== undefined) {
    const share = await listRepo.sampleStationShare(db, entitySelection(actor, q), station, WINDOWS, WINDOW_ROWS);
    const estimate = share.read ? (walk.scopeRows * share.hits) / share.read : 0;
    const spread = share.windowsHit >= WINDOWS - 1;
    if (estimate < SAMPLED_SKIP_FROM || share.hits < MIN_SAMPLE_HITS || !spread) return countTotals(db, actor, q);
    return capped;
  }
  const tableRows = await repo.estimatedEntityRows(db);
  const expectedShare = (walk.found / Math.max(walk.rowsRead, 1)) * (walk.scopeRows / Math.max(tableRows, 1));
  const rows = Math.min(SAMPLE_ROWS, Math.max(2_000, Math.ceil((2 * MIN_SAMPLE_HITS) / Math.max(expectedShare, 1e-9))));
  const share = await listRepo.sampleNameShare(db, entitySelection(actor, q), rows, tableRows);
  const estimate = share.read ? (walk.scopeRows * share.hits) / share.read : 0;
  if (estimate < SAMPLED_SKIP_FROM || share.hits < MIN_SAMPLE_HITS) return countTotals(db, actor, q);
  return capped;
}

/**
 * The walk of a caller who sees the whole register: the id and name index alone (list-repo.ts walkIsCovered). Chosen
 * by the estimate, it reads up to `budgets.read` rows; otherwise `budgets.scout` first. Short of a page, it goes on
 * once, from the last row it read, for twice the rows a page still needs at the density it saw, if those cost less
 * than reading the matches that density implies through the index.
 */
export async function walkCovered(
  db: Queryable,
  selection: repo.EntitySelection,
  want: number,
  chosen: boolean,
  scopeRows: number,
  budgets = { read: COVERED_WALK_ROW_BUDGET, scout: SCOUT_WALK_ROWS },
): Promise<{ ids: number[]; rowsRead: number }> {
  const first = await listRepo.walkNewestMatches(db, selection, want, chosen ? budgets.read : budgets.scout);
  const found = first.ids.length;
  if (found >= want || found === 0) return first;
  const needed = ((want - found) * first.rowsRead) / found;
  const implied = (found * scopeRows) / first.rowsRead;
  if (needed > budgets.read || needed * WALK_ROW_PER_INDEX_MATCH > implied) return first;
  const floor = await listRepo.oldestOfNewest(db, selection.beforeId, first.rowsRead);
  if (floor === undefined) return first;
  const on = { ...selection, beforeId: floor };
  const more = await listRepo.walkNewestMatches(db, on, want - found, Math.min(budgets.read, Math.ceil(2 * needed)));
  return { ids: [...first.ids, ...more.ids], rowsRead: first.rowsRead + more.rowsRead };
}

/**
 * First page of a name search. The rarest bigram's estimate (an upper bound of the matches) picks the plan. The walk
 * reads at most its budget of the selection's newest rows: a fragment the statistics overrate (五金餐饮: both
 * bigrams common, the pair rare) or that only other stations hold costs that budget and then the index plan, never a
 * walk of the whole register. The index plan counts the matches up to the cap in the pass that reads the page.
 */
async function nameFirstPage(db: Queryable, actor: Actor, q: TEntityListQuery): Promise<Page> {
  const s = entitySelection(actor, q);
  const [{ upper, each }, scopeRows] = await Promise.all([
    listRepo.nameEstimates(db, s),
    listRepo.estimateScopeRows(db, s),
  ]);
  const probe = probeBigrams(each);
  const selection = walkSelection(actor, q);
  const budget = walkBudget(selection);
  const chosen = chooseNamePlan(upper, scopeRows, q.limit, budget.choose) === 'walk';
  let walk: { ids: number[]; rowsRead: number } | undefined;
  if (chosen || budget.covered) {
    walk = budget.covered
      ? await walkCovered(db, selection, q.limit + 1, chosen, scopeRows)
      : await listRepo.walkNewestMatches(db, selection, q.limit + 1, budget.read);
    if (walk.ids.length > q.limit) {
      const found = walk.ids.length;
      const stationId = selection.filters.stationId;
      const totals = await walkedTotals(db, actor, q, { found, rowsRead: walk.rowsRead, scopeRows, upper, stationId });
      return { rows: await repo.listEntitiesByIds(db, walk.ids), totals, plan: 'walk', probe };
    }
  }
  // A walk that found too few bounds the density: fewer than a page in the rows it read.
  const bound =
    walk === undefined ? upper : Math.min(upper, (scopeRows * (walk.ids.length + 1)) / Math.max(walk.rowsRead, 1));
  // A caller who sees everything and a fragment bound under COUNT_SKIP_FROM matches: the index plan reads every
  // match to sort them anyway, so they are counted on the way, exact, in one pass; otherwise up to the cap.
  const cap = mayEstimate(actor) && bound < COUNT_SKIP_FROM ? undefined : EXACT_TOTAL_LIMIT + 1;
  const index = entitySelection(actor, q, { plan: 'index', probe });
  const counted = await repo.listEntitiesCounted(db, index, q.limit + 1, cap);
  if (counted.matches <= EXACT_TOTAL_LIMIT || cap === undefined)
    return { rows: counted.rows, totals: exactly(counted.matches), plan: 'index', probe };
  const rows = await repo.listEntities(db, index, q.limit + 1);
  if (!mayEstimate(actor)) return { rows, totals: capped, plan: 'index', probe };
  return { rows, totals: estimated(Math.round(Math.max(bound, counted.matches))), plan: 'index', probe };
}

/** A later page of a walked name search: the bounded walk from the cursor, else the index plan from there. */
async function walkedPage(db: Queryable, actor: Actor, q: TEntityListQuery, beforeId: number, probe?: number[]) {
  const selection = walkSelection(actor, q, beforeId);
  const walk = await listRepo.walkNewestMatches(db, selection, q.limit + 1, walkBudget(selection).read);
  if (walk.ids.length > q.limit) return repo.listEntitiesByIds(db, walk.ids);
  return repo.listEntities(db, entitySelection(actor, q, { plan: 'index', beforeId, probe }), q.limit + 1);
}

/**
 * One keyset page with its total (counted or estimated on the first page only): newest first, a USCC-prefix search
 * in code order.
 */
export async function listEntityPage<T extends { id: number; uscc: string }>(
  db: Queryable,
  actor: Actor,
  q: TEntityListQuery,
  toItem: (row: repo.EntitySummaryRow) => T,
): Promise<{ items: T[]; nextCursor: string | null } & Totals> {
  const byCode = repo.usccOrdered(q);
  const cursor = readCursor(q.cursor, byCode);
  let page: Page;
  if (cursor) {
    const totals = cursor.totals ?? (await countTotals(db, actor, q));
    const rows =
      cursor.plan === 'walk' && cursor.beforeId !== undefined
        ? await walkedPage(db, actor, q, cursor.beforeId, cursor.probe)
        : await repo.listEntities(
            db,
            entitySelection(actor, q, { beforeId: cursor.beforeId, afterUscc: cursor.afterUscc, probe: cursor.probe }),
            q.limit + 1,
          );
    page = { rows, totals, plan: cursor.plan, probe: cursor.probe };
  } else if (hasNameSearch(q)) page = await nameFirstPage(db, actor, q);
  else {
    const rows = await repo.listEntities(db, entitySelection(actor, q), q.limit + 1);
    page = { rows, totals: await countTotals(db, actor, q), plan: byCode ? 'uscc' : 'index' };
  }
  const { totals: t } = page;
  const kind = t.totalIsEstimate ? 1 : t.totalIsCapped ? 2 : 0;
  const planCode = planCodes.indexOf(page.plan);
  const keyed = keysetPage(page.rows.map(toItem), q.limit, (r) => [
    byCode ? r.uscc : r.id,
    t.total,
    kind,
    planCode,
    ...(page.probe ? [page.probe] : []),
  ]);
  return { ...keyed, ...t };
}
