import type { Queryable } from '../../../db/client.ts';
import type { Where } from '../../../db/sql.ts';
import { openCaseStatuses } from '../../../domain/case-workflow.ts';
import type { PenaltyRow } from './cases.ts';

export interface CaseListRow {
  id: number;
  caseNo: string | null;
  procedure: 'general' | 'summary';
  status: string;
  pendingAction: string | null;
  partyKind: 'organisation' | 'person';
  partyName: string;
  partyUscc: string | null;
  title: string;
  stationId: number;
  stationName: string;
  filedOn: string | null;
  decidedOn: string | null;
  closedOn: string | null;
  isMajor: boolean;
  decisionKind: string | null;
  fineDueFen: number;
  decisionDueOn: string | null;
  summaryFilingDueOn: string | null;
  summaryFiledOn: string | null;
  /** Start of the open pause of the decision clock, if any. */
  pausedSince: string | null;
  createdAt: string;
  /** 承办人, the lead officer first. */
  officers: CaseListOfficer[];
}

export interface CaseListOfficer {
  userId: number;
  name: string;
  leadOfficer: boolean;
}

export interface CaseListFilter {
  statuses?: string[];
  stationId?: number;
  /** Party is this registered entity (cases_entity_idx). */
  entityId?: number;
  officerId?: number;
  overdueOn?: string;
  /** 简易程序备案 not recorded and due before this day. */
  filingOverdueOn?: string;
  exact?: string;
  tsquery?: string | null;
  like?: string;
  beforeId?: number;
}

/**
 * One page of cases in `scope` (alias c), newest first (keyset on id). The filters each have an index: status
 * (cases_status_idx), station (cases_station_idx), entity (cases_entity_idx), officer (case_officers_user_idx), overdue
 * (cases_open_status_due_idx), party name (cases_party_bigrams_idx), number or USCC (unique/btree).
 */
export async function listCases(q: Queryable, scope: Where, f: CaseListFilter, limit: number) {
  const w = scope
    .addIf(f.statuses?.length ? f.statuses : undefined, 'c.status = ANY(?::text[])')
    .addIf(f.stationId, 'c.station_id = ?')
    .addIf(f.entityId, 'c.entity_id = ?')
    .addIf(f.officerId, 'c.id IN (SELECT o.case_id FROM case_officers o WHERE o.user_id = ?)')
    .addIf(f.beforeId, 'c.id < ?');
  if (f.overdueOn)
    w.add(
      `c.decided_on IS NULL AND c.status = ANY(?::text[]) AND c.decision_due_on < ?::date
       AND NOT EXISTS (SELECT 1 FROM case_clock_pauses p WHERE p.case_id = c.id AND p.ended_on IS NULL)`,
      [...openCaseStatuses],
      f.overdueOn,
    );
  w.addIf(f.filingOverdueOn, unfiledSummary('c.summary_filing_due_on < ?::date'));
  if (f.exact !== undefined) {
    if (f.tsquery)
      w.add(
        '(c.case_no = ? OR c.decision_no = ? OR c.party_uscc = ? OR (c.party_bigrams @@ ?::tsquery AND c.party_name LIKE ?))',
        f.exact,
        f.exact,
        f.exact,
        f.tsquery,
        f.like,
      );
    else
      w.add(
        '(c.case_no = ? OR c.decision_no = ? OR c.party_uscc = ? OR c.party_name = ?)',
        f.exact,
        f.exact,
        f.exact,
        f.exact,
      );
  }
  const lim = w.param(limit);
  const rows = await q.query<Omit<CaseListRow, 'officers'>>(
    `SELECT c.id, c.case_no AS "caseNo", c.procedure, c.status, c.pending_action AS "pendingAction",
            c.party_kind AS "partyKind", c.party_name AS "partyName", c.party_uscc AS "partyUscc", c.title,
            c.station_id AS "stationId", u.name AS "stationName", c.filed_on AS "filedOn", c.decided_on AS "decidedOn",
            c.closed_on AS "closedOn", c.is_major AS "isMajor", c.decision_kind AS "decisionKind",
            c.fine_due_fen AS "fineDueFen", c.decision_due_on AS "decisionDueOn",
            c.summary_filing_due_on AS "summaryFilingDueOn", c.summary_filed_on AS "summaryFiledOn",
            (SELECT p.started_on FROM case_clock_pauses p WHERE p.case_id = c.id AND p.ended_on IS NULL) AS "pausedSince",
            c.created_at AS "createdAt"
       FROM cases c JOIN org_units u ON u.id = c.station_id
       ${w} ORDER BY c.id DESC LIMIT ${lim}`,
    w.params,
  );
  const officers = await officersOfCases(
    q,
    rows.map((r) => r.id),
  );
  return rows.map((r): CaseListRow => ({ ...r, officers: officers.get(r.id) ?? [] }));
}

