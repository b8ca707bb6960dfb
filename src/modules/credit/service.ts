import type { Db } from '../../db/client.ts';
import { shanghaiToday } from '../../domain/deadlines.ts';
import type { Actor } from '../../platform/actor.ts';
import { findCjkFont } from '../../platform/pdf.ts';
import type { FileService } from '../files/service.ts';
import type { JobService } from '../jobs/service.ts';
import { createBatchService } from './services/batches.ts';
import { entityCredit } from './services/entity-credit.ts';
import { createListingService } from './services/listings.ts';
import { publicCredit } from './services/public-credit.ts';
import { createRepairService } from './services/repairs.ts';
import { createReportService } from './services/reports.ts';
import { createRiskService } from './services/risk.ts';

export interface CreditServiceDeps {
  files: Pick<FileService, 'store'>;
  jobs: Pick<JobService, 'enqueue'>;
  fontConfig: { CJK_FONT_PATH?: string; CJK_FONT_NAME?: string };
  /** Id ranges the full recompute runs at a time (CREDIT_RECOMPUTE_PARALLEL); default: this machine's cores. */
  recomputeParallel?: number;
  now?: () => Date;
}

/** 信用监管: wires the credit use cases (services/) together; its jobs are in jobs.ts. */
export function createCreditService(db: Db, deps: CreditServiceDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());
  const risk = createRiskService(db, { today, jobs: deps.jobs, parallel: deps.recomputeParallel });
  const font = () => findCjkFont(deps.fontConfig);
  // The outbox rows a write just added are recomputed right after its commit; the scheduled job catches the rest.
  const afterQueue = () => risk.drainQueue().catch(() => undefined);
  const creditDeps = { today, files: deps.files, font, afterQueue };
  const listings = createListingService(db);
  return {
    today,
    risk,
    batches: createBatchService(db, creditDeps),
    listings,
    repairs: createRepairService(db, creditDeps, listings),
    reports: createReportService(db, creditDeps),
    entityCredit: (actor: Actor, entityId: number) => entityCredit(db, risk, today(), actor, entityId),
    /** The public profile's credit facts as of `asOf` (no login: only what the listing kind's public rule lets out). */
    publicOf: (entity: { id: number; establishedOn: string; status: string }, asOf: string) =>
      publicCredit(db, asOf, entity),
  };
}

export type CreditService = ReturnType<typeof createCreditService>;
