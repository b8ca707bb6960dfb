import type { Queryable } from '../../db/client.ts';
import type { Where } from '../../db/sql.ts';
import type { ComplaintKind, ComplaintStatus } from '../../domain/complaint-workflow.ts';

export interface ComplaintInsert {
  trackingCode: string;
  kind: ComplaintKind;
  channel: string;
  ruleSetCode: string;
  receivedOn: string;
  stationId: number;
  personName: string;
  personPhone: string;
  personIdCipher: string | null;
  personIdMasked: string | null;
  confidential: boolean;
  entityId: number | null;
  businessName: string | null;
  businessAddress: string | null;
  regionCode: string | null;
  categoryCode: string | null;
  amountFen: number | null;
  description: string;
  idempotencyKey: string | null;
  createdBy: number | null;
}

export interface IntakeRecord {
  deadlines: { step: string; dueOn: string; provisional: boolean }[];
  event: { note: string; data: unknown; actorId: number | null };
}

/**
 * A new item with its clocks and its intake event in one statement (one round trip: intake is the busiest
 * write of the portal). Returns what the submitter is told.
 */
export async function insertIntake(
  tx: Queryable,
  c: ComplaintInsert,
  r: IntakeRecord,
): Promise<{ id: number; trackingCode: string; kind: ComplaintKind; stationName: string }> {
  const [row] = await tx.query<{ id: number; trackingCode: string; kind: ComplaintKind; stationName: string }>(
    `WITH c AS (
       INSERT INTO complaints (tracking_code, kind, channel, rule_set_code, received_on, station_id, person_name,
         person_phone, person_id_cipher, person_id_masked, confidential, entity_id, business_name, business_address,
         region_code, category_code, amount_fen, description, idempotency_key, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20)
       RETURNING id, tracking_code, kind, station_id, received_on
     ), d AS (
       INSERT INTO complaint_deadlines (complaint_id, step, started_on, due_on, provisional)
       SELECT c.id, s.step, c.received_on, s.due_on, s.provisional
         FROM c, unnest($21::text[], $22::date[], $23::boolean[]) AS s (step, due_on, provisional)
     ), e AS (
       INSERT INTO complaint_events (complaint_id, action, from_status, to_status, note, data, actor_id)
       SELECT c.id, 'intake', NULL, 'received', $24, $25, $26 FROM c
     )
     SELECT c.id, c.tracking_code AS "trackingCode", c.kind, o.name AS "stationName"
       FROM c JOIN org_units o ON o.id = c.station_id`,
    [
      c.trackingCode,
      c.kind,
      c.channel,
      c.ruleSetCode,
      c.receivedOn,
      c.stationId,
      c.personName,
      c.personPhone,
      c.personIdCipher,
      c.personIdMasked,
      c.confidential,
      c.entityId,
      c.businessName,
      c.businessAddress,
      c.regionCode,
      c.categoryCode,
      c.amountFen,
      c.description,
      c.idempotencyKey,
      c.createdBy,
      r.deadlines.map((d) => d.step),
      r.deadlines.map((d) => d.dueOn),
      r.deadlines.map((d) => d.provisional),
      r.event.note,
      JSON.stringify(r.event.data),
      r.event.actorId,
    ],
  );
  return row!;
}

export async function linkComplaints(tx: Queryable, a: number, b: number): Promise<void> {
  await tx.query('UPDATE complaints SET linked_id = CASE id WHEN $1 THEN $2 ELSE $1 END WHERE id IN ($1, $2)', [a, b]);
}

export async function insertDeadline(
  tx: Queryable,
  d: { complaintId: number; step: string; startedOn: string; dueOn: string; provisional: boolean },
): Promise<void> {
  await tx.query(
    `INSERT INTO complaint_deadlines (complaint_id, step, started_on, due_on, provisional) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (complaint_id, step) DO UPDATE SET started_on = EXCLUDED.started_on, due_on = EXCLUDED.due_on,
       provisional = EXCLUDED.provisional, met_at = NULL`,
    [d.complaintId, d.step, d.startedOn, d.dueOn, d.provisional],
  );
}

