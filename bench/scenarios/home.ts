import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { loadHomeData } from '../lib/home-data.ts';
import { measureHome } from '../lib/home-measure.ts';
import { measureInboxProviders } from '../lib/home-queries.ts';
import type { Scenario } from '../lib/scenario.ts';

/** 12315 items over three years (BENCH_COMPLAINTS, default 1 M) and closed cases a year (BENCH_CASES_PER_YEAR). */
const COMPLAINTS = Number(process.env.BENCH_COMPLAINTS ?? 1_000_000);
const CASES_PER_YEAR = Number(process.env.BENCH_CASES_PER_YEAR ?? 10_000);

/**
 * Issue 12 point 10: the role home pages at city scale. Loads (once: rerun with --reuse) the register at --entities,
 * ≈ 1 M 12315 items with a backlog, cases, spot-check visits, credit decisions and notifications, then starts the
 * server against that database and measures p50/p95 of each role's home calls through the HTTP API, with one client
 * and with four at once. BENCH_HOME_LOAD_ONLY=1: load and stop.
 */
export const homeScenario: Scenario = async (ctx) => {
  if (ctx.kind !== 'postgres') throw new Error('scenario home: --db postgres (city scale)');
  const today = shanghaiToday();
  const load = await loadHomeData(ctx, { today, complaints: COMPLAINTS, casesPerYear: CASES_PER_YEAR });
  if (process.env.BENCH_HOME_LOAD_ONLY === '1') return { rows: load };
  const measured = await measureHome(ctx);
  const providers = await measureInboxProviders(ctx);
  return { rows: [...load, ...measured.rows, ...providers], detail: measured.detail };
};
