import type { JobDefinition } from '../jobs/definition.ts';
import { ANNUAL_JOB, type FoodInspectionService } from './services/inspections.ts';

/** 年度等级: recomputed nightly for every business, and on demand (POST /food/grades/annual/recompute). */
export const foodInspectionJobs = (s: Pick<FoodInspectionService, 'recomputeAnnual'>): JobDefinition[] => [
  {
    kind: ANNUAL_JOB,
    run: (ctx) => s.recomputeAnnual((ctx.payload as { asOf?: string } | null)?.asOf ?? undefined),
    schedules: [{ everySeconds: 86_400 }],
  },
];
