import type { Queryable } from '../../db/client.ts';
import type { Where } from '../../db/sql.ts';

export type CreditList = 'abnormal' | 'serious';

export interface BatchRow {
  id: number;
  list: CreditList;
  ground: string;
  reportYear: number | null;
  ownerUnitId: number;
  ownerUnitName: string;
  ownerUnitPath: string;
  status: string;
  itemCount: number;
  decisionNo: string | null;
  reason: string | null;
  decidedOn: string | null;
  documentFileId: number | null;
  createdAt: string;
  version: number;
}

const batchCols = `b.id, b.list, b.ground, b.report_year AS "reportYear", b.owner_unit_id AS "ownerUnitId",
  u.name AS "ownerUnitName", u.path AS "ownerUnitPath", b.status, b.item_count AS "itemCount",
  b.decision_no AS "decisionNo", b.reason, b.decided_on AS "decidedOn", b.document_file_id AS "documentFileId",
  b.created_at AS "createdAt", b.version`;

export async function insertBatch(
  tx: Queryable,
  b: { list: CreditList; ground: string; reportYear: number | null; ownerUnitId: number; proposedBy: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO credit_listing_batches (list, ground, report_year, owner_unit_id, status, proposed_by)
     VALUES ($1, $2, $3, $4, 'proposed', $5) RETURNING id`,
    [b.list, b.ground, b.reportYear, b.ownerUnitId, b.proposedBy],
  );
  return row!.id;
}

/** 拟列入 for a missing annual report: active entities in the stations that had to file and did not. */
export async function proposeMissingReports(
  tx: Queryable,
  batchId: number,
  reportYear: number,
  stationIds: number[] | null,
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO credit_listings (entity_id, station_id, list, ground, report_year, batch_id, status)
       SELECT e.id, e.station_id, 'abnormal', 'annualReportMissing', $2::int, $1, 'proposed' FROM entities e
        WHERE e.status = 'active' AND e.established_on <= make_date($2::int, 12, 31)
          AND ($3::bigint[] IS NULL OR e.station_id = ANY($3::bigint[]))
          AND NOT EXISTS (SELECT 1 FROM annual_reports r WHERE r.entity_id = e.id AND r.report_year = $2::int)
          AND NOT EXISTS (SELECT 1 FROM credit_listings l WHERE l.entity_id = e.id AND l.list = 'abnormal'
                            AND l.ground = 'annualReportMissing' AND l.report_year = $2::int
                            AND l.status IN ('proposed', 'listed'))
       RETURNING id, entity_id)
     SELECT count(*)::int AS n FROM ins`,
    [batchId, reportYear, stationIds],
  );
  return rows[0]!.n;
}

/** 拟列入严重违法失信名单: still on the abnormal list on or before `listedBefore` (3 years ago). */
export async function proposeSerious(
  tx: Queryable,
  batchId: number,
  listedBefore: string,
  stationIds: number[] | null,
): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO credit_listings (entity_id, station_id, list, ground, batch_id, source_listing_id, status)
       SELECT DISTINCT ON (a.entity_id) a.entity_id, a.station_id, 'serious', 'abnormalOver3Years', $1, a.id, 'proposed'
         FROM credit_listings a
        WHERE a.list = 'abnormal' AND a.status = 'listed' AND a.listed_on <= $2::date
          AND ($3::bigint[] IS NULL OR a.station_id = ANY($3::bigint[]))
          AND NOT EXISTS (SELECT 1 FROM credit_listings s WHERE s.entity_id = a.entity_id AND s.list = 'serious'
                            AND s.status IN ('proposed', 'listed'))
        ORDER BY a.entity_id, a.listed_on
       RETURNING id)
     SELECT count(*)::int AS n FROM ins`,
    [batchId, listedBefore, stationIds],
  );
  return rows[0]!.n;
}

export async function setBatchCount(tx: Queryable, batchId: number, n: number): Promise<void> {
  await tx.query('UPDATE credit_listing_batches SET item_count = $2 WHERE id = $1', [batchId, n]);
}

export async function findBatch(db: Queryable, id: number): Promise<BatchRow | undefined> {
  const [row] = await db.query<BatchRow>(
    `SELECT ${batchCols} FROM credit_listing_batches b JOIN org_units u ON u.id = b.owner_unit_id WHERE b.id = $1`,
    [id],
  );
  return row;
}

export async function listBatches(db: Queryable, w: Where, limit: number): Promise<BatchRow[]> {
  const lim = w.param(limit);
  return db.query<BatchRow>(
    `SELECT ${batchCols} FROM credit_listing_batches b JOIN org_units u ON u.id = b.owner_unit_id
      ${w} ORDER BY b.id DESC LIMIT ${lim}`,
    w.params,
  );
}

export async function decideBatch(
  tx: Queryable,
  id: number,
  version: number,
  set: { status: string; decisionNo?: string; reason: string; decidedOn?: string; decidedBy: number },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE credit_listing_batches SET status = $3, decision_no = $4, reason = $5, decided_on = $6, decided_by = $7,
        version = version + 1 WHERE id = $1 AND version = $2 AND status = 'proposed' RETURNING 1`,
    [id, version, set.status, set.decisionNo ?? null, set.reason, set.decidedOn ?? null, set.decidedBy],
  );
  return rows.length === 1;
}

