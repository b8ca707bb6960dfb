import type { Queryable } from '../../../db/client.ts';
import { createPlanRepo, isStation } from '../../../platform/sampling/plan-repo.ts';
import { productPlanKind } from '../access.ts';

export interface PlanRow {
  id: number;
  stationId: number;
  stationName: string;
  categoryCode: string;
  categoryName: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  targetBatches: number;
  sampledBatches: number;
  createdBy: number | null;
}

const cols = `psp.id, psp.station_id AS "stationId", s.name AS "stationName", psp.category_code AS "categoryCode",
  c.name AS "categoryName", psp.name, psp.period_start::text AS "periodStart", psp.period_end::text AS "periodEnd",
  psp.target_batches AS "targetBatches", psp.created_by AS "createdBy",
  (SELECT count(*)::int FROM product_samples x WHERE x.plan_id = psp.id) AS "sampledBatches"`;
const from = `product_sampling_plans psp JOIN org_units s ON s.id = psp.station_id
  JOIN product_categories c ON c.code = psp.category_code`;

export const { getPlan, listPlans, setTarget } = createPlanRepo<PlanRow>({
  table: 'product_sampling_plans',
  alias: 'psp',
  cols,
  from,
  kind: productPlanKind,
});
export { isStation };

/** Inserts plans, skipping a (station, category, period start) that exists; returns how many were new. */
export async function insertPlans(
  tx: Queryable,
  rows: readonly {
    stationId: number;
    categoryCode: string;
    name: string;
    periodStart: string;
    periodEnd: string;
    targetBatches: number;
  }[],
  createdBy: number,
): Promise<number[]> {
  if (!rows.length) return [];
  const ids = await tx.query<{ id: number }>(
    `INSERT INTO product_sampling_plans (station_id, category_code, name, period_start, period_end, target_batches, created_by)
     SELECT s, c, n, ps::date, pe::date, t, $7
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[]) AS x(s, c, n, ps, pe, t)
     ON CONFLICT (station_id, category_code, period_start) DO NOTHING RETURNING id`,
    [
      rows.map((r) => r.stationId),
      rows.map((r) => r.categoryCode),
      rows.map((r) => r.name),
      rows.map((r) => r.periodStart),
      rows.map((r) => r.periodEnd),
      rows.map((r) => r.targetBatches),
      createdBy,
    ],
  );
  return ids.map((r) => r.id);
}
