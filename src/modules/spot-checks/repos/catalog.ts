import type { z } from 'zod';
import type {
  TCheckItem,
  TConflict,
  TInspector,
  TPlan,
  TPool,
  TPoolFilter,
  ZCheckItemCreate,
  ZInspectorCreate,
  ZInspectorUpdate,
} from '../../../contracts/spot-checks.ts';
import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { spotCheckEntityKind, spotCheckInspectorKind, spotCheckPlanKind, spotCheckPoolKind } from '../access.ts';

const itemColumns = `i.id, i.department_id AS "departmentId", d.name AS "departmentName", i.code, i.name, i.level,
  i.legal_basis AS "legalBasis", i.checklist, i.active`;

export async function listItems(q: Queryable, ids?: readonly number[]): Promise<TCheckItem[]> {
  return q.query<TCheckItem>(
    `SELECT ${itemColumns} FROM spot_check_items i JOIN org_units d ON d.id = i.department_id
      ${ids ? 'WHERE i.id = ANY($1::bigint[])' : ''} ORDER BY d.sort_order, d.id, i.code`,
    ids ? [ids] : [],
  );
}

export async function insertItem(q: Queryable, i: z.infer<typeof ZCheckItemCreate>): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_items (department_id, code, name, level, legal_basis, checklist)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [i.departmentId, i.code, i.name, i.level, i.legalBasis, i.checklist],
  );
  return row!.id;
}

export async function findUnitKind(q: Queryable, id: number): Promise<string | undefined> {
  const [row] = await q.query<{ kind: string }>('SELECT kind FROM org_units WHERE id = $1', [id]);
  return row?.kind;
}

/**
 * The inspector pool. `departmentIds`: the active inspectors of those departments (a draw's candidates, any
 * station). `reader`: only those the caller may list (access.ts: the inspector kind). `id`: that one.
 */
export async function listInspectors(
  q: Queryable,
  opts: { departmentIds?: readonly number[]; reader?: Actor; id?: number } = {},
) {
  const w = opts.reader ? readableWhere(opts.reader, spotCheckInspectorKind, new Where()) : new Where();
  if (opts.departmentIds) w.add('p.active AND p.department_id = ANY(?::bigint[])', opts.departmentIds);
  w.addIf(opts.id, 'p.id = ?');
  return q.query<TInspector>(
    `SELECT p.id, p.name, p.department_id AS "departmentId", d.name AS "departmentName", p.station_id AS "stationId",
            s.name AS "stationName", p.qualifications, p.user_id AS "userId", u.username, p.active
       FROM spot_check_inspectors p JOIN org_units d ON d.id = p.department_id
       LEFT JOIN org_units s ON s.id = p.station_id LEFT JOIN users u ON u.id = p.user_id
      ${w} ORDER BY p.department_id, p.id`,
    w.params,
  );
}

export async function findInspector(q: Queryable, id: number, reader?: Actor): Promise<TInspector | undefined> {
  return (await listInspectors(q, { id, reader }))[0];
}

export async function insertInspector(q: Queryable, p: z.infer<typeof ZInspectorCreate>): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_inspectors (name, department_id, station_id, qualifications, user_id)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [p.name, p.departmentId, p.stationId, p.qualifications, p.userId],
  );
  return row!.id;
}

export async function insertConflict(q: Queryable, c: { inspectorId: number; entityId: number; reason: string }) {
  await q.query(
    `INSERT INTO spot_check_conflicts (inspector_id, entity_id, reason) VALUES ($1, $2, $3)
     ON CONFLICT (inspector_id, entity_id) DO UPDATE SET reason = EXCLUDED.reason`,
    [c.inspectorId, c.entityId, c.reason],
  );
}

export async function updateInspector(q: Queryable, id: number, p: z.infer<typeof ZInspectorUpdate>) {
  const rows = await q.query(
    `UPDATE spot_check_inspectors SET name = $2, department_id = $3, station_id = $4, qualifications = $5,
            user_id = $6, active = $7 WHERE id = $1 RETURNING id`,
    [id, p.name, p.departmentId, p.stationId, p.qualifications, p.userId, p.active],
  );
  return rows.length > 0;
}

