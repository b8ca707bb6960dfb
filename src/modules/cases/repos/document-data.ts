import type { Queryable } from '../../../db/client.ts';

/**
 * What a case document is filled with from the case itself, read inside the issuing transaction so the document
 * shows the case as it was when the number was taken. Personal ID numbers are never read here: a caller that
 * prints one passes it masked.
 */
export interface CaseDocumentSnapshot {
  caseNo: string | null;
  title: string;
  procedure: string;
  party: { kind: string; name: string; uscc: string | null; address: string | null };
  facts: string | null;
  actOn: string | null;
  filedOn: string | null;
  station: string;
  officers: { name: string; credentialNo: string }[];
  violations: { name: string; legalBasis: string; penaltyBasis: string }[];
  penalties: { kind: string; amountFen: number; discretion: string; discretionBasis: string | null }[];
  hearingRight: boolean;
  decisionNo: string | null;
  decidedOn: string | null;
  paymentDueOn: string | null;
  fineDueFen: number;
  paidFen: number;
  caseValueFen: number;
  goodsValueFen: number;
}

export async function caseDocumentSnapshot(q: Queryable, caseId: number): Promise<CaseDocumentSnapshot | undefined> {
  const [row] = await q.query<CaseDocumentSnapshot>(
    `SELECT c.case_no AS "caseNo", c.title, c.procedure,
            json_build_object('kind', c.party_kind, 'name', c.party_name, 'uscc', c.party_uscc,
                              'address', c.party_address) AS party,
            c.facts, c.act_on AS "actOn", c.filed_on AS "filedOn", s.name AS station,
            COALESCE((SELECT json_agg(json_build_object('name', u.display_name, 'credentialNo', o.credential_no)
                               ORDER BY o.lead_officer DESC, o.assigned_at, o.user_id)
                        FROM case_officers o JOIN users u ON u.id = o.user_id WHERE o.case_id = c.id), '[]') AS officers,
            COALESCE((SELECT json_agg(json_build_object('name', t.name, 'legalBasis', t.legal_basis,
                                                        'penaltyBasis', t.penalty_basis) ORDER BY t.sort_order, t.id)
                        FROM case_violations v JOIN case_violation_types t ON t.id = v.violation_type_id
                       WHERE v.case_id = c.id), '[]') AS violations,
            COALESCE((SELECT json_agg(json_build_object('kind', p.kind, 'amountFen', p.amount_fen,
                                                        'discretion', p.discretion,
                                                        'discretionBasis', p.discretion_basis) ORDER BY p.id)
                        FROM case_penalties p WHERE p.case_id = c.id), '[]') AS penalties,
            c.hearing_right AS "hearingRight", c.decision_no AS "decisionNo", c.decided_on AS "decidedOn",
            c.payment_due_on AS "paymentDueOn", c.fine_due_fen AS "fineDueFen", c.paid_fen AS "paidFen",
            c.case_value_fen AS "caseValueFen", c.goods_value_fen AS "goodsValueFen"
       FROM cases c JOIN org_units s ON s.id = c.station_id
      WHERE c.id = $1`,
    [caseId],
  );
  if (!row) return undefined;
  // json_build_object turns bigint into a JSON number already; dates stay 'YYYY-MM-DD' strings.
  return row;
}

export interface LeadDocumentSnapshot {
  sourceType: string;
  summary: string;
  receivedOn: string;
  station: string;
  party: { name: string | null; uscc: string | null; address: string | null };
  outcomeGround: string | null;
  outcomeNote: string | null;
  transferredTo: string | null;
}

export async function leadDocumentSnapshot(q: Queryable, leadId: number): Promise<LeadDocumentSnapshot | undefined> {
  const [row] = await q.query<LeadDocumentSnapshot>(
    `SELECT l.source_type AS "sourceType", l.summary, l.received_on AS "receivedOn", s.name AS station,
            json_build_object('name', e.name, 'uscc', e.uscc, 'address', e.address) AS party,
            l.outcome_ground AS "outcomeGround", l.outcome_note AS "outcomeNote", l.transferred_to AS "transferredTo"
       FROM case_leads l JOIN org_units s ON s.id = l.station_id LEFT JOIN entities e ON e.id = l.entity_id
      WHERE l.id = $1`,
    [leadId],
  );
  return row;
}
