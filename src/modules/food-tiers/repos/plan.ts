import type { Db, Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { FoodRiskModel, FoodTier } from '../../../domain/food-risk-model.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';
import { type PlanInput, planApplyStatements, planFinalStatement } from './plan-sql.ts';

export interface PlanCounts {
  businesses: number;
  planned: number;
  fullScope: number;
  moved: number;
  skipped: number;
  inserted: number;
  updated: number;
  removed: number;
}

/** One station's yearly plan in one transaction (plan-sql.ts: computed into a temp table, then applied). */
export async function generatePlan(db: Db, model: FoodRiskModel, input: PlanInput): Promise<PlanCounts> {
  const { sql, params } = planFinalStatement(model, input);
  const key = [input.stationId, input.year];
  return db.transaction(async (tx) => {
    await tx.query('DROP TABLE IF EXISTS food_plan_final');
    await tx.query(sql, params);
    await tx.query(planApplyStatements.index);
    await tx.query(planApplyStatements.analyse);
    const [u] = await tx.query<{ inserted: number; updated: number }>(planApplyStatements.upsert, [
      ...key,
      input.createdBy,
    ]);
    const [r] = await tx.query<{ removed: number }>(planApplyStatements.remove, key);
    const [c] = await tx.query<Omit<PlanCounts, 'inserted' | 'updated' | 'removed'>>(planApplyStatements.counts, [
      input.stationId,
    ]);
    return { ...c!, ...u!, ...r! };
  });
}

/** Stations with food businesses (the plan for all stations runs one transaction per station). */
export async function foodStations(db: Queryable): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT u.id FROM org_units u WHERE EXISTS (SELECT 1 FROM food_businesses fb WHERE fb.station_id = u.id) ORDER BY u.id`,
  );
  return rows.map((r) => Number(r.id));
}

const planFrom = `food_inspections fi JOIN food_businesses fb ON fb.id = fi.business_id`;

/** Planned (and started) routine visits per day in [from, to], over the rows `w` admits. */
export async function countsPerDay(db: Queryable, w: Where) {
  return db.query<{ day: string; n: number; fullScope: number; done: number }>(
    `SELECT fi.planned_on::text AS day, count(*)::int AS n, count(*) FILTER (WHERE fi.full_scope)::int AS "fullScope",
            count(*) FILTER (WHERE fi.status <> 'planned')::int AS done
       FROM ${planFrom} ${w} GROUP BY fi.planned_on ORDER BY fi.planned_on`,
    w.params,
  );
}

/** Visit counts per tier and per month of a plan year, over the rows `w` admits. */
export async function planSummary(db: Queryable, w: Where) {
  return db.query<{ tier: FoodTier | null; month: number; n: number; fullScope: number }>(
    `SELECT rt.tier, extract(month FROM fi.planned_on)::int AS month, count(*)::int AS n,
            count(*) FILTER (WHERE fi.full_scope)::int AS "fullScope"
       FROM ${planFrom} LEFT JOIN food_risk_tiers rt ON rt.business_id = fb.id ${w} GROUP BY 1, 2`,
    w.params,
  );
}

export interface PlannedRow {
  id: number;
  businessId: number;
  entityName: string;
  tier: FoodTier | null;
  fullScope: boolean;
  status: string;
  plannedOn: string;
  inspectorId: number | null;
  inspectorName: string | null;
  stationName: string;
}

export async function plannedList(db: Queryable, w: Where, limit: number) {
  return db.query<PlannedRow>(
    `SELECT fi.id, fi.business_id AS "businessId", e.name AS "entityName", rt.tier, fi.full_scope AS "fullScope",
            fi.status, fi.planned_on::text AS "plannedOn", fb.inspector_id AS "inspectorId",
            iu.display_name AS "inspectorName", s.name AS "stationName"
       FROM ${planFrom} JOIN entities e ON e.id = fb.entity_id JOIN org_units s ON s.id = fb.station_id
       LEFT JOIN users iu ON iu.id = fb.inspector_id LEFT JOIN food_risk_tiers rt ON rt.business_id = fb.id
       ${w} ORDER BY fi.planned_on, fi.id LIMIT ${w.param(limit)}`,
    w.params,
  );
}

export async function insertHigher(
  tx: Queryable,
  h: { businessId: number; stationId: number; level: string; inspectedOn: string; result: string | null; by: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_inspections (business_id, kind, level, status, inspected_on, result, station_id, created_by)
     VALUES ($1, 'higher', $2, 'done', $3, $4, $5, $6) RETURNING id`,
    [h.businessId, h.level, h.inspectedOn, h.result, h.stationId, h.by],
  );
  return Number(row!.id);
}

/** The business's planned routine visits on or after `from` (Art. 42 moves those inside the quiet period). */
export async function plannedOfBusiness(tx: Queryable, businessId: number, from: string, to: string) {
  return tx.query<{ id: number; plannedOn: string; planYear: number | null }>(
    `SELECT id, planned_on::text AS "plannedOn", plan_year AS "planYear" FROM food_inspections
      WHERE business_id = $1 AND kind = 'routine' AND status = 'planned' AND planned_on >= $2 AND planned_on < $3
      ORDER BY planned_on, id FOR UPDATE`,
    [businessId, from, to],
  );
}

export async function movePlanned(tx: Queryable, id: number, to: string) {
  await tx.query(
    `UPDATE food_inspections SET planned_on = $2, version = version + 1 WHERE id = $1 AND status = 'planned'`,
    [id, to],
  );
}

/** A planned row that has no date left in its year: skipped (it was never started, nothing else points to it). */
export async function dropPlanned(tx: Queryable, id: number) {
  await tx.query(`DELETE FROM food_inspections WHERE id = $1 AND status = 'planned'`, [id]);
}

/** Routine visits (fi) of the businesses (fb) the caller may read, planned in [from, before). */
export function planWhere(
  actor: Actor,
  q: { stationId?: number; mine?: boolean; from: string; before: string },
): Where {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  w.add(`fi.kind = 'routine'`).add(`fi.status IN ('planned', 'inProgress', 'done')`);
  w.addIf(q.stationId, 'fi.station_id = ?');
  if (q.mine) w.add('fb.inspector_id = ?', actor.userId);
  return w.add('fi.planned_on >= ?', q.from).add('fi.planned_on < ?', q.before);
}