export async function setBatchDocument(tx: Queryable, id: number, fileId: number): Promise<void> {
  await tx.query('UPDATE credit_listing_batches SET document_file_id = $2 WHERE id = $1', [id, fileId]);
}

/** Moves the batch's still-proposed listings on; returns the ones moved. */
export async function settleBatchListings(
  tx: Queryable,
  batchId: number,
  to: 'listed' | 'discarded',
  d: { listedOn?: string; decisionNo?: string; reason?: string },
): Promise<{ id: number; entityId: number }[]> {
  return tx.query<{ id: number; entityId: number }>(
    `UPDATE credit_listings SET status = $2, listed_on = $3, decision_no = $4, reason = $5, version = version + 1
      WHERE batch_id = $1 AND status = 'proposed' RETURNING id, entity_id AS "entityId"`,
    [batchId, to, d.listedOn ?? null, d.decisionNo ?? null, d.reason ?? null],
  );
}

export interface ListingRow {
  id: number;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  stationPath: string;
  list: CreditList;
  ground: string;
  reportYear: number | null;
  batchId: number | null;
  status: string;
  listedOn: string | null;
  decisionNo: string | null;
  reason: string | null;
  removedOn: string | null;
  removalDecisionNo: string | null;
  removalReason: string | null;
  version: number;
}

const listingCols = `l.id, l.entity_id AS "entityId", e.name AS "entityName", e.uscc, l.station_id AS "stationId",
  u.name AS "stationName", u.path AS "stationPath", l.list, l.ground, l.report_year AS "reportYear",
  l.batch_id AS "batchId", l.status, l.listed_on AS "listedOn", l.decision_no AS "decisionNo", l.reason,
  l.removed_on AS "removedOn", l.removal_decision_no AS "removalDecisionNo", l.removal_reason AS "removalReason",
  l.version`;
const listingFrom = `credit_listings l JOIN entities e ON e.id = l.entity_id JOIN org_units u ON u.id = l.station_id`;

export async function findListing(db: Queryable, id: number): Promise<ListingRow | undefined> {
  const [row] = await db.query<ListingRow>(`SELECT ${listingCols} FROM ${listingFrom} WHERE l.id = $1`, [id]);
  return row;
}

export async function listListings(db: Queryable, w: Where, limit: number): Promise<ListingRow[]> {
  const lim = w.param(limit);
  return db.query<ListingRow>(
    `SELECT ${listingCols} FROM ${listingFrom} ${w} ORDER BY l.id DESC LIMIT ${lim}`,
    w.params,
  );
}

export async function updateListing(
  tx: Queryable,
  id: number,
  version: number,
  from: string,
  set: Record<string, unknown>,
): Promise<boolean> {
  const cols = Object.keys(set);
  const assignments = cols.map((c, i) => `${c} = $${i + 4}`).join(', ');
  const rows = await tx.query(
    `UPDATE credit_listings SET ${assignments}, version = version + 1 WHERE id = $1 AND version = $2 AND status = $3
     RETURNING 1`,
    [id, version, from, ...cols.map((c) => set[c])],
  );
  return rows.length === 1;
}

/** One credit_events row per listing of a batch that just moved (set-based, for batches of thousands). */
export async function insertBatchListingEvents(
  tx: Queryable,
  listingIds: number[],
  e: { action: string; from: string | null; to: string; actorId: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO credit_events (subject_type, subject_id, entity_id, action, from_status, to_status, actor_id)
     SELECT 'listing', id, entity_id, $2, $3, $4, $5 FROM credit_listings WHERE id = ANY($1::bigint[])`,
    [listingIds, e.action, e.from, e.to, e.actorId],
  );
}

export async function batchListingIds(tx: Queryable, batchId: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>('SELECT id FROM credit_listings WHERE batch_id = $1', [batchId]);
  return rows.map((r) => r.id);
}

export async function insertEvent(
  tx: Queryable,
  e: {
    subjectType: 'batch' | 'listing' | 'repair';
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

export async function batchEntities(db: Queryable, batchId: number) {
  return db.query<{ uscc: string; name: string }>(
    `SELECT e.uscc, e.name FROM credit_listings l JOIN entities e ON e.id = l.entity_id
      WHERE l.batch_id = $1 AND l.status = 'proposed' ORDER BY e.uscc`,
    [batchId],
  );
}

export async function decrementBatchCount(tx: Queryable, batchId: number): Promise<void> {
  await tx.query('UPDATE credit_listing_batches SET item_count = item_count - 1 WHERE id = $1', [batchId]);
}

/** The deciding bureau: the root of the organisation tree. */
export async function authorityName(db: Queryable): Promise<string> {
  const [row] = await db.query<{ name: string }>(
    'SELECT name FROM org_units WHERE parent_id IS NULL ORDER BY id LIMIT 1',
  );
  return row?.name ?? '市场监督管理局';
}
