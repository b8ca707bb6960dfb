import type { Queryable } from '../../../db/client.ts';
import type { ApprovalStep } from '../../../domain/case-workflow.ts';

/** One approver's row of a request (case_approvals): the chain is the rows of one request_id, ordered by seq. */
export interface ApprovalRow {
  id: number;
  caseId: number | null;
  leadId: number | null;
  requestId: number;
  step: ApprovalStep;
  action: string;
  payload: Record<string, unknown>;
  seq: number;
  roleCode: string;
  requestedBy: number;
  requestedByName: string | null;
  requestedAt: string;
  dueOn: string | null;
  outcome: 'approved' | 'returned' | 'cancelled' | null;
  decidedBy: number | null;
  decidedByName: string | null;
  decidedAt: string | null;
  comment: string | null;
}

const cols = `a.id, a.case_id AS "caseId", a.lead_id AS "leadId", a.request_id AS "requestId", a.step, a.action,
  a.payload, a.seq, a.role_code AS "roleCode", a.requested_by AS "requestedBy", ru.display_name AS "requestedByName",
  a.requested_at AS "requestedAt", a.due_on AS "dueOn", a.outcome, a.decided_by AS "decidedBy",
  du.display_name AS "decidedByName", a.decided_at AS "decidedAt", a.comment`;
const from = `case_approvals a JOIN users ru ON ru.id = a.requested_by LEFT JOIN users du ON du.id = a.decided_by`;

export async function nextRequestId(tx: Queryable): Promise<number> {
  const [row] = await tx.query<{ id: number }>(`SELECT nextval('case_approval_requests') AS id`);
  return Number(row!.id);
}

export async function insertChain(
  tx: Queryable,
  r: {
    caseId: number | null;
    leadId: number | null;
    requestId: number;
    step: ApprovalStep;
    action: string;
    payload: Record<string, unknown>;
    chain: readonly string[];
    requestedBy: number;
    dueOn: string | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_approvals (case_id, lead_id, request_id, step, action, payload, seq, role_code, requested_by, due_on)
     SELECT $1, $2, $3, $4, $5, $6::jsonb, s.seq, s.role_code, $8, $9
       FROM unnest($7::text[]) WITH ORDINALITY AS s (role_code, seq)`,
    [r.caseId, r.leadId, r.requestId, r.step, r.action, JSON.stringify(r.payload), r.chain, r.requestedBy, r.dueOn],
  );
}

/** Sets the case's pending action when none is pending; false when another request is already waiting. */
export async function claimPendingAction(tx: Queryable, caseId: number, action: string): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE cases SET pending_action = $2, version = version + 1, updated_at = now()
      WHERE id = $1 AND pending_action IS NULL RETURNING id`,
    [caseId, action],
  );
  return rows.length === 1;
}

export async function clearPendingAction(tx: Queryable, caseId: number): Promise<void> {
  await tx.query(`UPDATE cases SET pending_action = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [
    caseId,
  ]);
}

/** Locks the lead while a request is made for it, so two requests do not both find none open. */
export async function lockLeadOpenRequests(tx: Queryable, leadId: number): Promise<number> {
  await tx.query('SELECT id FROM case_leads WHERE id = $1 FOR UPDATE', [leadId]);
  const [row] = await tx.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM case_approvals WHERE lead_id = $1 AND outcome IS NULL',
    [leadId],
  );
  return row?.n ?? 0;
}

export async function findApproval(q: Queryable, id: number): Promise<ApprovalRow | undefined> {
  const [row] = await q.query<ApprovalRow>(`SELECT ${cols} FROM ${from} WHERE a.id = $1`, [id]);
  return row;
}

export async function requestRows(q: Queryable, requestId: number): Promise<ApprovalRow[]> {
  return q.query<ApprovalRow>(`SELECT ${cols} FROM ${from} WHERE a.request_id = $1 ORDER BY a.seq`, [requestId]);
}

/** Records one approver's outcome if nobody decided the row first; false when someone did. */
export async function decideRow(
  tx: Queryable,
  id: number,
  d: { outcome: 'approved' | 'returned'; decidedBy: number; comment: string | null },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE case_approvals SET outcome = $2, decided_by = $3, decided_at = now(), comment = $4
      WHERE id = $1 AND outcome IS NULL RETURNING id`,
    [id, d.outcome, d.decidedBy, d.comment],
  );
  return rows.length === 1;
}

