import { loadavg } from 'node:os';
import { copyDemoComplaints, demoComplaintTotal } from '../../src/demo/demo-complaints-copy.ts';
import { shanghaiToday } from '../../src/domain/deadlines.ts';
import { createComplaintAnalysis } from '../../src/modules/complaints/services/analysis.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { benchActors } from '../lib/actors.ts';
import type { ResultRow } from '../lib/report.ts';
import { loadBenchRegister, type ScenarioContext, type ScenarioResult } from '../lib/scenario.ts';
import { sample, summarise, timed } from '../lib/timing.ts';

const ITEMS = Number(process.env.BENCH_COMPLAINTS ?? 1_000_000);
const RUNS = 40;

const monthOf = (day: string, back: number) => {
  const d = new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1 - back, 1));
  return d.toISOString().slice(0, 7);
};
const daysBefore = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** 12315 analysis at ≥ 1 M items: the dashboard's queries (rollup by dimension with YoY, hot topics, alerts). */
export async function analysisScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { db, log } = ctx;
  await loadBenchRegister(ctx);
  const today = shanghaiToday();
  // perYear such that the three years hold about ITEMS items (the loader says how many it made).
  const perYear = Math.ceil((ITEMS * 1_010_000) / demoComplaintTotal(1_000_000, 3, today));
  log(`copying about ${ITEMS.toLocaleString()} 12315 items (${perYear.toLocaleString()} a year)`);
  const loaded = await copyDemoComplaints(db, {
    perYear,
    years: 3,
    today,
    progress: (n) => log(`  ${n.toLocaleString()}`),
  });
  log(`loaded ${loaded.complaints.toLocaleString()} in ${loaded.seconds.toFixed(0)} s`);
  const analysis = createComplaintAnalysis(db);
  const rebuild = await timed(() => analysis.rebuildStats());
  log(`rollup rebuilt in ${(rebuild.ms / 1000).toFixed(1)} s (${rebuild.value.rows} rows)`);
  const rows: ResultRow[] = [
    {
      scenario: 'analysis',
      metric: '12315 items loaded (COPY)',
      value: loaded.complaints,
      unit: 'rows',
      target: '≥ 1000000',
    },
    { scenario: 'analysis', metric: 'load rate', value: loaded.complaints / loaded.seconds, unit: 'rows/s' },
    { scenario: 'analysis', metric: 'monthly rollup full rebuild', value: rebuild.ms / 1000, unit: 's' },
  ];
  const measured = await measureAnalysis(db, today);
  return { rows: [...rows, ...measured.rows], detail: { loaded, rollupRows: rebuild.value.rows, ...measured.detail } };
}

/** The dashboard's calls as the district and as a station, RUNS each (p50/p95), after the daily spike detection. */
export async function measureAnalysis(
  db: ScenarioContext['db'],
  today: string,
): Promise<{ rows: ResultRow[]; detail: Record<string, unknown> }> {
  const analysis = createComplaintAnalysis(db);
  const detect = await timed(() => analysis.detectSpikes());

  const actors = await benchActors(db);
  const from = monthOf(today, 11);
  const to = monthOf(today, 0);
  // Hot topics are cached for a few minutes: a different end day per run makes every call a miss (cold).
  type Case = [string, (a: Actor) => Promise<unknown>];
  let calls = 0;
  const dayBack = () => daysBefore(today, ++calls);
  const cases: Case[] = [
    ...(['kind', 'category', 'station', 'month'] as const).map(
      (by): Case => [`by ${by}, 12 months with YoY`, (a) => analysis.summary(a, by, from, to)],
    ),
    [
      'hot topics, last 30 days, cold',
      (a) => {
        const end = dayBack();
        return analysis.hotTopics(a, daysBefore(end, 30), end);
      },
    ],
    ['hot topics, last 12 months, cold', (a) => analysis.hotTopics(a, `${from}-01`, dayBack())],
    ['hot topics, last 30 days, cached', (a) => analysis.hotTopics(a, daysBefore(today, 30), today)],
    ['alerts', (a) => analysis.alerts(a)],
  ];
  const rows: ResultRow[] = [
    { scenario: 'analysis', metric: 'spike detection (daily job)', value: detect.ms, unit: 'ms' },
  ];
  const detail: Record<string, unknown> = {};
  for (const [who, actor] of [
    ['district', actors.admin],
    ['station', actors.station],
  ] as const) {
    for (const [name, run] of cases) {
      const s = summarise(await sample(RUNS, () => run(actor)));
      detail[`${who}: ${name}`] = s;
      rows.push({
        scenario: 'analysis',
        metric: `${who}: ${name} p95`,
        value: s.p95,
        unit: 'ms',
        target: '≤ 200',
        note: `p50 ${s.p50.toFixed(1)}; load ${loadavg()[0]!.toFixed(1)}`,
      });
    }
  }
  return { rows, detail };
}
