import type { Scenario } from '../lib/scenario.ts';
import { creditRecomputeScenario } from './credit-recompute.ts';
import { registryScenario } from './registry.ts';

/** `npm run bench -- --scenario NAME`: one line per scenario, each in its own file. */
export const scenarios: Record<string, Scenario> = {
  registry: registryScenario,
  'credit-recompute': creditRecomputeScenario,
};
