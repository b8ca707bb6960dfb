import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { equipmentKind } from '../access.ts';

export interface EquipmentRow {
  id: number;
  equipmentCode: string;
  categoryCode: string;
  categoryName: string;
  topCategoryCode: string;
  registrationNo: string | null;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  stationCode: string;
  makerName: string | null;
  installerName: string | null;
  maintenanceUnitName: string | null;
  model: string | null;
  address: string;
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
  status: string;
  firstUsedOn: string | null;
  registeredOn: string | null;
  safetyGrade: number | null;
  gasClass: string | null;
  nextInspectionDue: string | null;
  inspectionState: string;
  lastMaintainedOn: string | null;
  unregisteredFoundOn: string | null;
  createdBy: number | null;
  version: number;
}

export const equipmentCols = `eq.id, eq.equipment_code AS "equipmentCode", eq.category_code AS "categoryCode",
  c.name AS "categoryName", coalesce(c.parent_code, c.code) AS "topCategoryCode", eq.registration_no AS "registrationNo",
  eq.entity_id AS "entityId", e.name AS "entityName", e.uscc, eq.station_id AS "stationId", s.name AS "stationName",
  s.code AS "stationCode",
  eq.maker_name AS "makerName", eq.installer_name AS "installerName", eq.maintenance_unit_name AS "maintenanceUnitName",
  eq.model, eq.address, eq.region_code AS "regionCode", eq.latitude::float8 AS latitude, eq.longitude::float8 AS longitude,
  eq.status, eq.first_used_on::text AS "firstUsedOn", eq.registered_on::text AS "registeredOn",
  eq.safety_grade AS "safetyGrade", eq.gas_class AS "gasClass", eq.next_inspection_due::text AS "nextInspectionDue",
  eq.inspection_state AS "inspectionState", eq.last_maintained_on::text AS "lastMaintainedOn",
  eq.unregistered_found_on::text AS "unregisteredFoundOn", eq.created_by AS "createdBy", eq.version`;
export const equipmentFrom = `equipment eq JOIN equipment_categories c ON c.code = eq.category_code
  JOIN entities e ON e.id = eq.entity_id JOIN org_units s ON s.id = eq.station_id`;
/** The map's points and township counts: listWhere reads only eq and c unless the filter searches the entity name. */
const mapFrom = 'equipment eq JOIN equipment_categories c ON c.code = eq.category_code';

export async function getEquipment(db: Queryable, id: number, lock = false): Promise<EquipmentRow | undefined> {
  const [row] = await db.query<EquipmentRow>(
    `SELECT ${equipmentCols} FROM ${equipmentFrom} WHERE eq.id = $1${lock ? ' FOR UPDATE OF eq' : ''}`,
    [id],
  );
  return row;
}

/** Locks these rows in id order, so two writers that each touch several pieces cannot deadlock each other. */
export async function lockEquipment(tx: Queryable, ids: readonly number[]): Promise<void> {
  await tx.query('SELECT id FROM equipment WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE', [ids]);
}

export async function equipmentByCodes(db: Queryable, codes: string[]): Promise<EquipmentRow[]> {
  if (!codes.length) return [];
  return db.query<EquipmentRow>(`SELECT ${equipmentCols} FROM ${equipmentFrom} WHERE eq.equipment_code = ANY($1)`, [
    codes,
  ]);
}

export interface EquipmentFilter {
  q?: string;
  category?: string;
  status?: string;
  inspectionState?: 'due' | 'overdue' | 'dueOrOverdue';
  stationId?: number;
  regionCode?: string;
  entityId?: number;
  maintenanceOverdueBefore?: string;
}

/**
 * One page. By newest id, or — for the due/overdue lists — by due date within a station's due index
 * (equipment_due_idx: station, state, due, id), `after` being the last row's sort key.
 */
export function listWhere(actor: Actor, f: EquipmentFilter): Where {
  const w = readableWhere(actor, equipmentKind, new Where());
  if (f.q) {
    const q = f.q.trim();
    w.add(
      '(eq.equipment_code LIKE ? OR eq.registration_no LIKE ? OR e.name LIKE ?)',
      `${escapeLike(q.toUpperCase())}%`,
      `${escapeLike(q)}%`,
      `%${escapeLike(q)}%`,
    );
  }
  if (f.category) w.add('(eq.category_code = ? OR c.parent_code = ?)', f.category, f.category);
  w.addIf(f.status, 'eq.status = ?').addIf(f.stationId, 'eq.station_id = ?').addIf(f.entityId, 'eq.entity_id = ?');
  if (f.regionCode) w.add('eq.region_code LIKE ?', `${escapeLike(f.regionCode)}%`);
  if (f.inspectionState === 'dueOrOverdue') w.add(`eq.inspection_state <> 'normal'`);
  else w.addIf(f.inspectionState, 'eq.inspection_state = ?');
  if (f.maintenanceOverdueBefore)
    w.add(`eq.status = 'inUse' AND eq.category_code LIKE '3%'`).add(
      '(eq.last_maintained_on IS NULL OR eq.last_maintained_on < ?::date)',
      f.maintenanceOverdueBefore,
    );
  return w;
}

