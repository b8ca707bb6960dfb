import type { Queryable } from '../../../db/client.ts';

/** Stored chunk size: large enough to keep round trips few, small enough for one ordinary query. */
export const CHUNK_BYTES = 1024 * 1024;

export type UploadPurpose = 'entity-import' | 'entity-import-errors';

export interface UploadMeta {
  id: number;
  jobId: number;
  purpose: UploadPurpose;
  filename: string;
  format: 'csv' | 'xlsx' | 'json.gz';
  sizeBytes: number;
  sha256: string;
  createdBy: number | null;
}

/** Cuts the received pieces into CHUNK_BYTES chunks without copying more than one chunk at a time. */
function* rechunk(pieces: Iterable<Uint8Array>): Generator<Uint8Array> {
  let parts: Uint8Array[] = [];
  let size = 0;
  for (let piece of pieces) {
    while (size + piece.length >= CHUNK_BYTES) {
      const take = CHUNK_BYTES - size;
      yield Buffer.concat([...parts, piece.subarray(0, take)]);
      piece = piece.subarray(take);
      parts = [];
      size = 0;
    }
    if (piece.length) {
      parts.push(piece);
      size += piece.length;
    }
  }
  if (size) yield Buffer.concat(parts);
}

/** Stores the file inside the caller's transaction (with the job that will read it). */
export async function insertUpload(
  tx: Queryable,
  meta: Omit<UploadMeta, 'id'>,
  pieces: Iterable<Uint8Array>,
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO uploads (job_id, purpose, filename, format, size_bytes, sha256, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [meta.jobId, meta.purpose, meta.filename, meta.format, meta.sizeBytes, meta.sha256, meta.createdBy],
  );
  const id = row!.id;
  let seq = 0;
  for (const chunk of rechunk(pieces)) {
    await tx.query('INSERT INTO upload_chunks (upload_id, seq, data) VALUES ($1, $2, $3)', [id, seq++, chunk]);
  }
  return id;
}

export async function findUpload(
  db: Queryable,
  jobId: number,
  purpose: UploadPurpose,
): Promise<UploadMeta | undefined> {
  const [row] = await db.query<UploadMeta>(
    `SELECT id, job_id AS "jobId", purpose, filename, format, size_bytes AS "sizeBytes", sha256,
            created_by AS "createdBy"
       FROM uploads WHERE job_id = $1 AND purpose = $2`,
    [jobId, purpose],
  );
  return row;
}

/** The stored bytes, one chunk per query, so a reader holds one chunk at a time. */
export async function* uploadChunks(db: Queryable, uploadId: number): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const [row] = await db.query<{ data: Uint8Array }>(
      'SELECT data FROM upload_chunks WHERE upload_id = $1 AND seq = $2',
      [uploadId, seq],
    );
    if (!row) return;
    yield row.data;
  }
}

export async function deleteUpload(db: Queryable, jobId: number, purpose: UploadPurpose): Promise<void> {
  await db.query('DELETE FROM uploads WHERE job_id = $1 AND purpose = $2', [jobId, purpose]);
}
