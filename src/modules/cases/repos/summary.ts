import type { Queryable } from '../../../db/client.ts';

/** 简易程序: the case decided and served on the spot, written in one transaction with its rows. */

export interface SummaryOfficerRow {
  id: number;
  displayName: string;
  active: boolean;
  credentialNo: string | null;
  credentialExpiresOn: string | null;
}

export async function officersByIds(q: Queryable, ids: readonly number[]): Promise<SummaryOfficerRow[]> {
  return q.query<SummaryOfficerRow>(
    `SELECT id, display_name AS "displayName", active, enforcement_credential_no AS "credentialNo",
            enforcement_credential_expires_on AS "credentialExpiresOn"
       FROM users WHERE id = ANY($1::bigint[])`,
    [ids],
  );
}

export interface SummaryEntityRow {
  id: number;
  name: string;
  uscc: string;
  address: string | null;
  legalRep: string | null;
  stationId: number | null;
}

/** The party as registered (its name, USCC and station are the register's, not the form's). */
export async function entityForSummary(q: Queryable, id: number): Promise<SummaryEntityRow | undefined> {
  const [row] = await q.query<SummaryEntityRow>(
    `SELECT id, name, uscc, address, legal_rep_name AS "legalRep", station_id AS "stationId"
       FROM entities WHERE id = $1`,
    [id],
  );
  return row;
}

export interface ViolationTypeRow {
  id: number;
  name: string;
  active: boolean;
}

export async function violationTypesByIds(q: Queryable, ids: readonly number[]): Promise<ViolationTypeRow[]> {
  return q.query<ViolationTypeRow>('SELECT id, name, active FROM case_violation_types WHERE id = ANY($1::bigint[])', [
    ids,
  ]);
}

export async function unitKind(q: Queryable, id: number): Promise<string | undefined> {
  const [row] = await q.query<{ kind: string }>('SELECT kind FROM org_units WHERE id = $1 AND active', [id]);
  return row?.kind;
}

export interface NewSummaryCase {
  entityId: number | null;
  partyKind: 'organisation' | 'person';
  partyName: string;
  partyUscc: string | null;
  partyIdNoEnc: string | null;
  partyAddress: string | null;
  stationId: number;
  title: string;
  facts: string;
  actOn: string;
  decidedOn: string;
  paymentDueOn: string | null;
  fineFen: number;
  filingDueOn: string;
  createdBy: number;
  officers: readonly { userId: number; credentialNo: string }[];
  violationTypeIds: readonly number[];
  penalties: readonly { kind: string; amountFen: number }[];
}

/** The case, served on the spot (status 'served'), with its officers, violations and penalties. */
export async function insertSummaryCase(q: Queryable, c: NewSummaryCase): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO cases (procedure, status, entity_id, party_kind, party_name, party_uscc, party_id_no_enc, party_address,
                        station_id, title, facts, act_on, decision_kind, decided_on, served_on, serve_method,
                        payment_due_on, fine_due_fen, summary_filing_due_on, created_by)
     VALUES ('summary', 'served', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'penalty', $11, $11, 'on_the_spot',
             $12, $13, $14, $15)
     RETURNING id`,
    [
      c.entityId,
      c.partyKind,
      c.partyName,
      c.partyUscc,
      c.partyIdNoEnc,
      c.partyAddress,
      c.stationId,
      c.title,
      c.facts,
      c.actOn,
      c.decidedOn,
      c.paymentDueOn,
      c.fineFen,
      c.filingDueOn,
      c.createdBy,
    ],
  );
  const caseId = row!.id;
  await q.query(
    `INSERT INTO case_officers (case_id, user_id, lead_officer, credential_no)
     SELECT $1, t.user_id, t.ord = 1, t.credential_no
       FROM unnest($2::bigint[], $3::text[]) WITH ORDINALITY AS t (user_id, credential_no, ord)`,
    [caseId, c.officers.map((o) => o.userId), c.officers.map((o) => o.credentialNo)],
  );
  await q.query(
    `INSERT INTO case_violations (case_id, violation_type_id)
     SELECT DISTINCT $1::bigint, t.id FROM unnest($2::bigint[]) AS t (id)`,
    [caseId, c.violationTypeIds],
  );
  await q.query(
    `INSERT INTO case_penalties (case_id, kind, amount_fen)
     SELECT $1, t.kind, t.amount_fen FROM unnest($2::text[], $3::bigint[]) AS t (kind, amount_fen)`,
    [caseId, c.penalties.map((p) => p.kind), c.penalties.map((p) => p.amountFen)],
  );
  return caseId;
}

/** The decision number, once the document has taken it (the document needs the case to exist first). */
export async function setSummaryDecisionNo(q: Queryable, caseId: number, decisionNo: string): Promise<void> {
  await q.query(`UPDATE cases SET decision_no = $2 WHERE id = $1 AND procedure = 'summary'`, [caseId, decisionNo]);
}

export async function insertCaseStep(
  q: Queryable,
  s: {
    caseId: number;
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actorId: number;
    documentId: number | null;
    note: string | null;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO case_steps (case_id, action, from_status, to_status, actor_id, document_id, note, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [s.caseId, s.action, s.fromStatus, s.toStatus, s.actorId, s.documentId, s.note, JSON.stringify(s.data)],
  );
}
