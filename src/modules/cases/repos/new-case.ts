import type { Queryable } from '../../../db/client.ts';

/**
 * A new case with its officers (承办人) and violated provisions (cases, case_officers, case_violations): the one
 * insert the general procedure's 提请立案 (a draft) and the summary procedure's on-the-spot decision both use,
 * with the lookups both check their input against.
 */
export interface OfficerCandidate {
  id: number;
  displayName: string;
  active: boolean;
  credentialNo: string | null;
  credentialExpiresOn: string | null;
}

export async function officerCandidates(q: Queryable, userIds: readonly number[]): Promise<OfficerCandidate[]> {
  return q.query<OfficerCandidate>(
    `SELECT id, display_name AS "displayName", active, enforcement_credential_no AS "credentialNo",
            enforcement_credential_expires_on AS "credentialExpiresOn"
       FROM users WHERE id = ANY($1::bigint[])`,
    [userIds],
  );
}

export interface ViolationBrief {
  id: number;
  area: string;
  name: string;
  involvesSafety: boolean;
  active: boolean;
}

export async function violationTypesByIds(q: Queryable, ids: readonly number[]): Promise<ViolationBrief[]> {
  return q.query<ViolationBrief>(
    `SELECT id, area, name, involves_safety AS "involvesSafety", active FROM case_violation_types
      WHERE id = ANY($1::bigint[])`,
    [ids],
  );
}

export interface NewCaseParty {
  kind: 'organisation' | 'person';
  name: string;
  uscc: string | null;
  /** The ID number, already encrypted (platform/pii.ts). */
  idNoEnc: string | null;
  address: string | null;
}

/** 简易程序: decided and served on the spot when inserted. */
export interface SummaryDecisionColumns {
  decidedOn: string;
  paymentDueOn: string | null;
  fineDueFen: number;
  summaryFilingDueOn: string;
}

export interface NewCase {
  leadId?: number | null;
  entityId: number | null;
  party: NewCaseParty;
  stationId: number;
  departmentId?: number | null;
  title: string;
  facts: string | null;
  actOn: string;
  limitationExpiresOn?: string | null;
  caseValueFen?: number;
  goodsValueFen?: number;
  createdBy: number;
  /** Absent: a general-procedure draft (status 'draft'); present: a summary case, status 'served'. */
  summary?: SummaryDecisionColumns;
  /** In order; `lead` marks the 主办人. */
  officers: readonly { userId: number; lead: boolean; credentialNo: string }[];
  violationTypeIds: readonly number[];
}

/** Inserts the case, its officers and its violations; returns the case id. */
export async function insertCase(tx: Queryable, c: NewCase): Promise<number> {
  const s = c.summary;
  const cols: Record<string, unknown> = {
    procedure: s ? 'summary' : 'general',
    status: s ? 'served' : 'draft',
    lead_id: c.leadId ?? null,
    entity_id: c.entityId,
    party_kind: c.party.kind,
    party_name: c.party.name,
    party_uscc: c.party.uscc,
    party_id_no_enc: c.party.idNoEnc,
    party_address: c.party.address,
    station_id: c.stationId,
    department_id: c.departmentId ?? null,
    title: c.title,
    facts: c.facts,
    act_on: c.actOn,
    limitation_expires_on: c.limitationExpiresOn ?? null,
    case_value_fen: c.caseValueFen ?? 0,
    goods_value_fen: c.goodsValueFen ?? 0,
    created_by: c.createdBy,
    ...(s && {
      decision_kind: 'penalty',
      decided_on: s.decidedOn,
      served_on: s.decidedOn,
      serve_method: 'on_the_spot',
      payment_due_on: s.paymentDueOn,
      fine_due_fen: s.fineDueFen,
      summary_filing_due_on: s.summaryFilingDueOn,
    }),
  };
  const names = Object.keys(cols);
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO cases (${names.join(', ')}) VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    names.map((n) => cols[n]),
  );
  const caseId = Number(row!.id);
  await tx.query(
    `INSERT INTO case_officers (case_id, user_id, lead_officer, credential_no)
     SELECT $1, u, l, n FROM unnest($2::bigint[], $3::boolean[], $4::text[]) AS t (u, l, n)`,
    [caseId, c.officers.map((o) => o.userId), c.officers.map((o) => o.lead), c.officers.map((o) => o.credentialNo)],
  );
  await tx.query(
    'INSERT INTO case_violations (case_id, violation_type_id) SELECT DISTINCT $1::bigint, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
    [caseId, c.violationTypeIds],
  );
  return caseId;
}

export async function caseVersion(q: Queryable, caseId: number): Promise<number> {
  const [row] = await q.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId]);
  return row?.version ?? 1;
}
