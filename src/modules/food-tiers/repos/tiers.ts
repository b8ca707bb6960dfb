import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import type { FoodRiskModel, FoodTier } from '../../../domain/food-risk-model.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';
import { type BusinessFilter, factsSelect, Params, recomputeStatement } from './tier-sql.ts';

export interface RecomputeCounts {
  computed: number;
  updated: number;
  tierChanged: number;
}

export async function recompute(db: Queryable, model: FoodRiskModel, f: BusinessFilter, today: string) {
  const { sql, params } = recomputeStatement(model, f, today);
  const [row] = await db.query<RecomputeCounts>(sql, params);
  return row!;
}

export async function businessIdRange(db: Queryable): Promise<{ lo: number; hi: number } | undefined> {
  const [row] = await db.query<{ lo: number | null; hi: number | null }>(
    'SELECT min(id) AS lo, max(id) AS hi FROM food_businesses',
  );
  return row?.lo == null || row.hi == null ? undefined : { lo: Number(row.lo), hi: Number(row.hi) };
}

/** Businesses of a station without a tier yet (the plan computes them first). */
export async function untiered(db: Queryable, stationId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT fb.id FROM food_businesses fb
      WHERE fb.station_id = $1 AND NOT EXISTS (SELECT 1 FROM food_risk_tiers t WHERE t.business_id = fb.id)`,
    [stationId],
  );
  return rows.map((r) => Number(r.id));
}

export async function factsOf(db: Queryable, ids: number[], today: string) {
  const p = new Params();
  const sql = factsSelect(p, { ids }, today);
  return db.query<Record<string, unknown> & { business_id: number }>(sql, p.values);
}

export interface ModelRow {
  version: number;
  name: string;
  body: Omit<FoodRiskModel, 'version' | 'name'>;
  active: boolean;
  note: string | null;
  createdAt: string;
}

const modelCols = `version, name, body, active, note, created_at::text AS "createdAt"`;

export async function activeModelRow(db: Queryable): Promise<ModelRow | undefined> {
  const [row] = await db.query<ModelRow>(`SELECT ${modelCols} FROM food_risk_models WHERE active`);
  return row;
}

export const listModels = (db: Queryable) =>
  db.query<ModelRow>(`SELECT ${modelCols} FROM food_risk_models ORDER BY version DESC LIMIT 100`);

export async function findModel(db: Queryable, version: number): Promise<ModelRow | undefined> {
  const [row] = await db.query<ModelRow>(`SELECT ${modelCols} FROM food_risk_models WHERE version = $1`, [version]);
  return row;
}

export async function insertModel(
  tx: Queryable,
  m: { version?: number; name: string; body: unknown; note: string | null; createdBy: number | null },
): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO food_risk_models (version, name, body, note, created_by)
     VALUES (COALESCE($1, (SELECT COALESCE(max(version), 0) + 1 FROM food_risk_models)), $2, $3, $4, $5)
     RETURNING version`,
    [m.version ?? null, m.name, JSON.stringify(m.body), m.note, m.createdBy],
  );
  return row!.version;
}

export async function activateModel(tx: Queryable, version: number): Promise<void> {
  await tx.query('UPDATE food_risk_models SET active = false WHERE active AND version <> $1', [version]);
  await tx.query('UPDATE food_risk_models SET active = true WHERE version = $1', [version]);
}

export interface TierRow {
  businessId: number;
  entityId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  inspectorId: number | null;
  inspectorName: string | null;
  createdBy: number | null;
  tier: FoodTier | null;
  score: number | null;
  factors: Record<string, number> | null;
  modelVersion: number | null;
  computedAt: string | null;
}

const tierCols = `fb.id AS "businessId", fb.entity_id AS "entityId", e.name AS "entityName", fb.station_id AS "stationId",
  s.name AS "stationName", fb.inspector_id AS "inspectorId", iu.display_name AS "inspectorName",
  fb.created_by AS "createdBy", rt.tier, rt.score, rt.factors, rt.model_version AS "modelVersion",
  rt.computed_at::text AS "computedAt"`;
const tierFrom = `food_businesses fb JOIN entities e ON e.id = fb.entity_id JOIN org_units s ON s.id = fb.station_id
  LEFT JOIN users iu ON iu.id = fb.inspector_id LEFT JOIN food_risk_tiers rt ON rt.business_id = fb.id`;

/** The businesses `w` admits (the caller's reach plus filters), newest id first, keyset by id. */
export async function listTiers(db: Queryable, w: Where, limit: number): Promise<TierRow[]> {
  return db.query<TierRow>(
    `SELECT ${tierCols} FROM ${tierFrom} ${w} ORDER BY fb.id DESC LIMIT ${w.param(limit + 1)}`,
    w.params,
  );
}

export async function tierOf(db: Queryable, businessId: number): Promise<TierRow | undefined> {
  const [row] = await db.query<TierRow>(`SELECT ${tierCols} FROM ${tierFrom} WHERE fb.id = $1`, [businessId]);
  return row;
}

export async function tierCounts(db: Queryable, w: Where) {
  return db.query<{ tier: FoodTier | null; n: number }>(
    `SELECT rt.tier, count(*)::int AS n FROM food_businesses fb LEFT JOIN food_risk_tiers rt ON rt.business_id = fb.id
       ${w} GROUP BY rt.tier`,
    w.params,
  );
}

export async function tierHistory(db: Queryable, businessId: number) {
  return db.query<{
    tier: FoodTier;
    previousTier: FoodTier | null;
    score: number;
    modelVersion: number;
    changedAt: string;
  }>(
    `SELECT tier, previous_tier AS "previousTier", score, model_version AS "modelVersion", changed_at::text AS "changedAt"
       FROM food_risk_tier_history WHERE business_id = $1 ORDER BY id DESC LIMIT 50`,
    [businessId],
  );
}

/** The businesses the caller may read (fb, rt = food_risk_tiers), filtered. */
export function tierWhere(actor: Actor, q: { stationId?: number; tier?: FoodTier; q?: string; afterId?: number }) {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  w.addIf(q.stationId, 'fb.station_id = ?');
  w.addIf(q.tier, 'rt.tier = ?');
  w.addIf(q.afterId, 'fb.id < ?');
  if (q.q) w.add('fb.entity_id IN (SELECT id FROM entities WHERE name LIKE ?)', `%${escapeLike(q.q)}%`);
  return w;
}
