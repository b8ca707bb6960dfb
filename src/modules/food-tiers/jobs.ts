import type { JobDefinition } from '../jobs/definition.ts';
import { type FoodTierService, TIERS_RECOMPUTE_JOB } from './services/tiers.ts';

/** The tiers follow new inspections, grades, penalties and credit classes: a nightly full recompute. */
export const foodTierJobs = (tiers: Pick<FoodTierService, 'recomputeAll'>): JobDefinition[] => [
  { kind: TIERS_RECOMPUTE_JOB, run: (ctx) => tiers.recomputeAll(ctx.progress), schedules: [{ everySeconds: 86_400 }] },
];
