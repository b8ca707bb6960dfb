import type { Db } from '../db/client.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
import { createCaseStats } from '../modules/cases/services/stats.ts';
import { insertDemoCases, insertDemoLeads } from './demo-cases-repo.ts';
import { DEMO_DISTRICT } from './demo-org.ts';
import { userWithUnit } from './demo-repo.ts';

export interface DemoCaseOptions {
  today?: string;
  seed?: number;
  /** Seed 001: 办结各类案件365件，其中大要案件77件，罚没款总额827.73万元. */
  closedPerYear?: number;
  /** Open cases per stage relative to the default (about a hundred in all). */
  openScale?: number;
  /** Closed cases close from this day on (three years up to today by default). */
  start?: string;
}

/**
 * Three years of 执法办案 on the demo district's entities, at the seeds' rates: about 365 closed a year, a fifth of
 * them 大要案, ≈ ¥8.3 M 罚没款 a year, a dozen 移送司法机关; a hundred open cases across every stage (some near or
 * past the 90-day decision clock); leads being verified, not filed and merged. Set-based SQL, then the rollup.
 */
export async function loadDemoCases(
  db: Db,
  opts: DemoCaseOptions = {},
): Promise<{ cases: number; leads: number; seconds: number }> {
  const started = performance.now();
  const today = opts.today ?? shanghaiToday();
  const thisYear = Number(today.slice(0, 4));
  const bureau = await userWithUnit(db, 'admin');
  const legal = await userWithUnit(db, 'legal');
  const leader = await userWithUnit(db, 'deputy');
  if (!bureau) return { cases: 0, leads: 0, seconds: 0 };
  const { cases, leads } = await db.transaction(async (tx) => {
    const cases = await insertDemoCases(tx, {
      today,
      start: opts.start ?? `${thisYear - 2}-01-01`,
      seed: opts.seed ?? 11,
      bureauId: bureau.unitId,
      bureauName: DEMO_DISTRICT.bureauName,
      docPrefix: '南海市监',
      legalId: legal?.id ?? null,
      leaderId: leader?.id ?? null,
      closedPerYear: opts.closedPerYear ?? 365,
      openScale: opts.openScale ?? 1,
    });
    const leads = cases > 0 ? await insertDemoLeads(tx, today) : 0;
    return { cases, leads };
  });
  await createCaseStats(db).rebuild('all');
  return { cases, leads, seconds: (performance.now() - started) / 1000 };
}
