import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
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

export async function getPlan(db: Queryable, id: number): Promise<PlanRow | undefined> {
  const [row] = await db.query<PlanRow>(`SELECT ${cols} FROM ${from} WHERE psp.id = $1`, [id]);
  return row;
}

export async function listPlans(
  db: Queryable,
  actor: Actor,
  f: { stationId?: number; year?: number },
  p: { afterId?: number; limit: number },
): Promise<PlanRow[]> {
  const w = readableWhere(actor, productPlanKind, new Where());
  w.addIf(f.stationId, 'psp.station_id = ?');
  if (f.year) w.add('psp.period_start <= ?::date AND psp.period_end >= ?::date', `${f.year}-12-31`, `${f.year}-01-01`);
  w.addIf(p.afterId, 'psp.id < ?');
  return db.query<PlanRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY psp.id DESC LIMIT ${w.param(p.limit + 1)}`,
    w.params,
  );
}

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

export async function setTarget(tx: Queryable, id: number, targetBatches: number) {
  await tx.query('UPDATE product_sampling_plans SET target_batches = $2 WHERE id = $1', [id, targetBatches]);
}
