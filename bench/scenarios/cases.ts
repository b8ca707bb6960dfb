import type { Db } from '../../src/db/client.ts';
import { loadDemoCases } from '../../src/demo/demo-cases.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import * as statsRepo from '../../src/modules/cases/repos/stats.ts';
import { createCaseQueries } from '../../src/modules/cases/services/cases.ts';
import { createCaseStats } from '../../src/modules/cases/services/stats.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { benchActors } from '../lib/actors.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type ScenarioContext, type ScenarioResult } from '../lib/scenario.ts';
import { sample, summarise, timed } from '../lib/timing.ts';

const CASES = Number(process.env.BENCH_CASES ?? 500_000);
const STATIONS = 20;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);

/** A province-sized bureau: 20 stations (the demo's 8 and 12 more, each with a chief and an inspector). */
async function addStations(db: Db): Promise<void> {
  await db.exec(`
    WITH b AS (SELECT id, path FROM org_units WHERE code = 'bureau'),
         n AS (SELECT g, nextval(pg_get_serial_sequence('org_units', 'id')) AS id
                 FROM generate_series(9, ${STATIONS}) g)
    INSERT INTO org_units (id, parent_id, code, name, kind, path, sort_order)
    OVERRIDING SYSTEM VALUE
    SELECT n.id, b.id, 's' || lpad(n.g::text, 2, '0'), '测试' || n.g || '号市场监管所', 'station', b.path || n.id || '/', 100 + n.g
      FROM n, b;
    INSERT INTO users (username, display_name, unit_id, password_hash, enforcement_credential_no, enforcement_credential_expires_on)
    SELECT o.code || r.suffix, o.name || r.suffix, o.id, 'x', '4406' || o.id || r.suffix, '2029-12-31'
      FROM org_units o CROSS JOIN (VALUES ('.chief'), ('.inspector')) r (suffix)
     WHERE o.kind = 'station' AND o.sort_order > 100;`);
}

/** A dictionary when the leads branch's seed is not there yet: 40 types over the areas. */
async function ensureViolationTypes(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_violation_types');
  if (row!.n > 0) return row!.n;
  await db.exec(`
    INSERT INTO case_violation_types (code, area, name, legal_basis, penalty_basis, sort_order)
    SELECT 'BENCH-' || g, (ARRAY['food', 'food', 'food', 'pricing', 'advertising', 'trademark', 'product_quality',
             'special_equipment', 'unlicensed', 'consumer', 'competition', 'drug', 'registration', 'other'])[1 + g % 14],
           '违法行为' || g, '法律依据' || g, '处罚依据' || g, g
      FROM generate_series(1, 40) g`);
  return 40;
}

