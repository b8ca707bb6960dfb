import type { Queryable } from '../../../db/client.ts';
import type { CaseStatus } from '../../../domain/case-workflow.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';

/** A case as the workflow and the detail page read it. */
export interface CaseRow {
  id: number;
  caseNo: string | null;
  procedure: 'general' | 'summary';
  status: CaseStatus;
  pendingAction: string | null;
  leadId: number | null;
  entityId: number | null;
  partyKind: 'organisation' | 'person';
  partyName: string;
  partyUscc: string | null;
  partyAddress: string | null;
  stationId: number;
  stationName: string;
  departmentId: number | null;
  title: string;
  facts: string | null;
  actOn: string | null;
  limitationExpiresOn: string | null;
  filedOn: string | null;
  decisionDueOn: string | null;
  decisionExtensions: number;
  decisionExtraDays: number;
  isMajor: boolean;
  needsCollective: boolean;
  hearingRight: boolean;
  notifiedOn: string | null;
  statementDueOn: string | null;
  decisionKind: 'penalty' | 'no_penalty' | 'transfer' | null;
  decisionNo: string | null;
  decidedOn: string | null;
  servedOn: string | null;
  serveMethod: string | null;
  paymentDueOn: string | null;
  fineDueFen: number;
  paidFen: number;
  caseValueFen: number;
  goodsValueFen: number;
  confiscatedFen: number;
  transferredToJudiciary: boolean;
  typical: boolean;
  closedOn: string | null;
  /** 简易程序备案: due day and the day it was recorded (null for a general-procedure case). */
  summaryFilingDueOn: string | null;
  summaryFiledOn: string | null;
  createdBy: number | null;
  createdAt: string;
  version: number;
  /** Whether the reading user is a 承办人 of the case. */
  isOfficer: boolean;
}

export const caseCols = `c.id, c.case_no AS "caseNo", c.procedure, c.status, c.pending_action AS "pendingAction",
  c.lead_id AS "leadId", c.entity_id AS "entityId", c.party_kind AS "partyKind", c.party_name AS "partyName",
  c.party_uscc AS "partyUscc", c.party_address AS "partyAddress", c.station_id AS "stationId", u.name AS "stationName",
  c.department_id AS "departmentId", c.title, c.facts, c.act_on AS "actOn",
  c.limitation_expires_on AS "limitationExpiresOn", c.filed_on AS "filedOn", c.decision_due_on AS "decisionDueOn",
  c.decision_extensions AS "decisionExtensions", c.decision_extra_days AS "decisionExtraDays", c.is_major AS "isMajor",
  c.needs_collective AS "needsCollective", c.hearing_right AS "hearingRight", c.notified_on AS "notifiedOn",
  c.statement_due_on AS "statementDueOn", c.decision_kind AS "decisionKind", c.decision_no AS "decisionNo",
  c.decided_on AS "decidedOn", c.served_on AS "servedOn", c.serve_method AS "serveMethod",
  c.payment_due_on AS "paymentDueOn", c.fine_due_fen AS "fineDueFen", c.paid_fen AS "paidFen",
  c.case_value_fen AS "caseValueFen", c.goods_value_fen AS "goodsValueFen", c.confiscated_fen AS "confiscatedFen",
  c.transferred_to_judiciary AS "transferredToJudiciary", c.typical, c.closed_on AS "closedOn",
  c.summary_filing_due_on AS "summaryFilingDueOn", c.summary_filed_on AS "summaryFiledOn", c.created_by AS "createdBy", c.created_at AS "createdAt", c.version`;

/** The case with whether `userId` is one of its officers; `lock` takes the row lock for a transition. */
export async function findCase(q: Queryable, id: number, userId: number, lock = false): Promise<CaseRow | undefined> {
  if (lock) await q.query('SELECT id FROM cases WHERE id = $1 FOR UPDATE', [id]);
  const [row] = await q.query<CaseRow>(
    `SELECT ${caseCols},
            EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.user_id = $2) AS "isOfficer"
       FROM cases c JOIN org_units u ON u.id = c.station_id WHERE c.id = $1`,
    [id, userId],
  );
  return row;
}

export const updateCase = (tx: Queryable, key: { id: number; version: number }, set: Record<string, unknown>) =>
  updateVersioned(tx, 'cases', key, set);

export async function insertStep(
  tx: Queryable,
  s: {
    caseId: number;
    action: string;
    from: string | null;
    to: string;
    actorId: number | null;
    note: string | null;
    documentId: number | null;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_steps (case_id, action, from_status, to_status, actor_id, note, document_id, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
    [s.caseId, s.action, s.from, s.to, s.actorId, s.note, s.documentId, JSON.stringify(s.data)],
  );
}

export interface PenaltyRow {
  id: number;
  kind: string;
  amountFen: number;
  discretion: string;
  discretionBasis: string | null;
  note: string | null;
}

export async function penaltiesOf(q: Queryable, caseId: number): Promise<PenaltyRow[]> {
  return q.query<PenaltyRow>(
    `SELECT id, kind, amount_fen AS "amountFen", discretion, discretion_basis AS "discretionBasis", note
       FROM case_penalties WHERE case_id = $1 ORDER BY id`,
    [caseId],
  );
}

/** The proposed penalties (告知): a re-notification replaces them. */
export async function replacePenalties(
  tx: Queryable,
  caseId: number,
  items: readonly { kind: string; amountFen: number; discretion: string; discretionBasis?: string | null }[],
): Promise<void> {
  await tx.query('DELETE FROM case_penalties WHERE case_id = $1', [caseId]);
  await tx.query(
    `INSERT INTO case_penalties (case_id, kind, amount_fen, discretion, discretion_basis)
     SELECT $1, t.kind, t.amount, t.discretion, t.basis
       FROM unnest($2::text[], $3::bigint[], $4::text[], $5::text[]) AS t (kind, amount, discretion, basis)`,
    [
      caseId,
      items.map((p) => p.kind),
      items.map((p) => p.amountFen),
      items.map((p) => p.discretion),
      items.map((p) => p.discretionBasis ?? null),
    ],
  );
}

/** Whether a 陈述申辩 was recorded since the (last) notice. */
export async function statementRecorded(q: Queryable, caseId: number): Promise<boolean> {
  const [row] = await q.query<{ yes: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM case_steps s WHERE s.case_id = $1 AND s.action = 'recordStatement'
              AND s.id > coalesce((SELECT max(n.id) FROM case_steps n WHERE n.case_id = $1 AND n.action = 'notify'), 0))
            AS yes`,
    [caseId],
  );
  return row?.yes ?? false;
}
