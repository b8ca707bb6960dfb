import type { Queryable } from '../../../db/client.ts';
import type { Instalment, PaymentFact, PaymentKind } from '../../../domain/case-execution.ts';

/** What evidence, measures and execution need of a case: its reach (access.ts caseReach) and its money. */
export interface ExecCaseRow {
  id: number;
  caseNo: string | null;
  status: string;
  pendingAction: string | null;
  stationId: number;
  createdBy: number | null;
  isOfficer: boolean;
  version: number;
  decisionKind: 'penalty' | 'no_penalty' | 'transfer' | null;
  decidedOn: string | null;
  servedOn: string | null;
  paymentDueOn: string | null;
  fineDueFen: number;
  confiscatedFen: number;
  paidFen: number;
  paymentPlan: Instalment[] | null;
  enforcementAppliedOn: string | null;
  enforcementCourt: string | null;
}

const caseColumns = `c.id, c.case_no AS "caseNo", c.status, c.pending_action AS "pendingAction", c.station_id AS "stationId",
  c.created_by AS "createdBy", c.version, c.decision_kind AS "decisionKind", c.decided_on AS "decidedOn",
  c.served_on AS "servedOn", c.payment_due_on AS "paymentDueOn", c.fine_due_fen AS "fineDueFen",
  c.confiscated_fen AS "confiscatedFen", c.paid_fen AS "paidFen", c.payment_plan AS "paymentPlan",
  c.enforcement_applied_on AS "enforcementAppliedOn", c.enforcement_court AS "enforcementCourt"`;

/** The case as `userId` sees it (isOfficer: they are one of its 承办人); `lock` inside a transaction. */
export async function findExecCase(
  q: Queryable,
  id: number,
  userId: number,
  lock = false,
): Promise<ExecCaseRow | undefined> {
  const [row] = await q.query<ExecCaseRow>(
    `SELECT ${caseColumns},
            EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.user_id = $2) AS "isOfficer"
       FROM cases c WHERE c.id = $1${lock ? ' FOR UPDATE' : ''}`,
    [id, userId],
  );
  return row;
}

/** One row of the case's timeline. */
export async function insertCaseStep(
  tx: Queryable,
  s: {
    caseId: number;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorId: number | null;
    note?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_steps (case_id, action, from_status, to_status, actor_id, note, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
    [s.caseId, s.action, s.fromStatus, s.toStatus, s.actorId, s.note ?? null, JSON.stringify(s.data ?? {})],
  );
  return row!.id;
}

export interface PaymentRow extends PaymentFact {
  id: number;
  receiptNo: string | null;
  recordedBy: number | null;
  createdAt: string;
}

export async function listPayments(q: Queryable, caseId: number): Promise<PaymentRow[]> {
  return q.query<PaymentRow>(
    `SELECT id, kind, amount_fen AS "amountFen", paid_on AS "paidOn", receipt_no AS "receiptNo",
            recorded_by AS "recordedBy", created_at AS "createdAt"
       FROM case_payments WHERE case_id = $1 ORDER BY paid_on, id`,
    [caseId],
  );
}

export async function insertPayment(
  tx: Queryable,
  p: {
    caseId: number;
    kind: PaymentKind;
    amountFen: number;
    paidOn: string;
    receiptNo: string | null;
    recordedBy: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_payments (case_id, kind, amount_fen, paid_on, receipt_no, recorded_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [p.caseId, p.kind, p.amountFen, p.paidOn, p.receiptNo, p.recordedBy],
  );
  return row!.id;
}

/** cases.paid_fen: every payment recorded on the case (罚款, 加处罚款 and 没收款 together). */
export async function paidTotal(q: Queryable, caseId: number): Promise<number> {
  const [row] = await q.query<{ total: number }>(
    'SELECT coalesce(sum(amount_fen), 0)::bigint AS total FROM case_payments WHERE case_id = $1',
    [caseId],
  );
  return Number(row!.total);
}
