import type { Queryable } from '../../../db/client.ts';

export interface DirectiveFileRow {
  id: number;
  filename: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedByName: string | null;
  uploadedAt: string;
}

export async function linkFile(tx: Queryable, r: { directiveId: number; fileId: number; uploadedBy: number }) {
  await tx.query('INSERT INTO equipment_directive_files (directive_id, file_id, uploaded_by) VALUES ($1, $2, $3)', [
    r.directiveId,
    r.fileId,
    r.uploadedBy,
  ]);
}

/** The order's rectification evidence files, in upload order. */
export async function filesOf(q: Queryable, directiveId: number): Promise<DirectiveFileRow[]> {
  const rows = await q.query<DirectiveFileRow>(
    `SELECT f.id, f.filename, f.mime_type AS "mimeType", f.size_bytes AS "sizeBytes", f.sha256,
            u.display_name AS "uploadedByName", df.uploaded_at::text AS "uploadedAt"
       FROM equipment_directive_files df JOIN stored_files f ON f.id = df.file_id
       LEFT JOIN users u ON u.id = df.uploaded_by
      WHERE df.directive_id = $1 ORDER BY df.uploaded_at, f.id`,
    [directiveId],
  );
  // node-postgres returns bigint as a string, PGlite as a number.
  return rows.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes) }));
}

export async function isFileOf(q: Queryable, directiveId: number, fileId: number): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM equipment_directive_files WHERE directive_id = $1 AND file_id = $2', [
    directiveId,
    fileId,
  ]);
  return rows.length > 0;
}