export async function completeDeadlines(tx: Queryable, complaintId: number, steps: readonly string[]): Promise<void> {
  await tx.query(
    'UPDATE complaint_deadlines SET met_at = now() WHERE complaint_id = $1 AND step = ANY($2::text[]) AND met_at IS NULL',
    [complaintId, steps],
  );
}

export async function extendDeadline(
  tx: Queryable,
  complaintId: number,
  step: string,
  dueOn: string,
  reason: string,
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE complaint_deadlines SET due_on = $3, extension_reason = $4
      WHERE complaint_id = $1 AND step = $2 AND met_at IS NULL AND extension_reason IS NULL RETURNING 1`,
    [complaintId, step, dueOn, reason],
  );
  return rows.length === 1;
}

export interface DeadlineRow {
  step: string;
  startedOn: string;
  dueOn: string;
  provisional: boolean;
  metAt: string | null;
  extensionReason: string | null;
}

export async function deadlinesOf(db: Queryable, complaintId: number): Promise<DeadlineRow[]> {
  return db.query<DeadlineRow>(
    `SELECT step, started_on AS "startedOn", due_on AS "dueOn", provisional, met_at AS "metAt",
            extension_reason AS "extensionReason"
       FROM complaint_deadlines WHERE complaint_id = $1 ORDER BY started_on, due_on`,
    [complaintId],
  );
}

export async function insertEvent(
  tx: Queryable,
  e: {
    complaintId: number;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note?: string | null;
    data?: unknown;
    actorId: number | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO complaint_events (complaint_id, action, from_status, to_status, note, data, actor_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.complaintId, e.action, e.fromStatus, e.toStatus, e.note ?? null, JSON.stringify(e.data ?? {}), e.actorId],
  );
}

export async function eventsOf(db: Queryable, complaintId: number) {
  return db.query<{
    id: number;
    action: string;
    fromStatus: string | null;
    toStatus: string | null;
    note: string | null;
    data: unknown;
    actorName: string | null;
    at: string;
  }>(
    `SELECT ev.id, ev.action, ev.from_status AS "fromStatus", ev.to_status AS "toStatus", ev.note, ev.data,
            u.display_name AS "actorName", ev.at
       FROM complaint_events ev LEFT JOIN users u ON u.id = ev.actor_id WHERE ev.complaint_id = $1 ORDER BY ev.id`,
    [complaintId],
  );
}

const baseColumns = `c.id, c.tracking_code AS "trackingCode", c.kind, c.channel, c.status, c.received_on AS "receivedOn",
  c.station_id AS "stationId", o.name AS "stationName", o.path AS "stationPath", c.handler_id AS "handlerId",
  c.person_name AS "personName", c.person_phone AS "personPhone", c.business_name AS "businessName",
  c.entity_id AS "entityId", c.category_code AS "categoryCode", c.escalation_level AS "escalationLevel",
  (SELECT min(d.due_on) FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL) AS "nextDueOn"`;

export interface ComplaintRow {
  id: number;
  trackingCode: string;
  kind: ComplaintKind;
  channel: string;
  status: ComplaintStatus;
  receivedOn: string;
  stationId: number;
  stationName: string;
  stationPath: string;
  handlerId: number | null;
  personName: string;
  personPhone: string;
  businessName: string | null;
  entityId: number | null;
  categoryCode: string | null;
  escalationLevel: number;
  nextDueOn: string | null;
}

export type ComplaintRecord = ComplaintRow & {
  ruleSetCode: string;
  personIdMasked: string | null;
  confidential: boolean;
  businessAddress: string | null;
  regionCode: string | null;
  amountFen: number | null;
  description: string;
  linkedId: number | null;
  groundCode: string | null;
  transferredTo: string | null;
  resultText: string | null;
  recoveredFen: number;
  feedbackChannel: string | null;
  feedbackText: string | null;
  satisfaction: number | null;
  caseLeadRef: string | null;
  createdBy: number | null;
  version: number;
};

const detailColumns = `${baseColumns}, c.rule_set_code AS "ruleSetCode", c.person_id_masked AS "personIdMasked",
  c.confidential, c.business_address AS "businessAddress", c.region_code AS "regionCode", c.amount_fen AS "amountFen",
  c.description, c.linked_id AS "linkedId", c.ground_code AS "groundCode", c.transferred_to AS "transferredTo",
  c.result_text AS "resultText", c.recovered_fen AS "recoveredFen", c.feedback_channel AS "feedbackChannel",
  c.feedback_text AS "feedbackText", c.satisfaction, c.case_lead_ref AS "caseLeadRef", c.created_by AS "createdBy", c.version`;

export async function findComplaint(db: Queryable, id: number): Promise<ComplaintRecord | undefined> {
  const [row] = await db.query<ComplaintRecord>(
    `SELECT ${detailColumns} FROM complaints c JOIN org_units o ON o.id = c.station_id WHERE c.id = $1`,
    [id],
  );
  return row;
}

export async function findComplaintBy(db: Queryable, column: 'tracking_code' | 'idempotency_key', value: string) {
  const [row] = await db.query<ComplaintRecord>(
    `SELECT ${detailColumns} FROM complaints c JOIN org_units o ON o.id = c.station_id WHERE c.${column} = $1`,
    [value],
  );
  return row;
}

export async function listComplaints(db: Queryable, w: Where, limit: number): Promise<ComplaintRow[]> {
  const lim = w.param(limit);
  return db.query<ComplaintRow>(
    `SELECT ${baseColumns} FROM complaints c JOIN org_units o ON o.id = c.station_id ${w} ORDER BY c.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/** Column updates guarded by the version; returns false when stale. */
export async function updateComplaint(
  tx: Queryable,
  id: number,
  version: number,
  set: Record<string, unknown>,
): Promise<boolean> {
  const cols = Object.keys(set);
  const assignments = cols.map((c, i) => `${c} = $${i + 3}`);
  const rows = await tx.query(
    `UPDATE complaints SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, ...cols.map((c) => set[c])],
  );
  return rows.length === 1;
}

/** Items with an open clock past due and not yet escalated at this level (for the 督办 sweep). */
export async function overdueForEscalation(db: Queryable, today: string, limit: number) {
  return db.query<{ id: number; stationId: number; escalationLevel: number; step: string; dueOn: string }>(
    `SELECT c.id, c.station_id AS "stationId", c.escalation_level AS "escalationLevel", d.step, d.due_on AS "dueOn"
       FROM complaint_deadlines d JOIN complaints c ON c.id = d.complaint_id
      WHERE d.met_at IS NULL AND d.due_on < $1 AND c.escalation_level = 0
      ORDER BY d.due_on, c.id LIMIT $2`,
    [today, limit],
  );
}

export async function stationChiefs(db: Queryable, stationId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
      WHERE u.unit_id = $1 AND u.active AND r.code = 'station_chief' ORDER BY u.id`,
    [stationId],
  );
  return rows.map((r) => r.id);
}

/** Station by township name in an address, e.g. "里水" in "南海区里水镇…" → 里水市场监管所. */
export async function stationsWithNames(db: Queryable): Promise<{ id: number; name: string; regionCodes: string[] }[]> {
  return db.query(
    `SELECT id, name, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' AND active ORDER BY id`,
  );
}

/** Where an item can be transferred to: the stations and the 12315 centre. */
export async function handlingUnits(db: Queryable): Promise<{ id: number; name: string; kind: string }[]> {
  return db.query(
    `SELECT id, name, kind FROM org_units WHERE kind IN ('station', 'centre') AND active ORDER BY kind, sort_order, id`,
  );
}

export async function intakeUnit(db: Queryable): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>(
    `SELECT id FROM org_units WHERE kind = 'centre' AND active ORDER BY id LIMIT 1`,
  );
  return row?.id;
}

export async function listCategories(db: Queryable) {
  return db.query<{ code: string; name: string; parentCode: string | null }>(
    `SELECT code, name, parent_code AS "parentCode" FROM complaint_categories WHERE active ORDER BY parent_code NULLS FIRST, sort_order`,
  );
}
