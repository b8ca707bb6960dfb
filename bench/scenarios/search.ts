import type { Db } from '../../src/db/client.ts';
import { escapeLike } from '../../src/db/sql.ts';
import { bigramTsquery } from '../../src/domain/bigrams.ts';
import type { Actor } from '../../src/platform/actor.ts';
import type { EntityApi } from '../lib/entity-api.ts';
import type { ResultRow } from '../lib/report.ts';
import { sample, summarise } from '../lib/timing.ts';

/**
 * Fragments users type: 2-character common ones (most real queries: 1.5–7 % of names), 2-character trade names
 * (about 0.01 %), rarer 3–4 character ones (0.04–0.4 %), and USCC prefixes (picked from the data).
 */
const FRAGMENTS = {
  common: ['餐饮', '里水', '五金', '便利'],
  'rare 2-char': ['恒泰', '华达'],
  'rare 3-4 char': ['大药房', '膳食管理', '陈记烧腊', '花卉种植', '家电维修'],
};

interface FragmentResult {
  fragment: string;
  kind: string;
  matches: number;
  service: ReturnType<typeof summarise>;
  bigramFirstPage?: ReturnType<typeof summarise>;
  likeScanFirstPage?: ReturnType<typeof summarise>;
}

const BIGRAM_PAGE = `SELECT e.id FROM entities e WHERE e.name_bigrams @@ $1::tsquery AND e.name LIKE $2 ORDER BY e.id DESC LIMIT 21`;
const LIKE_PAGE = `SELECT e.id FROM entities e WHERE e.name LIKE $1 ORDER BY e.id DESC LIMIT 21`;

/** Two real USCC prefixes from the middle of the register: 10 characters (many matches) and 13 (a few). */
async function usccPrefixes(db: Db): Promise<string[]> {
  const [row] = await db.query<{ uscc: string }>(
    `SELECT uscc FROM entities WHERE id >= (SELECT (min(id) + max(id)) / 2 FROM entities) ORDER BY id LIMIT 1`,
  );
  return row ? [row.uscc.slice(0, 10), row.uscc.slice(0, 13)] : [];
}

async function measureFragment(
  db: Db,
  api: EntityApi,
  actor: Actor,
  fragment: string,
  kind: string,
  runs: number,
  warmup = 3,
): Promise<FragmentResult> {
  const like = `%${escapeLike(fragment)}%`;
  const tsquery = bigramTsquery(fragment);
  const service = summarise(await sample(runs, () => api.list(actor, { q: fragment, limit: 20 }), warmup));
  const { total } = await api.list(actor, { q: fragment, limit: 20 });
  const result: FragmentResult = { fragment, kind, matches: total, service };
  if (kind !== 'uscc' && tsquery) {
    result.bigramFirstPage = summarise(await sample(runs, () => db.query(BIGRAM_PAGE, [tsquery, like])));
    // The scan has no index to use: few runs, it is the slow baseline.
    result.likeScanFirstPage = summarise(await sample(3, () => db.query(LIKE_PAGE, [like]), 1));
  }
  return result;
}

/** Worst service p95 over the name fragments, fewer runs: the state right after a load, before VACUUM. */
export async function searchSnapshot(api: EntityApi, actor: Actor): Promise<number> {
  let worstP95 = 0;
  for (const f of Object.values(FRAGMENTS).flat()) {
    worstP95 = Math.max(worstP95, summarise(await sample(10, () => api.list(actor, { q: f, limit: 20 }))).p95);
  }
  return worstP95;
}

const worst = (rs: FragmentResult[], pick: (r: FragmentResult) => number | undefined) =>
  Math.max(...rs.map((r) => pick(r) ?? Number.NaN).filter((v) => !Number.isNaN(v)));

/**
 * (2) Chinese substring search through the service (first page of 20 plus its capped total), the bare bigram
 * query for the same first page, and the unindexed LIKE scan it replaces.
 */
export async function searchScenario(
  db: Db,
  api: EntityApi,
  actors: { admin: Actor; station: Actor },
  log: (msg: string) => void,
  /** Fewer runs (no warm-up) for the USCC prefixes, where a plan walks the whole key (province scale). */
  opts: { usccRuns?: number } = {},
): Promise<{ rows: ResultRow[]; detail: FragmentResult[]; plans: Record<string, string> }> {
  const detail: FragmentResult[] = [];
  for (const [kind, fragments] of Object.entries(FRAGMENTS)) {
    for (const f of fragments) {
      log(`search ${kind} ${f}`);
      detail.push(await measureFragment(db, api, actors.admin, f, kind, 20));
    }
  }
  for (const f of await usccPrefixes(db)) {
    log(`search uscc ${f}`);
    detail.push(
      await measureFragment(db, api, actors.admin, f, 'uscc', opts.usccRuns ?? 20, opts.usccRuns === undefined ? 3 : 0),
    );
  }
  log('search as the 里水 station chief');
  for (const f of FRAGMENTS.common)
    detail.push(await measureFragment(db, api, actors.station, f, 'common, station scope', 20));
  const rows: ResultRow[] = [];
  for (const kind of [...new Set(detail.map((d) => d.kind))]) {
    const rs = detail.filter((d) => d.kind === kind);
    const matches = rs.map((r) => `${r.fragment}:${r.matches}`).join(' ');
    rows.push(
      {
        scenario: 'search',
        metric: `${kind}: service p50 (worst fragment)`,
        value: worst(rs, (r) => r.service.p50),
        unit: 'ms',
      },
      {
        scenario: 'search',
        metric: `${kind}: service p95 (worst fragment)`,
        value: worst(rs, (r) => r.service.p95),
        unit: 'ms',
        target: '≤ 20',
        note: matches,
      },
    );
    if (rs.some((r) => r.bigramFirstPage)) {
      rows.push(
        {
          scenario: 'search',
          metric: `${kind}: bigram first page p95`,
          value: worst(rs, (r) => r.bigramFirstPage?.p95),
          unit: 'ms',
        },
        {
          scenario: 'search',
          metric: `${kind}: LIKE scan first page p50`,
          value: worst(rs, (r) => r.likeScanFirstPage?.p50),
          unit: 'ms',
          note: 'no index',
        },
      );
    }
  }
  // Plans of the slowest fragment, for the report: where the time goes.
  const slowest = detail.filter((d) => d.kind !== 'uscc').sort((a, b) => b.service.p95 - a.service.p95)[0];
  const plans: Record<string, string> = {};
  if (slowest) plans[`first page: ${slowest.fragment}`] = await explain(db, slowest.fragment, false);
  if (slowest) plans[`capped count: ${slowest.fragment}`] = await explain(db, slowest.fragment, true);
  return { rows, detail, plans };
}

async function explain(db: Db, fragment: string, count: boolean): Promise<string> {
  const where = 'e.name_bigrams @@ $1::tsquery AND e.name LIKE $2';
  const sql = count
    ? `SELECT count(*) FROM (SELECT 1 FROM entities e WHERE ${where} LIMIT 10001) t`
    : `SELECT e.id FROM entities e WHERE ${where} ORDER BY e.id DESC LIMIT 21`;
  const rows = await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, [
    bigramTsquery(fragment),
    `%${escapeLike(fragment)}%`,
  ]);
  return rows.map((r) => Object.values(r)[0]).join('\n');
}
