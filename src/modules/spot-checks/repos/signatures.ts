import type { Queryable } from '../../../db/client.ts';

export interface SignatureRecord {
  id: number;
  signerKind: 'entity' | 'inspector';
  inspectorId: number | null;
  signerName: string;
  fileId: number;
  signedAt: string;
}

const signatureColumns = `id, signer_kind AS "signerKind", inspector_id AS "inspectorId", signer_name AS "signerName",
  file_id AS "fileId", signed_at AS "signedAt"`;

export async function signaturesOf(q: Queryable, visitId: number): Promise<SignatureRecord[]> {
  return q.query<SignatureRecord>(
    `SELECT ${signatureColumns} FROM spot_check_visit_signatures WHERE visit_id = $1 ORDER BY inspector_id NULLS FIRST`,
    [visitId],
  );
}

/**
 * Records one signer's signature, replacing their earlier one (the unique signer index); returns the file id of
 * the replaced signature, which the caller deletes.
 */
export async function saveSignature(
  q: Queryable,
  s: { visitId: number; inspectorId: number | null; signerName: string; fileId: number; signedBy: number },
): Promise<{ id: number; replacedFileId: number | null }> {
  const [old] = await q.query<{ fileId: number }>(
    `DELETE FROM spot_check_visit_signatures WHERE visit_id = $1 AND coalesce(inspector_id, 0) = coalesce($2::bigint, 0)
     RETURNING file_id AS "fileId"`,
    [s.visitId, s.inspectorId],
  );
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_visit_signatures (visit_id, signer_kind, inspector_id, signer_name, file_id, signed_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [s.visitId, s.inspectorId === null ? 'entity' : 'inspector', s.inspectorId, s.signerName, s.fileId, s.signedBy],
  );
  return { id: row!.id, replacedFileId: old?.fileId ?? null };
}

/** Deletes every signature of a visit; returns their file ids (to delete) and who had signed (for the audit). */
export async function clearSignatures(
  q: Queryable,
  visitId: number,
): Promise<{ fileId: number; signerName: string }[]> {
  return q.query<{ fileId: number; signerName: string }>(
    `DELETE FROM spot_check_visit_signatures WHERE visit_id = $1
     RETURNING file_id AS "fileId", signer_name AS "signerName"`,
    [visitId],
  );
}

/** The inspectors of a visit with their 执法证 numbers (from their linked accounts), for the printed record. */
export async function inspectorCredentials(
  q: Queryable,
  inspectorIds: readonly number[],
): Promise<{ id: number; credentialNo: string | null }[]> {
  return q.query<{ id: number; credentialNo: string | null }>(
    `SELECT i.id, u.enforcement_credential_no AS "credentialNo"
       FROM spot_check_inspectors i LEFT JOIN users u ON u.id = i.user_id
      WHERE i.id = ANY($1::bigint[])`,
    [inspectorIds],
  );
}

/** The entity facts the record prints: registered address and legal representative. */
export async function entityFacts(
  q: Queryable,
  entityId: number,
): Promise<{ address: string | null; legalRepName: string | null; type: string } | undefined> {
  const [row] = await q.query<{ address: string | null; legalRepName: string | null; type: string }>(
    `SELECT address, legal_rep_name AS "legalRepName", type FROM entities WHERE id = $1`,
    [entityId],
  );
  return row;
}

/** The bureau above a station (the authority a record is printed under). */
export async function bureauNameOf(q: Queryable, unitId: number): Promise<string | undefined> {
  const [row] = await q.query<{ name: string }>(
    `SELECT b.name FROM org_units u JOIN org_units b ON u.path LIKE b.path || '%'
      WHERE u.id = $1 ORDER BY (b.kind = 'bureau') DESC, length(b.path) DESC LIMIT 1`,
    [unitId],
  );
  return row?.name;
}
