import type { Queryable } from '../../../db/client.ts';
import type { Where } from '../../../db/sql.ts';
import type { LeadStatus } from '../../../domain/case-workflow.ts';
import type { ClockPause } from '../../../domain/lead-clock.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';

/** 案件线索 (case_leads, alias l) and the pauses of their verification clock (case_clock_pauses with lead_id). */
export interface NewLead {
  sourceType: string;
  sourceRef: string;
  entityId: number | null;
  stationId: number;
  summary: string;
  receivedOn: string;
  verifyDueOn: string | null;
  assignedTo?: number | null;
  createdBy: number | null;
}

/**
 * Inserts a lead, or refreshes the summary of the one already recorded for this source (another module may
 * report the same source twice); returns its id and whether it is new.
 */
export async function upsertLead(tx: Queryable, lead: NewLead): Promise<{ id: number; created: boolean }> {
  const [row] = await tx.query<{ id: number; created: boolean }>(
    `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, received_on, verify_due_on,
       assigned_to, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (source_type, source_ref) DO UPDATE SET summary = EXCLUDED.summary
     RETURNING id, (xmax = 0) AS created`,
    [
      lead.sourceType,
      lead.sourceRef,
      lead.entityId,
      lead.stationId,
      lead.summary,
      lead.receivedOn,
      lead.verifyDueOn,
      lead.assignedTo ?? null,
      lead.createdBy,
    ],
  );
  return { id: Number(row!.id), created: row!.created };
}

/** Inserts a lead registered through the API; a second lead for the same source is a unique violation. */
export async function insertLead(tx: Queryable, lead: NewLead): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, received_on, verify_due_on,
       assigned_to, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      lead.sourceType,
      lead.sourceRef,
      lead.entityId,
      lead.stationId,
      lead.summary,
      lead.receivedOn,
      lead.verifyDueOn,
      lead.assignedTo ?? null,
      lead.createdBy,
    ],
  );
  return Number(row!.id);
}

export interface LeadRow {
  id: number;
  sourceType: string;
  sourceRef: string;
  entityId: number | null;
  entityName: string | null;
  stationId: number;
  stationName: string;
  summary: string;
  status: LeadStatus;
  receivedOn: string;
  verifyDueOn: string | null;
  extended: boolean;
  extensionReason: string | null;
  assignedTo: number | null;
  assignedName: string | null;
  outcomeGround: string | null;
  outcomeNote: string | null;
  transferredTo: string | null;
  decidedOn: string | null;
  caseId: number | null;
  createdBy: number | null;
  createdAt: string;
  version: number;
}

const columns = `l.id, l.source_type AS "sourceType", l.source_ref AS "sourceRef", l.entity_id AS "entityId",
  e.name AS "entityName", l.station_id AS "stationId", o.name AS "stationName", l.summary, l.status,
  l.received_on AS "receivedOn", l.verify_due_on AS "verifyDueOn", l.extended, l.extension_reason AS "extensionReason",
  l.assigned_to AS "assignedTo", au.display_name AS "assignedName", l.outcome_ground AS "outcomeGround",
  l.outcome_note AS "outcomeNote", l.transferred_to AS "transferredTo", l.decided_on AS "decidedOn",
  l.case_id AS "caseId", l.created_by AS "createdBy", l.created_at AS "createdAt", l.version`;
const from = `case_leads l JOIN org_units o ON o.id = l.station_id LEFT JOIN entities e ON e.id = l.entity_id
  LEFT JOIN users au ON au.id = l.assigned_to`;

export async function findLead(q: Queryable, id: number): Promise<LeadRow | undefined> {
  const [row] = await q.query<LeadRow>(`SELECT ${columns} FROM ${from} WHERE l.id = $1`, [id]);
  return row;
}

export interface LeadFilter {
  status?: string;
  stationId?: number;
  sourceType?: string;
  /** Verifying, not paused, with the stored due date before this day. */
  overdueOn?: string;
  mine?: number;
  beforeId?: number;
}

