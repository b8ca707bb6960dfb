import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import type { ComplaintKind, ComplaintStatus } from '../../../domain/complaint-workflow.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';
import { complaintKind } from '../access.ts';

const baseColumns = `c.id, c.tracking_code AS "trackingCode", c.kind, c.channel, c.status, c.received_on AS "receivedOn",
  c.station_id AS "stationId", o.name AS "stationName", c.handler_id AS "handlerId",
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

export interface ComplaintFilter {
  kind?: ComplaintKind;
  status?: ComplaintStatus;
  stationId?: number;
  handlerId?: number;
  /** "Mine": handled by this user (a filter, besides any handlerId). */
  handledBy?: number;
  entityId?: number;
  receivedFrom?: string;
  receivedTo?: string;
  /** Only items with an open clock due before this day. */
  overdueBefore?: string;
  /** A tracking code (exact) or a fragment of the business name. */
  q?: string;
  beforeId?: number;
}

/** The queue: items the caller may read (access.ts), newest first, keyset-paged by id. */
export async function listComplaints(
  db: Queryable,
  actor: Actor,
  f: ComplaintFilter,
  limit: number,
): Promise<ComplaintRow[]> {
  const w = readableWhere(actor, complaintKind, new Where())
    .addIf(f.kind, 'c.kind = ?')
    .addIf(f.status, 'c.status = ?')
    .addIf(f.stationId, 'c.station_id = ?')
    .addIf(f.handlerId, 'c.handler_id = ?')
    .addIf(f.handledBy, 'c.handler_id = ?')
    .addIf(f.entityId, 'c.entity_id = ?')
    .addIf(f.receivedFrom, 'c.received_on >= ?')
    .addIf(f.receivedTo, 'c.received_on <= ?')
    .addIf(f.beforeId, 'c.id < ?');
  if (f.overdueBefore)
    w.add(
      'EXISTS (SELECT 1 FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL AND d.due_on < ?)',
      f.overdueBefore,
    );
  if (f.q) w.add('(c.tracking_code = ? OR c.business_name LIKE ?)', f.q.toUpperCase(), `%${escapeLike(f.q)}%`);
  const lim = w.param(limit);
  return db.query<ComplaintRow>(
    `SELECT ${baseColumns} FROM complaints c JOIN org_units o ON o.id = c.station_id ${w} ORDER BY c.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/** Column updates guarded by the version; returns false when stale. */
export const updateComplaint = (tx: Queryable, id: number, version: number, set: Readonly<Record<string, unknown>>) =>
  updateVersioned(tx, 'complaints', { id, version }, set);

/** One escalation level up, unless another sweep got there first (then false). */
export async function escalate(tx: Queryable, id: number, fromLevel: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE complaints SET escalation_level = escalation_level + 1, escalated_at = now()
      WHERE id = $1 AND escalation_level = $2 RETURNING id`,
    [id, fromLevel],
  );
  return rows.length === 1;
}

/** The person's rating of a closed item (not a handling step: the version stays). */
export async function setSatisfaction(tx: Queryable, id: number, satisfaction: number): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE complaints SET satisfaction = $2, updated_at = now() WHERE id = $1 RETURNING id',
    [id, satisfaction],
  );
  return rows.length === 1;
}

/** Items with an open clock past due and not yet escalated at this level (for the 督办 sweep). */
export async function overdueForEscalation(db: Queryable, today: string, limit: number) {
  return db.query<{
    id: number;
    stationId: number;
    escalationLevel: number;
    step: string;
    dueOn: string;
    handlerId: number | null;
    trackingCode: string;
  }>(
    `SELECT c.id, c.station_id AS "stationId", c.escalation_level AS "escalationLevel", d.step, d.due_on AS "dueOn",
            c.handler_id AS "handlerId", c.tracking_code AS "trackingCode"
       FROM complaint_deadlines d JOIN complaints c ON c.id = d.complaint_id
      WHERE d.met_at IS NULL AND d.due_on < $1 AND c.escalation_level = 0
      ORDER BY d.due_on, c.id LIMIT $2`,
    [today, limit],
  );
}