/** The inspector an account is linked to, if any (one account, one inspector). */
export async function inspectorOfUser(q: Queryable, userId: number): Promise<number | undefined> {
  const [row] = await q.query<{ id: number }>('SELECT id FROM spot_check_inspectors WHERE user_id = $1', [userId]);
  return row?.id;
}

/** The unit of an account, if it exists. */
export async function userUnit(q: Queryable, id: number): Promise<number | undefined> {
  const [row] = await q.query<{ unitId: number }>('SELECT unit_id AS "unitId" FROM users WHERE id = $1', [id]);
  return row?.unitId;
}

/** Declared conflicts over the entities the caller reaches, newest first. */
export async function listConflicts(q: Queryable, reader: Actor): Promise<TConflict[]> {
  const w = readableWhere(reader, spotCheckEntityKind, new Where());
  return q.query<TConflict>(
    `SELECT c.inspector_id AS "inspectorId", p.name AS "inspectorName", d.name AS "departmentName",
            c.entity_id AS "entityId", e.name AS "entityName", e.uscc, c.reason, c.created_at AS "declaredAt"
       FROM spot_check_conflicts c JOIN spot_check_inspectors p ON p.id = c.inspector_id
       JOIN org_units d ON d.id = p.department_id JOIN entities e ON e.id = c.entity_id
      ${w} ORDER BY c.created_at DESC, c.inspector_id, c.entity_id`,
    w.params,
  );
}

export async function deleteConflict(q: Queryable, c: { inspectorId: number; entityId: number }): Promise<boolean> {
  const rows = await q.query(
    'DELETE FROM spot_check_conflicts WHERE inspector_id = $1 AND entity_id = $2 RETURNING inspector_id',
    [c.inspectorId, c.entityId],
  );
  return rows.length > 0;
}

/** The entity exists and the caller reaches it. */
export async function entityInReach(q: Queryable, id: number, reader: Actor): Promise<boolean> {
  const w = readableWhere(reader, spotCheckEntityKind, new Where().add('e.id = ?', id));
  return (await q.query(`SELECT 1 FROM entities e ${w}`, w.params)).length > 0;
}

export async function conflictsFor(q: Queryable, entityIds: readonly number[]): Promise<Set<string>> {
  // Declared conflicts are few (a handful per inspector): when there are fewer of them than entities drawn, all
  // of them are read and matched here, rather than sending the draw's ids (500 k at province scale: 0.8 s).
  const all = await q.query<{ i: number; e: number }>(
    'SELECT inspector_id AS i, entity_id AS e FROM spot_check_conflicts LIMIT $1',
    [entityIds.length + 1],
  );
  if (all.length <= entityIds.length) {
    const drawn = new Set(entityIds);
    return new Set(all.filter((r) => drawn.has(r.e)).map((r) => `${r.i}:${r.e}`));
  }
  const rows = await q.query<{ i: number; e: number }>(
    'SELECT inspector_id AS i, entity_id AS e FROM spot_check_conflicts WHERE entity_id = ANY($1::bigint[])',
    [entityIds],
  );
  return new Set(rows.map((r) => `${r.i}:${r.e}`));
}

const poolColumns = 'ep.id, ep.name, ep.filter, ep.owner_unit_id AS "ownerUnitId", ep.created_by AS "createdBy"';
type PoolRow = TPool & { createdBy: number | null };

/** The pools the caller may see (access.ts: the pool kind), newest first. */
export async function listPools(q: Queryable, reader: Actor): Promise<PoolRow[]> {
  const w = readableWhere(reader, spotCheckPoolKind, new Where());
  return q.query<PoolRow>(`SELECT ${poolColumns} FROM spot_check_entity_pools ep ${w} ORDER BY ep.id DESC`, w.params);
}

export async function findPool(q: Queryable, id: number): Promise<PoolRow | undefined> {
  const [row] = await q.query<PoolRow>(`SELECT ${poolColumns} FROM spot_check_entity_pools ep WHERE ep.id = $1`, [id]);
  return row;
}

export async function insertPool(q: Queryable, p: { name: string; filter: TPoolFilter; unitId: number; by: number }) {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_entity_pools (name, owner_unit_id, filter, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [p.name, p.unitId, JSON.stringify(p.filter), p.by],
  );
  return row!.id;
}

