import type { Queryable } from '../../../db/client.ts';

/** 提请立案: the draft case with its officers and violated provisions (cases c, case_officers, case_violations). */
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

export interface NewCase {
  leadId: number | null;
  entityId: number | null;
  partyKind: 'organisation' | 'person';
  partyName: string;
  partyUscc: string | null;
  partyIdNoEnc: string | null;
  partyAddress: string | null;
  stationId: number;
  departmentId: number | null;
  title: string;
  facts: string | null;
  actOn: string;
  limitationExpiresOn: string;
  caseValueFen: number;
  goodsValueFen: number;
  createdBy: number;
}

export async function insertDraftCase(tx: Queryable, c: NewCase): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO cases (procedure, status, lead_id, entity_id, party_kind, party_name, party_uscc, party_id_no_enc,
       party_address, station_id, department_id, title, facts, act_on, limitation_expires_on, case_value_fen,
       goods_value_fen, created_by)
     VALUES ('general', 'draft', $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [
      c.leadId,
      c.entityId,
      c.partyKind,
      c.partyName,
      c.partyUscc,
      c.partyIdNoEnc,
      c.partyAddress,
      c.stationId,
      c.departmentId,
      c.title,
      c.facts,
      c.actOn,
      c.limitationExpiresOn,
      c.caseValueFen,
      c.goodsValueFen,
      c.createdBy,
    ],
  );
  return Number(row!.id);
}

export async function insertOfficers(
  tx: Queryable,
  caseId: number,
  officers: readonly { userId: number; lead: boolean; credentialNo: string }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO case_officers (case_id, user_id, lead_officer, credential_no)
     SELECT $1, u, l, n FROM unnest($2::bigint[], $3::boolean[], $4::text[]) AS t (u, l, n)`,
    [caseId, officers.map((o) => o.userId), officers.map((o) => o.lead), officers.map((o) => o.credentialNo)],
  );
}

export async function insertViolations(tx: Queryable, caseId: number, ids: readonly number[]): Promise<void> {
  await tx.query(
    'INSERT INTO case_violations (case_id, violation_type_id) SELECT $1, unnest($2::bigint[]) ON CONFLICT DO NOTHING',
    [caseId, ids],
  );
}

export async function insertCaseStep(
  tx: Queryable,
  s: {
    caseId: number;
    action: string;
    from: string | null;
    to: string;
    actorId: number | null;
    note?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO case_steps (case_id, action, from_status, to_status, actor_id, note, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
    [s.caseId, s.action, s.from, s.to, s.actorId, s.note ?? null, JSON.stringify(s.data ?? {})],
  );
}

export async function caseVersion(q: Queryable, caseId: number): Promise<number> {
  const [row] = await q.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId]);
  return row?.version ?? 1;
}