/** The rows after a returned one are not asked any more. */
export async function cancelRest(tx: Queryable, requestId: number): Promise<void> {
  await tx.query(`UPDATE case_approvals SET outcome = 'cancelled' WHERE request_id = $1 AND outcome IS NULL`, [
    requestId,
  ]);
}

export async function approvalsOfCase(q: Queryable, caseId: number): Promise<ApprovalRow[]> {
  return q.query<ApprovalRow>(`SELECT ${cols} FROM ${from} WHERE a.case_id = $1 ORDER BY a.request_id, a.seq`, [
    caseId,
  ]);
}

export async function approvalsOfLead(q: Queryable, leadId: number): Promise<ApprovalRow[]> {
  return q.query<ApprovalRow>(`SELECT ${cols} FROM ${from} WHERE a.lead_id = $1 ORDER BY a.request_id, a.seq`, [
    leadId,
  ]);
}

/** Who may be asked about a row: the case's station and creator, whether the user is an officer of it. */
export interface ApprovalSubject {
  stationId: number;
  createdBy: number | null;
  assignedTo: number | null;
  isOfficer: boolean;
  title: string;
  caseNo: string | null;
}

export async function subjectOf(
  q: Queryable,
  row: { caseId: number | null; leadId: number | null },
  userId: number,
): Promise<ApprovalSubject | undefined> {
  if (row.caseId !== null) {
    const [s] = await q.query<ApprovalSubject>(
      `SELECT c.station_id AS "stationId", c.created_by AS "createdBy", NULL::bigint AS "assignedTo", c.title,
              c.case_no AS "caseNo",
              EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.user_id = $2) AS "isOfficer"
         FROM cases c WHERE c.id = $1`,
      [row.caseId, userId],
    );
    return s;
  }
  const [s] = await q.query<ApprovalSubject>(
    `SELECT l.station_id AS "stationId", l.created_by AS "createdBy", l.assigned_to AS "assignedTo",
            l.summary AS title, NULL AS "caseNo", false AS "isOfficer"
       FROM case_leads l WHERE l.id = $1`,
    [row.leadId],
  );
  return s;
}

/** A penalty as the approver sees it: the request's proposal (告知) or else the case's recorded penalties. */
export interface ProposedPenalty {
  kind: string;
  amountFen: number;
}

/**
 * The caller's inbox: rows whose turn it is (every earlier seq approved) for one of `roleCodes`, newest first,
 * within the stations `unitIds` reaches (null: all). Own cases are left out (nobody approves their own).
 */
export async function pendingFor(
  q: Queryable,
  p: { roleCodes: string[]; unitIds: number[] | null; userId: number; limit: number },
): Promise<
  (ApprovalRow & { title: string; caseNo: string | null; stationId: number; penalties: ProposedPenalty[] })[]
