import type { Scenario } from '../lib/scenario.ts';
import { registryScenario } from './registry.ts';
import { spotcheckScaleScenario } from './spotcheck-scale.ts';
import { targetingScenario } from './targeting.ts';

/** `npm run bench -- --scenario NAME`: one line per scenario, each in its own file. */
export const scenarios: Record<string, Scenario> = {
  registry: registryScenario,
  'spotcheck-scale': spotcheckScaleScenario,
  targeting: targetingScenario,
};
