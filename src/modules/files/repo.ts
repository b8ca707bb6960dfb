import type { FilePurpose, TStoredFile } from '../../contracts/files.ts';
import type { Queryable } from '../../db/client.ts';

export interface StoredFileRow extends TStoredFile {
  ownerUnitId: number;
  createdBy: number | null;
}

const columns = `id, filename, mime_type AS "mimeType", size_bytes AS "sizeBytes", sha256, purpose,
  owner_unit_id AS "ownerUnitId", created_by AS "createdBy", created_at AS "createdAt"`;

export interface NewFile {
  sha256: string;
  data: Buffer;
  filename: string;
  mimeType: string;
  purpose: FilePurpose;
  ownerUnitId: number;
  createdBy: number | null;
}

export async function insertFile(q: Queryable, f: NewFile): Promise<StoredFileRow> {
  // Same bytes uploaded again (a double submit, one photo for two items): the blob is already there. The no-op
  // update locks it, so the unclaimed-upload cleanup cannot delete it under this new file row.
  await q.query(
    `INSERT INTO file_blobs (sha256, size_bytes, data) VALUES ($1, $2, $3)
     ON CONFLICT (sha256) DO UPDATE SET size_bytes = EXCLUDED.size_bytes`,
    [f.sha256, f.data.length, f.data],
  );
  const [row] = await q.query<StoredFileRow>(
    `INSERT INTO stored_files (sha256, filename, mime_type, size_bytes, purpose, owner_unit_id, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${columns}`,
    [f.sha256, f.filename, f.mimeType, f.data.length, f.purpose, f.ownerUnitId, f.createdBy],
  );
  return row!;
}

export async function findFile(q: Queryable, id: number): Promise<StoredFileRow | undefined> {
  const [row] = await q.query<StoredFileRow>(`SELECT ${columns} FROM stored_files WHERE id = $1`, [id]);
  return row;
}

export async function findFiles(q: Queryable, ids: readonly number[]): Promise<StoredFileRow[]> {
  if (ids.length === 0) return [];
  return q.query<StoredFileRow>(`SELECT ${columns} FROM stored_files WHERE id = ANY($1::bigint[]) ORDER BY id`, [ids]);
}

export async function readBlob(q: Queryable, sha256: string): Promise<Buffer | undefined> {
  const [row] = await q.query<{ data: Uint8Array }>(`SELECT data FROM file_blobs WHERE sha256 = $1`, [sha256]);
  return row ? Buffer.from(row.data) : undefined;
}

/**
 * Deletes file rows (the caller knows nothing links to them) and then the blobs no remaining row shares: blobs are
 * content-addressed, so the same bytes may belong to other files.
 */
export async function deleteFiles(
  q: Queryable,
  ids: readonly number[],
): Promise<{ files: number; blobs: number; bytes: number }> {
  if (ids.length === 0) return { files: 0, blobs: 0, bytes: 0 };
  const files = await q.query<{ sha256: string }>(
    'DELETE FROM stored_files WHERE id = ANY($1::bigint[]) RETURNING sha256',
    [ids],
  );
  const blobs = await q.query<{ sizeBytes: number | string }>(
    `DELETE FROM file_blobs b WHERE b.sha256 = ANY($1::text[])
        AND NOT EXISTS (SELECT 1 FROM stored_files f WHERE f.sha256 = b.sha256)
     RETURNING b.size_bytes AS "sizeBytes"`,
    [[...new Set(files.map((f) => f.sha256))]],
  );
  const bytes = blobs.reduce((sum, b) => sum + Number(b.sizeBytes), 0);
  return { files: files.length, blobs: blobs.length, bytes };
}

/** Unit of a file owner's move (a complaint transferred to another station takes its attachments along). */
export async function moveFiles(q: Queryable, ids: readonly number[], ownerUnitId: number): Promise<void> {
  if (ids.length === 0) return;
  await q.query(`UPDATE stored_files SET owner_unit_id = $2 WHERE id = ANY($1::bigint[])`, [ids, ownerUnitId]);
}