> {
  return q.query(
    `SELECT ${cols}, coalesce(c.title, l.summary) AS title, c.case_no AS "caseNo",
            coalesce(c.station_id, l.station_id) AS "stationId",
            CASE WHEN jsonb_typeof(a.payload->'penalties') = 'array'
                 THEN (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', x->>'kind', 'amountFen', coalesce((x->>'amountFen')::bigint, 0))), '[]')
                         FROM jsonb_array_elements(a.payload->'penalties') x)
                 ELSE (SELECT coalesce(jsonb_agg(jsonb_build_object('kind', p.kind, 'amountFen', p.amount_fen) ORDER BY p.id), '[]')
                         FROM case_penalties p WHERE p.case_id = a.case_id) END AS penalties
       FROM ${from} LEFT JOIN cases c ON c.id = a.case_id LEFT JOIN case_leads l ON l.id = a.lead_id
      WHERE a.outcome IS NULL AND a.role_code = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM case_approvals p WHERE p.request_id = a.request_id AND p.seq < a.seq
                          AND p.outcome IS DISTINCT FROM 'approved')
        AND ($2::bigint[] IS NULL OR coalesce(c.station_id, l.station_id) = ANY($2::bigint[]))
        AND a.requested_by <> $3
        AND NOT EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = a.case_id AND o.user_id = $3)
      ORDER BY a.id DESC LIMIT $4`,
    [p.roleCodes, p.unitIds, p.userId, p.limit],
  );
}

/**
 * Who may answer the row of `roleCode` on a case or lead now (the same rules as the approving check): active users
 * holding that role and an approving permission, whose widest data scope reaches the subject's station (`all`;
 * `unit_and_below` over the station's unit path; `self` when they registered or verify it), leaving out the
 * requester and the case's officers. For the notification of the next step.
 */
export async function approversFor(
  q: Queryable,
  r: { caseId: number | null; leadId: number | null; roleCode: string; requestedBy: number },
  limit = 500,
): Promise<number[]> {
  const rows = await q.query<{ id: number }>(
    `WITH subj AS (
       SELECT coalesce(c.station_id, l.station_id) AS station_id, coalesce(c.created_by, l.created_by) AS created_by,
              l.assigned_to
         FROM (SELECT $1::bigint AS case_id, $2::bigint AS lead_id) k
         LEFT JOIN cases c ON c.id = k.case_id LEFT JOIN case_leads l ON l.id = k.lead_id),
     held AS (
       SELECT ur.user_id, bool_or(r.data_scope = 'all') AS sees_all, bool_or(r.data_scope = 'unit_and_below') AS sees_unit,
              bool_or(r.code = $3) AS has_role,
              bool_or(r.permissions && ARRAY['case:approve', 'case:legal']::text[]) AS may_approve
         FROM user_roles ur JOIN roles r ON r.id = ur.role_id
        WHERE ur.user_id IN (SELECT ur2.user_id FROM user_roles ur2 JOIN roles r2 ON r2.id = ur2.role_id WHERE r2.code = $3)
        GROUP BY ur.user_id)
     SELECT u.id FROM held h JOIN users u ON u.id = h.user_id JOIN org_units uo ON uo.id = u.unit_id
       CROSS JOIN subj JOIN org_units so ON so.id = subj.station_id
      WHERE u.active AND h.has_role AND h.may_approve AND u.id <> $4
        AND NOT EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = $1 AND o.user_id = u.id)
        AND (h.sees_all OR (h.sees_unit AND so.path LIKE uo.path || '%')
             OR (NOT h.sees_unit AND u.id IN (subj.created_by, subj.assigned_to)))
      ORDER BY u.id LIMIT $5`,
    [r.caseId, r.leadId, r.roleCode, r.requestedBy, limit],
  );
  return rows.map((x) => Number(x.id));
}

/** The case number or title, or the lead's summary, for a notification's title. */
export async function subjectTitle(q: Queryable, r: { caseId: number | null; leadId: number | null }): Promise<string> {
  const [row] = await q.query<{ t: string | null }>(
    `SELECT coalesce(c.case_no, c.title, l.summary) AS t
       FROM (SELECT $1::bigint AS case_id, $2::bigint AS lead_id) k
       LEFT JOIN cases c ON c.id = k.case_id LEFT JOIN case_leads l ON l.id = k.lead_id`,
    [r.caseId, r.leadId],
  );
  return (row?.t ?? '').slice(0, 60);
}
