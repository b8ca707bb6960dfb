import type { Queryable } from '../../../db/client.ts';
import type { CreditSubject } from '../../../domain/credit-workflow.ts';

/** One credit_events row per listing of a batch that just moved (set-based, for batches of thousands). */
export async function insertBatchListingEvents(
  tx: Queryable,
  listingIds: number[],
  e: { action: string; from: string | null; to: string; actorId: number | null },
): Promise<void> {
  await tx.query(
    `INSERT INTO credit_events (subject_type, subject_id, entity_id, action, from_status, to_status, actor_id)
     SELECT 'listing', id, entity_id, $2, $3, $4, $5 FROM credit_listings WHERE id = ANY($1::bigint[])`,
    [listingIds, e.action, e.from, e.to, e.actorId],
  );
}

export async function insertEvent(
  tx: Queryable,
  e: {
    subjectType: CreditSubject;
    subjectId: number;
    entityId: number | null;
    action: string;
    from: string | null;
    to: string;
    note?: string | null;
    data?: unknown;
    actorId: number | null;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO credit_events (subject_type, subject_id, entity_id, action, from_status, to_status, note, data, actor_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.subjectType,
      e.subjectId,
      e.entityId,
      e.action,
      e.from,
      e.to,
      e.note ?? null,
      JSON.stringify(e.data ?? {}),
      e.actorId,
    ],
  );
}

export async function insertDocument(
  tx: Queryable,
  d: {
    kind: string;
    decisionNo: string;
    fileId: number;
    batchId?: number;
    listingId?: number;
    repairId?: number;
    entityId?: number;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO credit_documents (kind, decision_no, file_id, batch_id, listing_id, repair_id, entity_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [d.kind, d.decisionNo, d.fileId, d.batchId ?? null, d.listingId ?? null, d.repairId ?? null, d.entityId ?? null],
  );
}

/** Documents about one entity: its own, and the batch decisions that listed it. */
export async function documentsOfEntity(db: Queryable, entityId: number) {
  return db.query<{ kind: string; decisionNo: string; fileId: number; createdAt: string }>(
    `SELECT d.kind, d.decision_no AS "decisionNo", d.file_id AS "fileId", d.created_at AS "createdAt"
       FROM credit_documents d
      WHERE d.entity_id = $1
         OR d.batch_id IN (SELECT batch_id FROM credit_listings WHERE entity_id = $1 AND batch_id IS NOT NULL)
      ORDER BY d.id DESC LIMIT 50`,
    [entityId],
  );
}

/** The deciding bureau: the root of the organisation tree. */
export async function authorityName(db: Queryable): Promise<string> {
  const [row] = await db.query<{ name: string }>(
    'SELECT name FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1',
  );
  return row?.name ?? '市场监督管理局';
}