export async function listEquipment(
  db: Queryable,
  actor: Actor,
  f: EquipmentFilter,
  page: { after?: unknown[]; limit: number; beforeId?: number; byId?: boolean },
): Promise<EquipmentRow[]> {
  if (!f.inspectionState || page.byId) {
    const w = listWhere(actor, f);
    if (page.after) w.add('eq.id < ?', page.after[0]);
    else if (page.beforeId) w.add('eq.id < ?', page.beforeId);
    return db.query<EquipmentRow>(
      `SELECT ${equipmentCols} FROM ${equipmentFrom} ${w} ORDER BY eq.id DESC LIMIT ${w.param(page.limit + 1)}`,
      w.params,
    );
  }
  // The due lists walk one state at a time in (station, state, due, id) or (state, due, id) order: 超期未检 dates all
  // precede 应报检 ones, so "both" is the overdue rows, then the due ones, under one (due, id) cursor.
  const states = f.inspectionState === 'dueOrOverdue' ? ['overdue', 'due'] : [f.inspectionState];
  const out: EquipmentRow[] = [];
  for (const state of states) {
    const w = listWhere(actor, { ...f, inspectionState: undefined }).add('eq.inspection_state = ?', state);
    // A station's own list: an equality the planner can walk the due index with (ANY cannot give the order).
    const units = actor.dataScope === 'unit_and_below' ? actor.scopeUnitIds : [];
    if (units.length === 1 && !f.stationId) w.add('eq.station_id = ?', units[0]);
    if (page.after) w.add('(eq.next_inspection_due, eq.id) > (?::date, ?)', page.after[0], page.after[1]);
    const rows = await db.query<EquipmentRow>(
      `SELECT ${equipmentCols} FROM ${equipmentFrom} ${w}
        ORDER BY eq.next_inspection_due, eq.id LIMIT ${w.param(page.limit + 1 - out.length)}`,
      w.params,
    );
    out.push(...rows);
    if (out.length > page.limit) break;
  }
  return out;
}

/** The map: up to `limit` points in reach with coordinates, or counts per township when none have them. */
export async function mapPoints(db: Queryable, actor: Actor, f: EquipmentFilter, limit: number) {
  const w = listWhere(actor, f).add('eq.latitude IS NOT NULL');
  // Without a name search nothing here reads the entity or the station: joining them cost one entity lookup per
  // point. The points come as one JSON array: thousands of rows of seven fields each cost twice as much through
  // PGlite's row decoding as one json_agg value (4,500 points in the demo; docs/SCALING.md, "One machine, embedded").
  const from = f.q ? equipmentFrom : mapFrom;
  const [row] = await db.query<{ points: string }>(
    `SELECT coalesce(json_agg(p ORDER BY p."inspectionState" DESC, p.id), '[]')::text AS points FROM (
       SELECT eq.id, eq.equipment_code AS "equipmentCode", coalesce(c.parent_code, c.code) AS "categoryCode",
         eq.latitude::float8 AS latitude, eq.longitude::float8 AS longitude, eq.inspection_state AS "inspectionState",
         eq.status
         FROM ${from} ${w} ORDER BY eq.inspection_state DESC, eq.id LIMIT ${w.param(limit)}) p`,
    w.params,
  );
  return JSON.parse(row?.points ?? '[]') as {
    id: number;
    equipmentCode: string;
    categoryCode: string;
    latitude: number;
    longitude: number;
    inspectionState: string;
    status: string;
  }[];
}

export async function townshipCounts(db: Queryable, actor: Actor, f: EquipmentFilter) {
  const w = listWhere(actor, f);
  return db.query<{ regionCode: string; total: number; due: number; overdue: number }>(
    `SELECT coalesce(eq.region_code, '') AS "regionCode", count(*)::int AS total,
       count(*) FILTER (WHERE eq.inspection_state = 'due')::int AS due,
       count(*) FILTER (WHERE eq.inspection_state = 'overdue')::int AS overdue
       FROM ${f.q ? equipmentFrom : mapFrom} ${w} GROUP BY 1 ORDER BY 1`,
    w.params,
  );
}

export interface NewEquipment {
  equipmentCode: string;
  categoryCode: string;
  registrationNo: string | null;
  entityId: number;
  stationId: number;
  makerName: string | null;
  installerName: string | null;
  maintenanceEntityId: number | null;
  maintenanceUnitName: string | null;
  model: string | null;
  address: string;
  regionCode: string | null;
  latitude: number | null;
  longitude: number | null;
  status: string;
  firstUsedOn: string | null;
  registeredOn: string | null;
  gasClass: string | null;
  nextInspectionDue: string | null;
  inspectionState: string;
  createdBy: number;
}

