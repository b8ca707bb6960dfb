import type { Queryable } from '../../../db/client.ts';

export interface EvidenceRow {
  id: number;
  caseId: number;
  kind: 'inquiry' | 'site_record' | 'photo' | 'file' | 'sample' | 'other';
  title: string;
  collectedOn: string;
  collectedBy: number | null;
  collectedByName: string | null;
  note: string | null;
  sha256: string | null;
  fileId: number | null;
  filename: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  createdAt: string;
}

const evidenceSelect = `SELECT ev.id, ev.case_id AS "caseId", ev.kind, ev.title, ev.collected_on AS "collectedOn",
    ev.collected_by AS "collectedBy", u.display_name AS "collectedByName", ev.note, ev.sha256, ev.file_id AS "fileId",
    f.filename, f.mime_type AS "mimeType", f.size_bytes AS "sizeBytes", ev.created_at AS "createdAt"
  FROM case_evidence ev LEFT JOIN users u ON u.id = ev.collected_by LEFT JOIN stored_files f ON f.id = ev.file_id`;

export async function listEvidence(q: Queryable, caseId: number): Promise<EvidenceRow[]> {
  return q.query<EvidenceRow>(`${evidenceSelect} WHERE ev.case_id = $1 ORDER BY ev.id`, [caseId]);
}

export async function findEvidence(q: Queryable, caseId: number, id: number): Promise<EvidenceRow | undefined> {
  const [row] = await q.query<EvidenceRow>(`${evidenceSelect} WHERE ev.case_id = $1 AND ev.id = $2`, [caseId, id]);
  return row;
}

export async function insertEvidence(
  tx: Queryable,
  e: {
    caseId: number;
    kind: string;
    title: string;
    collectedOn: string;
    collectedBy: number;
    fileId: number | null;
    sha256: string | null;
    note: string | null;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_evidence (case_id, kind, title, collected_on, collected_by, file_id, sha256, note)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [e.caseId, e.kind, e.title, e.collectedOn, e.collectedBy, e.fileId, e.sha256, e.note],
  );
  return row!.id;
}

export async function linkUpload(tx: Queryable, u: { fileId: number; caseId: number; uploadedBy: number }) {
  await tx.query('INSERT INTO case_evidence_uploads (file_id, case_id, uploaded_by) VALUES ($1, $2, $3)', [
    u.fileId,
    u.caseId,
    u.uploadedBy,
  ]);
}

/** A file uploaded for this case, with its content hash and whether an evidence item already holds it. */
export async function findUpload(q: Queryable, caseId: number, fileId: number) {
  const [row] = await q.query<{
    fileId: number;
    sha256: string;
    mimeType: string;
    uploadedBy: number | null;
    used: boolean;
  }>(
    `SELECT u.file_id AS "fileId", f.sha256, f.mime_type AS "mimeType", u.uploaded_by AS "uploadedBy",
            EXISTS (SELECT 1 FROM case_evidence ev WHERE ev.file_id = u.file_id) AS used
       FROM case_evidence_uploads u JOIN stored_files f ON f.id = u.file_id
      WHERE u.case_id = $1 AND u.file_id = $2`,
    [caseId, fileId],
  );
  return row;
}

/** Uploads no evidence item took within `hours` (the form was abandoned): their ids, unlinked, to delete. */
export async function unlinkStaleUploads(q: Queryable, hours: number, limit: number): Promise<number[]> {
  const rows = await q.query<{ fileId: number }>(
    `DELETE FROM case_evidence_uploads WHERE file_id IN (
       SELECT u.file_id FROM case_evidence_uploads u
        WHERE u.uploaded_at < now() - make_interval(hours => $1)
          AND NOT EXISTS (SELECT 1 FROM case_evidence ev WHERE ev.file_id = u.file_id)
        ORDER BY u.file_id LIMIT $2)
     RETURNING file_id AS "fileId"`,
    [hours, limit],
  );
  return rows.map((r) => r.fileId);
}
