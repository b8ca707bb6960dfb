import type { Queryable } from '../../../db/client.ts';
import { createPlanRepo, isStation } from '../../../platform/sampling/plan-repo.ts';
import { foodSamplingPlanKind } from '../access.ts';

export interface PlanRow {
  id: number;
  stationId: number;
  stationName: string;
  name: string;
  foodCategory: string;
  hazards: string[];
  periodStart: string;
  periodEnd: string;
  targetBatches: number;
  sampledBatches: number;
  createdBy: number | null;
}

const cols = `fsp.id, fsp.station_id AS "stationId", s.name AS "stationName", fsp.name,
  fsp.food_category AS "foodCategory", fsp.hazards, fsp.period_start::text AS "periodStart",
  fsp.period_end::text AS "periodEnd", fsp.target_batches AS "targetBatches", fsp.created_by AS "createdBy",
  (SELECT count(*)::int FROM food_samples x WHERE x.plan_id = fsp.id) AS "sampledBatches"`;
const from = 'food_sampling_plans fsp JOIN org_units s ON s.id = fsp.station_id';

export const { getPlan, listPlans, setTarget } = createPlanRepo<PlanRow>({
  table: 'food_sampling_plans',
  alias: 'fsp',
  cols,
  from,
  kind: foodSamplingPlanKind,
});
export { isStation };

export async function insertPlan(
  tx: Queryable,
  p: Omit<PlanRow, 'id' | 'stationName' | 'sampledBatches' | 'createdBy'> & { createdBy: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_sampling_plans (station_id, name, food_category, hazards, period_start, period_end,
       target_batches, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [p.stationId, p.name, p.foodCategory, p.hazards, p.periodStart, p.periodEnd, p.targetBatches, p.createdBy],
  );
  return row!.id;
}
