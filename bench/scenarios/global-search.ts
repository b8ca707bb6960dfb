import { loadDemoCases } from '../../src/demo/demo-cases.ts';
import { copyDemoComplaints } from '../../src/demo/demo-complaints-copy.ts';
import { settleRegister } from '../../src/demo/demo-entities-load.ts';
import { makeIdCard } from '../../src/domain/id-card.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { caseSearchProvider } from '../../src/modules/cases/global-search.ts';
import { complaintSearchProvider } from '../../src/modules/complaints/global-search.ts';
import { entitySearchProvider } from '../../src/modules/entities/global-search.ts';
import { userSearchProvider } from '../../src/modules/org/global-search.ts';
import { createSearchService } from '../../src/modules/search/service.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { benchActors } from '../lib/actors.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type ScenarioContext, type ScenarioResult } from '../lib/scenario.ts';
import { sample, summarise, timed } from '../lib/timing.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
/** A city's 执法办案 and 12315 over three years (the register is --entities). */
const CASES_PER_YEAR = Number(process.env.BENCH_CASES_PER_YEAR ?? 10_000);
const COMPLAINTS_PER_YEAR = Number(process.env.BENCH_COMPLAINTS_PER_YEAR ?? 100_000);

/** What people type in the header box: name fragments of every frequency, and the codes they paste. */
async function queries(ctx: ScenarioContext): Promise<{ kind: string; q: string }[]> {
  const { db } = ctx;
  const [mid] = await db.query<{ uscc: string; legalRep: string | null }>(
    `SELECT uscc, legal_rep_name AS "legalRep" FROM entities
      WHERE id >= (SELECT (min(id) + max(id)) / 2 FROM entities) AND legal_rep_name IS NOT NULL ORDER BY id LIMIT 1`,
  );
  const [complaint] = await db.query<{ code: string }>(
    'SELECT tracking_code AS code FROM complaints ORDER BY id DESC LIMIT 1',
  );
  const [kase] = await db.query<{ no: string }>(
    'SELECT case_no AS no FROM cases WHERE case_no IS NOT NULL ORDER BY id DESC LIMIT 1',
  );
  const tail = kase?.no.match(/〔\d{4}〕\d+号$/)?.[0];
  return [
    ...['餐饮', '里水', '五金', '便利'].map((q) => ({ kind: 'common 2-char', q })),
    ...['恒泰', '华达'].map((q) => ({ kind: 'rare 2-char', q })),
    ...['大药房', '膳食管理', '陈记烧腊', '家电维修'].map((q) => ({ kind: '3-4 char', q })),
    ...['不存在的名称', '钅钅'].map((q) => ({ kind: 'no match', q })),
    ...(mid ? [{ kind: 'USCC', q: mid.uscc }] : []),
    ...(mid?.legalRep ? [{ kind: 'legal representative', q: mid.legalRep }] : []),
    { kind: 'ID number', q: makeIdCard('440605', '19850412', '123') },
    ...(complaint ? [{ kind: 'tracking code', q: complaint.code }] : []),
    ...(tail ? [{ kind: 'case number tail', q: tail }] : []),
    { kind: 'user', q: 'chief' },
  ];
}

/**
 * The header search (GET /api/v1/search) at city scale: the register at --entities, three years of cases and
 * 12315 items; p50/p95 of the whole search service (every group in parallel, as the route runs it) for each kind
 * of query, as the district admin and as the 里水 station chief. Target: p95 ≤ 50 ms.
 */
export async function globalSearchScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { db, log } = ctx;
  const loadSeconds = await loadBenchRegister(ctx);
  const today = shanghaiToday();
  log(`loading cases (${CASES_PER_YEAR.toLocaleString()} closed a year)`);
  const cases = await loadDemoCases(db, {
    today,
    closedPerYear: CASES_PER_YEAR,
    openScale: Math.max(1, Math.round(CASES_PER_YEAR / 1000)),
  });
  log(`loaded ${cases.cases.toLocaleString()} cases in ${cases.seconds.toFixed(0)} s; 12315 items next`);
  const complaints = await copyDemoComplaints(db, { perYear: COMPLAINTS_PER_YEAR, years: 3, today });
  log(`loaded ${complaints.complaints.toLocaleString()} 12315 items in ${complaints.seconds.toFixed(0)} s`);
  const vacuum = await timed(() => settleRegister(db));
  await db.exec('VACUUM (ANALYZE) cases, complaints, users');
  const service = createSearchService([
    entitySearchProvider(db, { pii: ctx.pii }),
    complaintSearchProvider(db),
    caseSearchProvider(db),
    userSearchProvider(db),
  ]);
  const actors = await benchActors(db);
  const list = await queries(ctx);
  const detail: { who: string; kind: string; q: string; hits: number; p50: number; p95: number }[] = [];
  for (const [who, actor] of Object.entries(actors) as [string, Actor][]) {
    for (const { kind, q } of list) {
      const run = () => service.search(actor, { q, limit: 5 });
      const s = summarise(await sample(RUNS, run));
      const hits = (await run()).groups.reduce((n, g) => n + g.hits.length, 0);
      detail.push({ who, kind, q, hits, p50: s.p50, p95: s.p95 });
      log(`  ${who} ${kind} ${q}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms, ${hits} hits`);
    }
  }
  const rows: ResultRow[] = [
    { scenario: 'global-search', metric: 'register load', value: loadSeconds, unit: 's' },
    { scenario: 'global-search', metric: 'VACUUM (ANALYZE) after load', value: vacuum.ms / 1000, unit: 's' },
    { scenario: 'global-search', metric: 'cases loaded', value: cases.cases, unit: 'rows' },
    { scenario: 'global-search', metric: '12315 items loaded', value: complaints.complaints, unit: 'rows' },
  ];
  for (const who of Object.keys(actors)) {
    for (const kind of [...new Set(list.map((l) => l.kind))]) {
      const rs = detail.filter((d) => d.who === who && d.kind === kind);
      rows.push({
        scenario: 'global-search',
        metric: `${who}: ${kind} p95 (worst query)`,
        value: Math.max(...rs.map((r) => r.p95)),
        unit: 'ms',
        target: '≤ 50',
        note: rs.map((r) => `${r.q}:${r.hits} hits, p50 ${r.p50.toFixed(1)}`).join(' '),
      });
    }
  }
  rows.push({
    scenario: 'global-search',
    metric: 'p95 over every query and caller (worst)',
    value: Math.max(...detail.map((d) => d.p95)),
    unit: 'ms',
    target: '≤ 50',
  });
  return { rows, detail: { queries: detail } };
}
