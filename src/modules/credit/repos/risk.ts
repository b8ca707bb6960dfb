import type { Queryable } from '../../../db/client.ts';
import type { Where } from '../../../db/sql.ts';
import type { RiskModel } from '../../../domain/risk-model.ts';
import type { RiskClass } from '../../../domain/spot-check-draw.ts';
import { type EntityFilter, factsSelect, Params, recomputeStatement } from './risk-sql.ts';

export interface RecomputeCounts {
  computed: number;
  updated: number;
  classChanged: number;
}

export async function recompute(
  db: Queryable,
  model: RiskModel,
  f: EntityFilter,
  today: string,
  latestYear: number,
): Promise<RecomputeCounts> {
  const { sql, params } = recomputeStatement(model, f, today, latestYear);
  const [row] = await db.query<RecomputeCounts>(sql, params);
  return row!;
}

export async function entityIdRange(db: Queryable): Promise<{ lo: number; hi: number } | undefined> {
  const [row] = await db.query<{ lo: number | null; hi: number | null }>(
    'SELECT min(id) AS lo, max(id) AS hi FROM entities',
  );
  return row?.lo == null || row.hi == null ? undefined : { lo: row.lo, hi: row.hi };
}

/** The facts of some entities, exactly as the recompute sees them (for the breakdown and the tests). */
export async function factsOf(db: Queryable, ids: number[], today: string, latestYear: number) {
  const p = new Params();
  const sql = factsSelect(p, { ids }, today, latestYear);
  return db.query<Record<string, unknown> & { entity_id: number }>(sql, p.values);
}

/** Outbox: queue entities for recompute inside the caller's transaction. */
export async function queueRecompute(tx: Queryable, entityIds: number[], reason: string): Promise<void> {
  if (entityIds.length === 0) return;
  await tx.query('INSERT INTO risk_recompute_queue (entity_id, reason) SELECT unnest($1::bigint[]), $2', [
    entityIds,
    reason,
  ]);
}

/** Takes up to `limit` queued rows (deleted; the caller's transaction rolls them back on failure). */
export async function takeQueued(tx: Queryable, limit: number): Promise<number[]> {
  const rows = await tx.query<{ entity_id: number }>(
    `DELETE FROM risk_recompute_queue WHERE id IN (
       SELECT id FROM risk_recompute_queue ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED) RETURNING entity_id`,
    [limit],
  );
  return [...new Set(rows.map((r) => r.entity_id))];
}

export async function queuedCount(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM risk_recompute_queue');
  return row?.n ?? 0;
}

export interface ModelRow {
  version: number;
  name: string;
  body: Pick<RiskModel, 'indicators' | 'thresholds'>;
  active: boolean;
  note: string | null;
  createdAt: string;
}

const modelCols = `version, name, body, active, note, created_at AS "createdAt"`;

export async function activeModelRow(db: Queryable): Promise<ModelRow | undefined> {
  const [row] = await db.query<ModelRow>(`SELECT ${modelCols} FROM risk_models WHERE active`);
  return row;
}

export async function listModels(db: Queryable): Promise<ModelRow[]> {
  return db.query<ModelRow>(`SELECT ${modelCols} FROM risk_models ORDER BY version DESC LIMIT 100`);
}

export async function findModel(db: Queryable, version: number): Promise<ModelRow | undefined> {
  const [row] = await db.query<ModelRow>(`SELECT ${modelCols} FROM risk_models WHERE version = $1`, [version]);
  return row;
}

export async function insertModel(
  tx: Queryable,
  m: { version?: number; name: string; body: unknown; note: string | null; createdBy: number | null },
): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO risk_models (version, name, body, note, created_by)
     VALUES (COALESCE($1, (SELECT COALESCE(max(version), 0) + 1 FROM risk_models)), $2, $3, $4, $5) RETURNING version`,
    [m.version ?? null, m.name, JSON.stringify(m.body), m.note, m.createdBy],
  );
  return row!.version;
}

export async function activateModel(tx: Queryable, version: number): Promise<void> {
  await tx.query('UPDATE risk_models SET active = false WHERE active AND version <> $1', [version]);
  await tx.query('UPDATE risk_models SET active = true WHERE version = $1', [version]);
}

export async function currentClass(db: Queryable, entityId: number) {
  const [row] = await db.query<{ riskClass: RiskClass; score: number; modelVersion: number; computedAt: string }>(
    `SELECT risk_class AS "riskClass", score, model_version AS "modelVersion", computed_at AS "computedAt"
       FROM entity_risk_classes WHERE entity_id = $1`,
    [entityId],
  );
  return row;
}

export async function classHistory(db: Queryable, entityId: number) {
  return db.query<{
    riskClass: RiskClass;
    previousClass: RiskClass | null;
    score: number;
    modelVersion: number;
    changedAt: string;
  }>(
    `SELECT risk_class AS "riskClass", previous_class AS "previousClass", score, model_version AS "modelVersion",
            changed_at AS "changedAt"
       FROM risk_class_history WHERE entity_id = $1 ORDER BY id DESC LIMIT 50`,
    [entityId],
  );
}

/** Class counts per station and per industry division (2 digits), over the entities `reach` admits (alias e). */
export async function distribution(db: Queryable, reach: Where) {
  // One pass for both groupings (GROUPING SETS): the join of the register with its classes is the cost (51.6 k rows:
  // ≈ 150–250 ms on PGlite under load), and it was made twice (docs/SCALING.md, "One machine, embedded").
  const rows = await db.query<{
    byDivision: number;
    stationId: number | null;
    stationName: string | null;
    division: string | null;
    riskClass: RiskClass;
    n: number;
  }>(
    `WITH g AS (
       SELECT e.station_id, left(e.industry_code, 2) AS division, c.risk_class, count(*)::int AS n,
              GROUPING(e.station_id)::int AS by_division
         FROM entity_risk_classes c JOIN entities e ON e.id = c.entity_id
         ${reach}
        GROUP BY GROUPING SETS ((e.station_id, c.risk_class), (left(e.industry_code, 2), c.risk_class)))
     SELECT g.by_division AS "byDivision", g.station_id AS "stationId", u.name AS "stationName", g.division,
            g.risk_class AS "riskClass", g.n
       FROM g LEFT JOIN org_units u ON u.id = g.station_id
      ORDER BY g.by_division, u.sort_order, g.station_id`,
    reach.params,
  );
  const byStation: { stationId: number; stationName: string; riskClass: RiskClass; n: number }[] = [];
  const byDivision: { division: string | null; riskClass: RiskClass; n: number }[] = [];
  for (const r of rows) {
    if (r.byDivision) byDivision.push({ division: r.division, riskClass: r.riskClass, n: r.n });
    else byStation.push({ stationId: r.stationId!, stationName: r.stationName!, riskClass: r.riskClass, n: r.n });
  }
  return { byStation, byDivision };
}