export async function insertEquipment(db: Queryable, n: NewEquipment): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO equipment (equipment_code, category_code, registration_no, entity_id, station_id, maker_name,
       installer_name, maintenance_entity_id, maintenance_unit_name, model, address, region_code, latitude, longitude,
       status, first_used_on, registered_on, gas_class, next_inspection_due, inspection_state, created_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21)
     ON CONFLICT DO NOTHING RETURNING id`,
    [
      n.equipmentCode,
      n.categoryCode,
      n.registrationNo,
      n.entityId,
      n.stationId,
      n.makerName,
      n.installerName,
      n.maintenanceEntityId,
      n.maintenanceUnitName,
      n.model,
      n.address,
      n.regionCode,
      n.latitude,
      n.longitude,
      n.status,
      n.firstUsedOn,
      n.registeredOn,
      n.gasClass,
      n.nextInspectionDue,
      n.inspectionState,
      n.createdBy,
    ],
  );
  return row?.id ?? 0;
}

export async function codeOrRegistrationTaken(db: Queryable, code: string, registrationNo: string | null) {
  const rows = await db.query<{ code: boolean; reg: boolean }>(
    `SELECT equipment_code = $1 AS code, registration_no IS NOT DISTINCT FROM $2 AND $2 IS NOT NULL AS reg
       FROM equipment WHERE equipment_code = $1 OR registration_no = $2`,
    [code, registrationNo],
  );
  return { code: rows.some((r) => r.code), registration: rows.some((r) => r.reg) };
}

/** Versioned status change (the transition table's only writer); false when someone changed it first. */
export async function moveStatus(
  db: Queryable,
  id: number,
  from: string,
  to: string,
  set: { registrationNo?: string; registeredOn?: string },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE equipment SET status = $3, registration_no = coalesce($4, registration_no),
       registered_on = coalesce($5::date, registered_on), updated_at = now(), version = version + 1
     WHERE id = $1 AND status = $2 RETURNING id`,
    [id, from, to, set.registrationNo ?? null, set.registeredOn ?? null],
  );
  return rows.length === 1;
}

export async function insertStatusEvent(
  db: Queryable,
  e: { equipmentId: number; action: string; from: string; to: string; reason: string | null; userId: number | null },
): Promise<void> {
  await db.query(
    `INSERT INTO equipment_status_events (equipment_id, action, from_status, to_status, reason, created_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.equipmentId, e.action, e.from, e.to, e.reason, e.userId],
  );
}

export async function lastStatusAction(db: Queryable, equipmentId: number): Promise<string | undefined> {
  const [row] = await db.query<{ action: string }>(
    'SELECT action FROM equipment_status_events WHERE equipment_id = $1 ORDER BY id DESC LIMIT 1',
    [equipmentId],
  );
  return row?.action;
}

export async function statusEvents(db: Queryable, equipmentId: number) {
  return db.query<{
    id: number;
    action: string;
    from: string;
    to: string;
    reason: string | null;
    at: string;
    by: string | null;
  }>(
    `SELECT ev.id, ev.action, ev.from_status AS "from", ev.to_status AS "to", ev.reason, ev.created_at AS at,
       u.display_name AS by
       FROM equipment_status_events ev LEFT JOIN users u ON u.id = ev.created_by
      WHERE ev.equipment_id = $1 ORDER BY ev.id DESC LIMIT 200`,
    [equipmentId],
  );
}

export async function updateDetails(
  db: Queryable,
  id: number,
  version: number,
  p: {
    makerName: string | null;
    installerName: string | null;
    maintenanceUnitName: string | null;
    address: string;
    regionCode: string | null;
    latitude: number | null;
    longitude: number | null;
  },
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE equipment SET maker_name = $3, installer_name = $4, maintenance_unit_name = $5, address = $6,
       region_code = $7, latitude = $8, longitude = $9, updated_at = now(), version = version + 1
     WHERE id = $1 AND version = $2 RETURNING id`,
    [
      id,
      version,
      p.makerName,
      p.installerName,
      p.maintenanceUnitName,
      p.address,
      p.regionCode,
      p.latitude,
      p.longitude,
    ],
  );
  return rows.length === 1;
}

export async function entityForEquipment(db: Queryable, entityId: number) {
  const [row] = await db.query<{ id: number; stationId: number; name: string }>(
    'SELECT id, station_id AS "stationId", name FROM entities WHERE id = $1',
    [entityId],
  );
  return row;
}

export async function categoryOf(db: Queryable, code: string) {
  const [row] = await db.query<{ code: string; parentCode: string | null; name: string }>(
    'SELECT code, parent_code AS "parentCode", name FROM equipment_categories WHERE code = $1 AND active',
    [code],
  );
  return row;
}

export async function categories(db: Queryable) {
  return db.query<{ code: string; parentCode: string | null; name: string }>(
    'SELECT code, parent_code AS "parentCode", name FROM equipment_categories WHERE active ORDER BY sort, code',
  );
}
