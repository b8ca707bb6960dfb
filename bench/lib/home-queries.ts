import { loadavg } from 'node:os';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { casePendingItems } from '../../src/modules/cases/pending.ts';
import { createApprovalEngine } from '../../src/modules/cases/services/approvals.ts';
import { complaintPendingItems } from '../../src/modules/complaints/pending.ts';
import { creditPendingItems } from '../../src/modules/credit/pending.ts';
import { inboxCountCap, weekEndOf } from '../../src/modules/inbox/service.ts';
import { spotCheckPendingItems } from '../../src/modules/spot-checks/pending.ts';
import type { Actor } from '../../src/platform/actor.ts';
import { benchActors } from './actors.ts';
import type { ResultRow } from './report.ts';
import type { ScenarioContext } from './scenario.ts';
import { sample, summarise } from './timing.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);

/**
 * Where an inbox's time goes: each module's provider (its list and counts, and its team workload) called in
 * process, one at a time (no HTTP, no other caller), as the district admin and as the 里水 station chief.
 */
export async function measureInboxProviders(ctx: ScenarioContext): Promise<ResultRow[]> {
  const { db, log } = ctx;
  const providers = [
    complaintPendingItems(db),
    spotCheckPendingItems(db),
    creditPendingItems(db),
    casePendingItems(db, createApprovalEngine(db)),
  ];
  const today = shanghaiToday();
  const window = { today, weekEnd: weekEndOf(today), limit: 10, countCap: inboxCountCap };
  const rows: ResultRow[] = [];
  for (const [who, actor] of Object.entries(await benchActors(db)) as [string, Actor][]) {
    for (const p of providers) {
      const calls: [string, () => Promise<unknown>][] = [[`${p.module} pending`, () => p.pending(actor, window)]];
      if (p.workload) calls.push([`${p.module} team workload`, () => p.workload!(actor, 30)]);
      for (const [name, fn] of calls) {
        const s = summarise(await sample(RUNS, fn));
        const load = loadavg()[0]!.toFixed(1);
        log(`  in process, ${who}: ${name}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (load ${load})`);
        rows.push({
          scenario: 'home',
          metric: `in process, ${who}: ${name} p95`,
          value: s.p95,
          unit: 'ms',
          note: `p50 ${s.p50.toFixed(1)}, load ${load}`,
        });
      }
    }
  }
  return rows;
}