/**
 * The registry filter of a pool over entities e and their class r, limited to the entities the caller reaches
 * (access.ts: the spot-check entity kind): a station draws from its own stations only.
 */
export function poolWhere(filter: TPoolFilter, reader: Actor): Where {
  // One status (the default 存续) as an equality: for 'active' the covering partial index
  // entities_active_station_idx then yields ids (and stations) in order without the heap, so freezing the pool
  // merge-joins the risk classes without a sort.
  const w =
    filter.statuses.length === 1
      ? new Where().add('e.status = ?', filter.statuses[0])
      : new Where().add('e.status = ANY(?::text[])', filter.statuses);
  if (filter.types?.length) w.add('e.type = ANY(?::text[])', filter.types);
  if (filter.stationIds?.length) w.add('e.station_id = ANY(?::bigint[])', filter.stationIds);
  readableWhere(reader, spotCheckEntityKind, w);
  if (filter.industryPrefix) w.add('e.industry_code LIKE ?', `${escapeLike(filter.industryPrefix)}%`);
  if (filter.regionPrefix) w.add('e.region_code LIKE ?', `${escapeLike(filter.regionPrefix)}%`);
  return w;
}

export async function previewPool(q: Queryable, filter: TPoolFilter, reader: Actor) {
  const w = poolWhere(filter, reader);
  const [row] = await q.query<{ size: number; a: number; b: number; c: number; d: number; unclassified: number }>(
    `SELECT count(*)::int AS size, count(*) FILTER (WHERE r.risk_class = 'A')::int AS a,
            count(*) FILTER (WHERE r.risk_class = 'B' OR r.entity_id IS NULL)::int AS b,
            count(*) FILTER (WHERE r.risk_class = 'C')::int AS c, count(*) FILTER (WHERE r.risk_class = 'D')::int AS d,
            count(*) FILTER (WHERE r.entity_id IS NULL)::int AS unclassified
       FROM entities e LEFT JOIN entity_risk_classes r ON r.entity_id = e.id ${w}`,
    w.params,
  );
  const r = row!;
  return { size: r.size, byClass: { A: r.a, B: r.b, C: r.c, D: r.d }, unclassified: r.unclassified };
}

export async function insertPlan(
  q: Queryable,
  p: { name: string; periodStart: string; periodEnd: string; unitId: number; by: number },
) {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_plans (name, period_start, period_end, owner_unit_id, created_by)
     VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [p.name, p.periodStart, p.periodEnd, p.unitId, p.by],
  );
  return row!.id;
}

type PlanRow = TPlan & { ownerUnitId: number; createdBy: number | null };

/** Plans with what merging saved (checks drawn across tasks vs visits actually made); `id`: that one. */
export async function listPlans(q: Queryable, reader: Actor, id?: number): Promise<PlanRow[]> {
  // A food inspection's own plan (kind 'food') is not a 双随机 plan.
  const w = readableWhere(reader, spotCheckPlanKind, new Where()).add(`p.kind = 'spotCheck'`).addIf(id, 'p.id = ?');
  const rows = await q.query<PlanRow>(
    `SELECT p.id, p.name, p.period_start AS "periodStart", p.period_end AS "periodEnd",
            p.owner_unit_id AS "ownerUnitId", p.created_by AS "createdBy",
            (SELECT count(*)::int FROM spot_check_tasks t WHERE t.plan_id = p.id) AS "taskCount",
            (SELECT coalesce(sum(cardinality(v.task_ids)), 0)::int FROM spot_check_visits v
              WHERE v.plan_id = p.id) AS "drawnChecks",
            (SELECT count(*)::int FROM spot_check_visits v WHERE v.plan_id = p.id) AS visits,
            0 AS "visitsSaved"
       FROM spot_check_plans p ${w} ORDER BY p.id DESC`,
    w.params,
  );
  return rows.map((r) => ({ ...r, visitsSaved: r.drawnChecks - r.visits }));
}

export async function departmentsAndStations(q: Queryable) {
  return q.query<{ id: number; name: string; kind: string }>(
    `SELECT id, name, kind FROM org_units WHERE active AND kind IN ('department', 'station') ORDER BY sort_order, id`,
  );
}
