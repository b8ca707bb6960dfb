import type { TComplaintAttachment } from '../../../contracts/complaints.ts';
import type { Queryable } from '../../../db/client.ts';

/** A token is good for a day: long enough to finish a form, short enough that a leaked one soon expires. */
const TOKEN_LIFETIME = '1 day';

export async function insertPendingUpload(q: Queryable, tokenSha256: string, fileId: number): Promise<void> {
  await q.query('INSERT INTO complaint_pending_uploads (token_sha256, file_id) VALUES ($1, $2)', [tokenSha256, fileId]);
}

/** Takes the tokens' files for a submission; a token counts once (deleted here), so the caller compares counts. */
export async function claimPendingUploads(q: Queryable, tokenSha256s: readonly string[]): Promise<number[]> {
  const rows = await q.query<{ fileId: number }>(
    `DELETE FROM complaint_pending_uploads WHERE token_sha256 = ANY($1::text[])
        AND created_at > now() - interval '${TOKEN_LIFETIME}'
     RETURNING file_id AS "fileId"`,
    [tokenSha256s],
  );
  return rows.map((r) => Number(r.fileId)).sort((a, b) => a - b);
}

/**
 * Removes up to `limit` tokens older than `hours` that no submission claimed (a claim deletes its token) and returns
 * their files, leaving out any an item links to after all.
 */
export async function deleteUnclaimedUploads(q: Queryable, hours: number, limit: number): Promise<number[]> {
  const rows = await q.query<{ fileId: number }>(
    `WITH gone AS (
       DELETE FROM complaint_pending_uploads WHERE token_sha256 IN (
         SELECT token_sha256 FROM complaint_pending_uploads WHERE created_at < now() - make_interval(hours => $1)
          ORDER BY created_at LIMIT $2 FOR UPDATE SKIP LOCKED)
       RETURNING file_id)
     SELECT g.file_id AS "fileId" FROM gone g
      WHERE NOT EXISTS (SELECT 1 FROM complaint_attachments a WHERE a.file_id = g.file_id)`,
    [hours, limit],
  );
  return rows.map((r) => Number(r.fileId));
}

export async function linkAttachments(
  q: Queryable,
  complaintId: number,
  fileIds: readonly number[],
  addedBy: number | null,
): Promise<void> {
  if (fileIds.length === 0) return;
  await q.query(
    `INSERT INTO complaint_attachments (complaint_id, file_id, added_by)
     SELECT $1, f, $3 FROM unnest($2::bigint[]) AS f ON CONFLICT DO NOTHING`,
    [complaintId, fileIds, addedBy],
  );
}

export async function attachmentsOf(q: Queryable, complaintId: number): Promise<TComplaintAttachment[]> {
  return q.query<TComplaintAttachment>(
    `SELECT f.id, f.filename, f.mime_type AS "mimeType", f.size_bytes AS "sizeBytes", f.sha256, a.added_at AS "addedAt"
       FROM complaint_attachments a JOIN stored_files f ON f.id = a.file_id
      WHERE a.complaint_id = $1 ORDER BY a.added_at, f.id`,
    [complaintId],
  );
}

export async function attachmentIdsOf(q: Queryable, complaintId: number): Promise<number[]> {
  const rows = await q.query<{ fileId: number }>(
    'SELECT file_id AS "fileId" FROM complaint_attachments WHERE complaint_id = $1',
    [complaintId],
  );
  return rows.map((r) => Number(r.fileId));
}

/** One file of one item (the caller has checked the item): its id back, or undefined when the item has no such file. */
export async function findAttachment(q: Queryable, complaintId: number, fileId: number): Promise<number | undefined> {
  const [row] = await q.query<{ fileId: number }>(
    'SELECT file_id AS "fileId" FROM complaint_attachments WHERE complaint_id = $1 AND file_id = $2',
    [complaintId, fileId],
  );
  return row && Number(row.fileId);
}