/** 执法办案 at a province's scale: 500 k cases over three years in 20 stations; case list and statistics p95. */
export async function casesScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { db, log } = ctx;
  await loadBenchRegister(ctx);
  await addStations(db);
  const types = await ensureViolationTypes(db);
  const today = shanghaiToday();
  // About a thousand closed cases a day, and open cases at 150 × the demo's hundred.
  const openScale = Math.round(CASES / 3400);
  const days =
    (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${Number(today.slice(0, 4)) - 2}-01-01T00:00:00Z`)) / 864e5 + 1;
  const closedPerYear = Math.round(((CASES - openScale * 100) * 365) / days);
  log(
    `loading about ${CASES.toLocaleString()} cases (${closedPerYear.toLocaleString()} closed a year, ${types} violation types)`,
  );
  const loaded = await loadDemoCases(db, { today, closedPerYear, openScale, seed: ctx.seed });
  log(
    `loaded ${loaded.cases.toLocaleString()} cases and ${loaded.leads.toLocaleString()} leads in ${loaded.seconds.toFixed(0)} s`,
  );
  const vacuum = await timed(() =>
    db.exec('VACUUM (ANALYZE) cases, case_officers, case_steps, case_penalties, case_violations, case_monthly_stats'),
  );
  const measured = await measureCases(db, log);
  return {
    rows: [
      {
        scenario: 'cases',
        metric: 'load (cases, officers, steps, penalties, documents, leads)',
        value: loaded.seconds,
        unit: 's',
      },
      { scenario: 'cases', metric: 'VACUUM ANALYZE after load', value: vacuum.ms / 1000, unit: 's' },
      ...measured.rows,
    ],
    detail: { loaded, ...measured.detail },
  };
}

/**
 * The measurements on a loaded database (also run alone on a kept one: bench/cases-measure.ts): the rollup's full
 * rebuild and its job, then p95 of the case list (through the list service) and of the statistics, as the district
 * and as a station chief.
 */
export async function measureCases(db: Db, log: (msg: string) => void): Promise<ScenarioResult> {
  const today = shanghaiToday();
  const [sizes] = await db.query<Record<string, number>>(
    `SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_steps) AS steps,
            (SELECT count(*)::int FROM case_monthly_stats) AS "rollupRows",
            pg_total_relation_size('cases')::float8 AS "casesBytes"`,
  );
  const stats = createCaseStats(db);
  const rebuild = await timed(() => stats.rebuild('all'));
  const refresh = await timed(() => stats.refresh(new Date(Date.now() - 20 * 60_000)));
  const actors = await benchActors(db);
  const year = Number(today.slice(0, 4));
  const [busy] = await db.query<{ id: number }>(
    `SELECT station_id AS id FROM cases GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const liveFrom = `${today.slice(0, 7)}-01`;
  // The case list through the list service of the flow branch (GET /api/v1/cases: keyset, stage, station, q).
  const queries = createCaseQueries(db);
  const list = (a: Actor, q: { stage?: string; stationId?: number; cursor?: string; q?: string; overdue?: 'true' }) =>
    queries.list(a, { limit: 20, ...q });
  // Page 5: the cursor after page 4, found once per caller, then page 5 is what is timed.
  const page5Cursor = new Map<Actor, string | undefined>();
  const page5 = async (a: Actor) => {
    if (!page5Cursor.has(a)) {
      let cursor: string | undefined;
      for (let i = 1; i < 5; i++) cursor = (await list(a, { cursor })).nextCursor ?? undefined;
      page5Cursor.set(a, cursor);
    }
    return list(a, { cursor: page5Cursor.get(a) });
  };
  // Each caller filters by a station and searches a party name it can see: the busiest station for the district,
  // the chief's own; and, as a worst case, a name from a station the chief cannot see (no rows to find).
  const ownStation = (a: Actor) => (a.dataScope === 'all' ? busy!.id : a.unitId);
  const partyOf = async (stationId: number) =>
    (
      await db.query<{ name: string }>(
        'SELECT party_name AS name FROM cases WHERE station_id = $1 ORDER BY id DESC LIMIT 1',
        [stationId],
      )
    )[0]!.name.slice(0, 4);
  const parties = new Map<number, string>();
  const partyIn = async (stationId: number) => {
    if (!parties.has(stationId)) parties.set(stationId, await partyOf(stationId));
    return parties.get(stationId)!;
  };
  type Case = [string, (a: Actor) => Promise<unknown>];
  const cases: Case[] = [
    ['case list, first page', (a) => list(a, {})],
    ['case list by stage (investigating)', (a) => list(a, { stage: 'investigating' })],
    ['case list by stage (hearing, rare)', (a) => list(a, { stage: 'hearing,heard' })],
    ['case list by station (own)', (a) => list(a, { stationId: ownStation(a) })],
    ['case list page 5 (keyset)', page5],
    ['case list overdue', (a) => list(a, { overdue: 'true' })],
    ['case list party name search', async (a) => list(a, { q: await partyIn(ownStation(a)) })],
    ['case list party name search, a name only elsewhere', async (a) => list(a, { q: await partyIn(busy!.id) })],
    ['stats year by station', (a) => stats.summary(a, year, 'station')],
    ['stats year by month', (a) => stats.summary(a, year, 'month')],
    ['stats year by violation area', (a) => stats.summary(a, year, 'violationArea')],
    ['stats year by department', (a) => stats.summary(a, year, 'department')],
    ['stats last year by station', (a) => stats.summary(a, year - 1, 'station')],
    // What the rollup saves: the same year summed from the cases themselves.
    [
      'no rollup: one year by station from the cases',
      (a) => statsRepo.statsBy(db, a, 'station', `${year}-01-01`, `${year + 1}-01-01`, `${year}-01-01`),
    ],
  ];
  const rows: ResultRow[] = [
    {
      scenario: 'cases',
      metric: 'cases',
      value: sizes!.cases!,
      unit: 'rows',
      target: `≥ ${Math.round(CASES * 0.95)}`,
    },
    {
      scenario: 'cases',
      metric: 'rollup full rebuild',
      value: rebuild.ms / 1000,
      unit: 's',
      note: `${rebuild.value.rows} rows`,
    },
    { scenario: 'cases', metric: 'rollup job (3 recent + touched months)', value: refresh.ms / 1000, unit: 's' },
  ];
  const detail: Record<string, unknown> = {
    sizes,
    refresh: refresh.value,
    liveFrom,
    listSource: 'createCaseQueries(db).list (GET /api/v1/cases)',
  };
  for (const [who, actor] of [
    ['district', actors.admin],
    ['station', actors.station],
  ] as const) {
    for (const [name, run] of cases) {
      // The base-table aggregate takes seconds at 500 k: a few runs show it.
      const s = summarise(await sample(name.startsWith('no rollup') ? 5 : RUNS, () => run(actor), 1));
      detail[`${who}: ${name}`] = s;
      log(`${who}: ${name}: p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} ms`);
      rows.push({
        scenario: 'cases',
        metric: `${who}: ${name} p95`,
        value: s.p95,
        unit: 'ms',
        target: name.startsWith('no rollup') ? undefined : '≤ 100',
        note: `p50 ${s.p50.toFixed(1)}`,
      });
    }
  }
  return { rows, detail };
}
