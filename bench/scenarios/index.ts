import type { Scenario } from '../lib/scenario.ts';
import { analysisScenario } from './analysis.ts';
import { casesScenario } from './cases.ts';
import { creditRecomputeScenario } from './credit-recompute.ts';
import { defaultInstallScenario } from './default-install.ts';
import { drugSalesScenario } from './drug-sales.ts';
import { equipmentScenario } from './equipment.ts';
import { exportWritersScenario } from './export-writers.ts';
import { foodScenario } from './food.ts';
import { globalSearchScenario } from './global-search.ts';
import { homeScenario } from './home.ts';
import { importPathScenario } from './import-path.ts';
import { intakeScenario } from './intake.ts';
import { nodesScenario } from './nodes.ts';
import { provinceScenario } from './province.ts';
import { registryScenario } from './registry.ts';
import { spotcheckScaleScenario } from './spotcheck-scale.ts';
import { targetingScenario } from './targeting.ts';

/** `npm run bench -- --scenario NAME`: one line per scenario, each in its own file. */
export const scenarios: Record<string, Scenario> = {
  registry: registryScenario,
  intake: intakeScenario,
  analysis: analysisScenario,
  'credit-recompute': creditRecomputeScenario,
  'spotcheck-scale': spotcheckScaleScenario,
  targeting: targetingScenario,
  'export-writers': exportWritersScenario,
  cases: casesScenario,
  'global-search': globalSearchScenario,
  home: homeScenario,
  food: foodScenario,
  equipment: equipmentScenario,
  'drug-sales': drugSalesScenario,
  nodes: nodesScenario,
  'default-install': defaultInstallScenario,
  'import-path': importPathScenario,
  province: provinceScenario,
};
