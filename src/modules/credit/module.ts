import type { Db } from '../../db/client.ts';
import { shanghaiToday } from '../../domain/deadlines.ts';
import type { Actor } from '../../platform/actor.ts';
import type { FileService } from '../files/service.ts';
import type { JobService } from '../jobs/service.ts';
import { findCjkFont } from './documents.ts';
import { createListingService } from './listings.ts';
import { createRepairService } from './repairs.ts';
import { createReportService } from './reports.ts';
import { createRiskService } from './risk.ts';
import { entityCredit } from './view.ts';

export interface CreditModuleDeps {
  files: Pick<FileService, 'store'>;
  jobs: Pick<JobService, 'enqueue'>;
  fontConfig: { CJK_FONT_PATH?: string; CJK_FONT_NAME?: string };
  now?: () => Date;
}

/** 信用监管: wires the credit services together (its jobs are in jobs.ts). */
export function createCreditModule(db: Db, deps: CreditModuleDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());
  const risk = createRiskService(db, { today, jobs: deps.jobs });
  const font = () => findCjkFont(deps.fontConfig);
  // The outbox rows a write just added are recomputed right after its commit; the scheduled job catches the rest.
  const afterQueue = () => risk.drainQueue().catch(() => undefined);
  const creditDeps = { today, files: deps.files, font, afterQueue };
  const listings = createListingService(db, creditDeps);
  const repairs = createRepairService(db, creditDeps, listings);
  const reports = createReportService(db, creditDeps);
  return {
    today,
    risk,
    listings,
    repairs,
    reports,
    entityCredit: (actor: Actor, entityId: number) => entityCredit(db, risk, today(), actor, entityId),
  };
}

export type CreditModule = ReturnType<typeof createCreditModule>;