/**
 * The officers of one page of cases in one query (the primary key case_officers (case_id, user_id) serves
 * `case_id = ANY`), kept apart from the page query so its plan stays a backward scan of the keyset index.
 */
export async function officersOfCases(q: Queryable, caseIds: number[]): Promise<Map<number, CaseListOfficer[]>> {
  const byCase = new Map<number, CaseListOfficer[]>();
  if (caseIds.length === 0) return byCase;
  const rows = await q.query<CaseListOfficer & { caseId: number }>(
    `SELECT o.case_id AS "caseId", o.user_id AS "userId", u.display_name AS name, o.lead_officer AS "leadOfficer"
       FROM case_officers o JOIN users u ON u.id = o.user_id
      WHERE o.case_id = ANY($1::bigint[])
      ORDER BY o.case_id, o.lead_officer DESC, o.assigned_at, o.user_id`,
    [caseIds],
  );
  for (const { caseId, ...o } of rows) {
    const list = byCase.get(caseId);
    if (list) list.push(o);
    else byCase.set(caseId, [o]);
  }
  return byCase;
}

/** Summary decisions not yet filed (备案): the partial index cases_summary_filing_idx covers exactly these. */
const unfiledSummary = (extra: string) =>
  `c.procedure = 'summary' AND c.summary_filed_on IS NULL AND c.status <> 'annulled' AND ${extra}`;

/** 简易程序备案 outstanding in `scope` (alias c): all unfiled, and those past their due day. */
export async function summaryFilingCounts(q: Queryable, scope: Where, today: string) {
  const w = scope.add(unfiledSummary('c.summary_filing_due_on IS NOT NULL'));
  const on = w.param(today);
  const [row] = await q.query<{ unfiled: number | string; overdue: number | string }>(
    `SELECT count(*) AS unfiled, count(*) FILTER (WHERE c.summary_filing_due_on < ${on}::date) AS overdue
       FROM cases c ${w}`,
    w.params,
  );
  return { unfiled: Number(row?.unfiled ?? 0), overdue: Number(row?.overdue ?? 0) };
}

export async function officersOf(q: Queryable, caseId: number) {
  return q.query<{ userId: number; name: string; credentialNo: string; leadOfficer: boolean }>(
    `SELECT o.user_id AS "userId", u.display_name AS name, o.credential_no AS "credentialNo",
            o.lead_officer AS "leadOfficer"
       FROM case_officers o JOIN users u ON u.id = o.user_id WHERE o.case_id = $1
      ORDER BY o.lead_officer DESC, o.assigned_at, o.user_id`,
    [caseId],
  );
}

export async function violationsOf(q: Queryable, caseId: number) {
  return q.query<{ id: number; code: string; name: string; legalBasis: string; penaltyBasis: string }>(
    `SELECT t.id, t.code, t.name, t.legal_basis AS "legalBasis", t.penalty_basis AS "penaltyBasis"
       FROM case_violations v JOIN case_violation_types t ON t.id = v.violation_type_id
      WHERE v.case_id = $1 ORDER BY t.sort_order, t.id`,
    [caseId],
  );
}

export async function stepsOf(q: Queryable, caseId: number) {
  return q.query<{
    id: number;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorId: number | null;
    actorName: string | null;
    at: string;
    note: string | null;
    documentId: number | null;
    data: Record<string, unknown>;
  }>(
    `SELECT s.id, s.action, s.from_status AS "fromStatus", s.to_status AS "toStatus", s.actor_id AS "actorId",
            u.display_name AS "actorName", s.at, s.note, s.document_id AS "documentId", s.data
       FROM case_steps s LEFT JOIN users u ON u.id = s.actor_id WHERE s.case_id = $1 ORDER BY s.id`,
    [caseId],
  );
}

export type { PenaltyRow };