/** `w` holds the caller's reach (platform/access.ts); newest first, keyset on id. */
export async function listLeads(q: Queryable, w: Where, f: LeadFilter, limit: number): Promise<LeadRow[]> {
  w.addIf(f.status, 'l.status = ?')
    .addIf(f.stationId, 'l.station_id = ?')
    .addIf(f.sourceType, 'l.source_type = ?')
    .addIf(f.beforeId, 'l.id < ?');
  if (f.mine !== undefined) w.add('(l.created_by = ? OR l.assigned_to = ?)', f.mine, f.mine);
  if (f.overdueOn)
    w.add(
      `l.status = 'verifying' AND l.verify_due_on < ?
       AND NOT EXISTS (SELECT 1 FROM case_clock_pauses p WHERE p.lead_id = l.id AND p.ended_on IS NULL)`,
      f.overdueOn,
    );
  const lim = w.param(limit);
  return q.query<LeadRow>(`SELECT ${columns} FROM ${from} ${w} ORDER BY l.id DESC LIMIT ${lim}`, w.params);
}

export const updateLead = (
  tx: Queryable,
  key: { id: number; version: number },
  set: Readonly<Record<string, unknown>>,
) => updateVersioned(tx, 'case_leads', key, set);

export interface PauseRow extends ClockPause {
  id: number;
  leadId: number;
  reason: 'testing' | 'identification';
  note: string | null;
}

export async function pausesOf(q: Queryable, leadIds: readonly number[]): Promise<PauseRow[]> {
  if (leadIds.length === 0) return [];
  return q.query<PauseRow>(
    `SELECT id, lead_id AS "leadId", reason, note, started_on AS "startedOn", ended_on AS "endedOn"
       FROM case_clock_pauses WHERE lead_id = ANY($1::bigint[]) ORDER BY started_on, id`,
    [leadIds],
  );
}

export async function insertLeadPause(
  tx: Queryable,
  p: { leadId: number; reason: string; note: string | null; startedOn: string; createdBy: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_clock_pauses (lead_id, reason, note, started_on, created_by) VALUES ($1, $2, $3, $4, $5)`,
    [p.leadId, p.reason, p.note, p.startedOn, p.createdBy],
  );
}

/** Ends the open pause; false when there is none (or it began after `endedOn`). */
export async function endLeadPause(tx: Queryable, leadId: number, endedOn: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE case_clock_pauses SET ended_on = $2
      WHERE lead_id = $1 AND ended_on IS NULL AND started_on <= $2 RETURNING id`,
    [leadId, endedOn],
  );
  return rows.length === 1;
}

/** What makes a case reachable for the caller (the merge target must be readable). */
export interface CaseReachRow {
  id: number;
  stationId: number;
  createdBy: number | null;
  isOfficer: boolean;
  status: string;
  caseNo: string | null;
  title: string;
}

export async function findCaseReach(q: Queryable, caseId: number, userId: number): Promise<CaseReachRow | undefined> {
  const [row] = await q.query<CaseReachRow>(
    `SELECT c.id, c.station_id AS "stationId", c.created_by AS "createdBy", c.status, c.case_no AS "caseNo", c.title,
            EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.user_id = $2) AS "isOfficer"
       FROM cases c WHERE c.id = $1`,
    [caseId, userId],
  );
  return row;
}

export interface CaseLeadLink {
  leadId: number | null;
  caseNo: string | null;
  title: string;
  decisionKind: string | null;
  decisionNo: string | null;
}

/** The lead a case was proposed from, and what the reporter is told (case number, decision). */
export async function caseLeadLink(q: Queryable, caseId: number): Promise<CaseLeadLink | undefined> {
  const [row] = await q.query<CaseLeadLink>(
    `SELECT lead_id AS "leadId", case_no AS "caseNo", title, decision_kind AS "decisionKind",
            decision_no AS "decisionNo" FROM cases WHERE id = $1`,
    [caseId],
  );
  return row;
}

/** Whether the unit exists, and its kind (a lead's 管辖 is a unit). */
export async function unitKindOf(q: Queryable, unitId: number): Promise<string | undefined> {
  const [row] = await q.query<{ kind: string }>('SELECT kind FROM org_units WHERE id = $1', [unitId]);
  return row?.kind;
}

/** The numbered documents issued on a lead (不予立案审批表). */
export async function documentsOfLead(
  q: Queryable,
  leadId: number,
): Promise<{ id: number; kind: string; docNo: string; createdAt: string }[]> {
  return q.query(
    `SELECT id, kind, doc_no AS "docNo", created_at AS "createdAt" FROM case_documents WHERE lead_id = $1 ORDER BY id`,
    [leadId],
  );
}

export async function activeUserExists(q: Queryable, userId: number): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM users WHERE id = $1 AND active', [userId]);
  return rows.length === 1;
}
