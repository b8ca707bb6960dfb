import type { JobDefinition } from '../jobs/definition.ts';
import { QUEUE_JOB, RECOMPUTE_JOB, type RiskService } from './services/risk.ts';

export const creditJobs = (risk: Pick<RiskService, 'recomputeAll' | 'drainQueue'>): JobDefinition[] => [
  { kind: RECOMPUTE_JOB, run: (ctx) => risk.recomputeAll(ctx.progress), schedules: [{ everySeconds: 86_400 }] },
  { kind: QUEUE_JOB, run: () => risk.drainQueue(), schedules: [{ everySeconds: 60 }] },
];
