import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { equipmentDirectiveKind } from '../access.ts';

export interface DirectiveRow {
  id: number;
  docNo: string;
  equipmentId: number;
  equipmentCode: string;
  registrationNo: string | null;
  entityId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  issuedOn: string;
  deadline: string;
  requiresStop: boolean;
  status: 'issued' | 'overdue' | 'rectified' | 'closed';
  rectifiedOn: string | null;
  evidence: string | null;
  reinspectedOn: string | null;
  closedOn: string | null;
  caseLeadNo: string | null;
  inspectorNames: string;
  inspectionState: 'normal' | 'due' | 'overdue';
  nextInspectionDue: string | null;
  createdBy: number | null;
  version: number;
}

const cols = `ed.id, ed.doc_no AS "docNo", ed.equipment_id AS "equipmentId", q.equipment_code AS "equipmentCode",
  q.registration_no AS "registrationNo", ed.entity_id AS "entityId", e.name AS "entityName",
  ed.station_id AS "stationId", s.name AS "stationName", ed.issued_on::text AS "issuedOn",
  ed.deadline::text AS deadline, ed.requires_stop AS "requiresStop", ed.status, ed.rectified_on::text AS "rectifiedOn",
  ed.evidence, ed.reinspected_on::text AS "reinspectedOn", ed.closed_on::text AS "closedOn",
  ed.case_lead_no AS "caseLeadNo", ed.inspector_names AS "inspectorNames", q.inspection_state AS "inspectionState",
  q.next_inspection_due::text AS "nextInspectionDue", ed.created_by AS "createdBy", ed.version`;
const from = `equipment_directives ed JOIN equipment q ON q.id = ed.equipment_id JOIN entities e ON e.id = ed.entity_id
  JOIN org_units s ON s.id = ed.station_id`;

/** The next number of the station's year, without gaps (the row lock serialises concurrent issues). */
export async function nextDirectiveSeq(tx: Queryable, stationId: number, year: number): Promise<number> {
  const [row] = await tx.query<{ seq: number }>(
    `INSERT INTO equipment_directive_counters AS k (station_id, year, last_seq) VALUES ($1, $2, 1)
     ON CONFLICT (station_id, year) DO UPDATE SET last_seq = k.last_seq + 1 RETURNING last_seq AS seq`,
    [stationId, year],
  );
  return row!.seq;
}

export async function insertDirective(
  tx: Queryable,
  d: {
    docNo: string;
    equipmentId: number;
    entityId: number;
    stationId: number;
    issuedOn: string;
    deadline: string;
    requiresStop: boolean;
    inspectorNames: string;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO equipment_directives (doc_no, equipment_id, entity_id, station_id, issued_on, deadline, requires_stop,
       status, inspector_names, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, 'issued', $8, $9) RETURNING id`,
    [
      d.docNo,
      d.equipmentId,
      d.entityId,
      d.stationId,
      d.issuedOn,
      d.deadline,
      d.requiresStop,
      d.inspectorNames,
      d.createdBy,
    ],
  );
  return row!.id;
}

export async function getDirective(db: Queryable, id: number): Promise<DirectiveRow | undefined> {
  const [row] = await db.query<DirectiveRow>(`SELECT ${cols} FROM ${from} WHERE ed.id = $1`, [id]);
  return row;
}

export async function listDirectives(
  db: Queryable,
  actor: Actor,
  q: { status?: string; equipmentId?: number; limit: number; cursor?: number },
): Promise<DirectiveRow[]> {
  const w = readableWhere(actor, equipmentDirectiveKind, new Where())
    .addIf(q.status, 'ed.status = ?')
    .addIf(q.equipmentId, 'ed.equipment_id = ?')
    .addIf(q.cursor, 'ed.id < ?');
  const lim = w.param(q.limit + 1);
  return db.query<DirectiveRow>(`SELECT ${cols} FROM ${from} ${w} ORDER BY ed.id DESC LIMIT ${lim}`, w.params);
}

export type DirectiveSet = Partial<
  Record<
    | 'status'
    | 'deadline'
    | 'rectified_on'
    | 'evidence'
    | 'reinspected_on'
    | 'closed_on'
    | 'escalated_at'
    | 'case_lead_no',
    string | null
  >
>;

/** A versioned update of the columns named (fixed names only); false when someone changed the order first. */
export async function updateDirective(tx: Queryable, id: number, version: number, set: DirectiveSet): Promise<boolean> {
  const entries = Object.entries(set);
  const assignments = entries.map(([col], i) => `${col} = $${i + 3}`);
  const rows = await tx.query(
    `UPDATE equipment_directives SET ${[...assignments, 'version = version + 1'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, ...entries.map(([, v]) => v)],
  );
  return rows.length > 0;
}

export async function insertEvent(
  tx: Queryable,
  e: {
    directiveId: number;
    action: string;
    from: string | null;
    to: string;
    note: string | null;
    actorId: number | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO equipment_directive_events (directive_id, action, from_status, to_status, note, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [e.directiveId, e.action, e.from, e.to, e.note, e.actorId],
  );
}

export async function eventsOf(db: Queryable, directiveId: number) {
  return db.query<{ action: string; toStatus: string; note: string | null; actorName: string | null; at: string }>(
    `SELECT v.action, v.to_status AS "toStatus", v.note, u.display_name AS "actorName", v.at::text AS at
       FROM equipment_directive_events v LEFT JOIN users u ON u.id = v.actor_id
      WHERE v.directive_id = $1 ORDER BY v.id`,
    [directiveId],
  );
}

/** Open orders whose deadline has passed (the daily sweep), oldest first. */
export async function overdueDirectives(db: Queryable, today: string, limit: number) {
  return db.query<{ id: number; version: number }>(
    `SELECT id, version FROM equipment_directives WHERE status = 'issued' AND deadline < $1 ORDER BY deadline, id
      LIMIT $2`,
    [today, limit],
  );
}

/** Open orders for the inbox: by deadline, in the caller's reach. */
export async function pendingDirectives(
  db: Queryable,
  actor: Actor,
  p: { weekEnd: string; limit: number },
): Promise<DirectiveRow[]> {
  const w = readableWhere(actor, equipmentDirectiveKind, new Where())
    .add(`ed.status IN ('issued', 'overdue')`)
    .add('ed.deadline <= ?', p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<DirectiveRow>(`SELECT ${cols} FROM ${from} ${w} ORDER BY ed.deadline, ed.id LIMIT ${lim}`, w.params);
}

export async function countPendingDirectives(db: Queryable, actor: Actor, p: { today: string; weekEnd: string }) {
  const w = readableWhere(actor, equipmentDirectiveKind, new Where())
    .add(`ed.status IN ('issued', 'overdue')`)
    .add('ed.deadline <= ?', p.weekEnd);
  const t = w.param(p.today);
  const [row] = await db.query<{ overdue: number; dueToday: number; dueWeek: number }>(
    `SELECT count(*) FILTER (WHERE ed.deadline < ${t})::int AS overdue,
            count(*) FILTER (WHERE ed.deadline = ${t})::int AS "dueToday",
            count(*) FILTER (WHERE ed.deadline > ${t})::int AS "dueWeek"
       FROM equipment_directives ed ${w}`,
    w.params,
  );
  return row!;
}
