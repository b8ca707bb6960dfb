import type { Queryable } from '../../../db/client.ts';
import type { Where } from '../../../db/sql.ts';
import type { BatchStatus } from '../../../domain/credit-workflow.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';

export type CreditList = 'abnormal' | 'serious';

export interface BatchRow {
  id: number;
  list: CreditList;
  ground: string;
  reportYear: number | null;
  ownerUnitId: number;
  ownerUnitName: string;
  status: BatchStatus;
  itemCount: number;
  decisionNo: string | null;
  reason: string | null;
  decidedOn: string | null;
  documentFileId: number | null;
  proposedBy: number | null;
  createdAt: string;
  version: number;
}

const batchCols = `b.id, b.list, b.ground, b.report_year AS "reportYear", b.owner_unit_id AS "ownerUnitId",
  u.name AS "ownerUnitName", b.status, b.item_count AS "itemCount",
  b.decision_no AS "decisionNo", b.reason, b.decided_on AS "decidedOn", b.document_file_id AS "documentFileId",
  b.proposed_by AS "proposedBy", b.created_at AS "createdAt", b.version`;

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

/**
 * 拟列入 for a missing annual report: active entities that had to file and did not, among the entities `reach`
 * admits (alias e: the caller's readable entities) and, when given, in one station.
 */
export async function proposeMissingReports(
  tx: Queryable,
  batchId: number,
  reportYear: number,
  reach: Where,
  stationId: number | undefined,
): Promise<number> {
  const w = reach
    .add(`e.status = 'active'`)
    .add('e.established_on <= make_date(?::int, 12, 31)', reportYear)
    .addIf(stationId, 'e.station_id = ?')
    .add('NOT EXISTS (SELECT 1 FROM annual_reports r WHERE r.entity_id = e.id AND r.report_year = ?::int)', reportYear)
    .add(
      `NOT EXISTS (SELECT 1 FROM credit_listings x WHERE x.entity_id = e.id AND x.list = 'abnormal'
         AND x.ground = 'annualReportMissing' AND x.report_year = ?::int AND x.status IN ('proposed', 'listed'))`,
      reportYear,
    );
  const year = w.param(reportYear);
  const batch = w.param(batchId);
  const rows = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO credit_listings (entity_id, station_id, list, ground, report_year, batch_id, status)
       SELECT e.id, e.station_id, 'abnormal', 'annualReportMissing', ${year}::int, ${batch}, 'proposed'
         FROM entities e ${w}
       RETURNING id)
     SELECT count(*)::int AS n FROM ins`,
    w.params,
  );
  return rows[0]!.n;
}

/**
 * 拟列入严重违法失信名单: still on the abnormal list on or before `listedBefore` (3 years ago), among the abnormal
 * listings `reach` admits (alias l, its batch lb: the caller's readable listings) and, when given, in one station.
 */
export async function proposeSerious(
  tx: Queryable,
  batchId: number,
  listedBefore: string,
  reach: Where,
  stationId: number | undefined,
): Promise<number> {
  const w = reach
    .add(`l.list = 'abnormal'`)
    .add(`l.status = 'listed'`)
    .add('l.listed_on <= ?::date', listedBefore)
    .addIf(stationId, 'l.station_id = ?')
    .add(`NOT EXISTS (SELECT 1 FROM credit_listings s WHERE s.entity_id = l.entity_id AND s.list = 'serious'
            AND s.status IN ('proposed', 'listed'))`);
  const batch = w.param(batchId);
  const rows = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO credit_listings (entity_id, station_id, list, ground, batch_id, source_listing_id, status)
       SELECT DISTINCT ON (l.entity_id) l.entity_id, l.station_id, 'serious', 'abnormalOver3Years', ${batch}, l.id,
              'proposed'
         FROM credit_listings l LEFT JOIN credit_listing_batches lb ON lb.id = l.batch_id
         ${w}
        ORDER BY l.entity_id, l.listed_on
       RETURNING id)
     SELECT count(*)::int AS n FROM ins`,
    w.params,
  );
  return rows[0]!.n;
}

export async function setBatchCount(tx: Queryable, batchId: number, n: number): Promise<void> {
  await tx.query('UPDATE credit_listing_batches SET item_count = $2 WHERE id = $1', [batchId, n]);
}

export async function decrementBatchCount(tx: Queryable, batchId: number): Promise<void> {
  await tx.query('UPDATE credit_listing_batches SET item_count = item_count - 1 WHERE id = $1', [batchId]);
}

export async function findBatch(db: Queryable, id: number): Promise<BatchRow | undefined> {
  const [row] = await db.query<BatchRow>(
    `SELECT ${batchCols} FROM credit_listing_batches b JOIN org_units u ON u.id = b.owner_unit_id WHERE b.id = $1`,
    [id],
  );
  return row;
}

/** One page of batches, newest first, within `scope` (the caller's readable batches, alias b). */
export async function listBatches(
  db: Queryable,
  scope: Where,
  q: { list?: CreditList; status?: BatchStatus; beforeId?: number },
  limit: number,
): Promise<BatchRow[]> {
  const w = scope.addIf(q.list, 'b.list = ?').addIf(q.status, 'b.status = ?').addIf(q.beforeId, 'b.id < ?');
  const lim = w.param(limit);
  return db.query<BatchRow>(
    `SELECT ${batchCols} FROM credit_listing_batches b JOIN org_units u ON u.id = b.owner_unit_id
      ${w} ORDER BY b.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/** The batch's decision (approve or discard), if nobody changed it since `version`. */
export async function decideBatch(
  tx: Queryable,
  key: { id: number; version: number },
  set: { status: BatchStatus; decisionNo?: string; reason: string; decidedOn?: string; decidedBy: number | null },
): Promise<boolean> {
  return updateVersioned(tx, 'credit_listing_batches', key, {
    status: set.status,
    decision_no: set.decisionNo ?? null,
    reason: set.reason,
    decided_on: set.decidedOn ?? null,
    decided_by: set.decidedBy,
  });
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
    `UPDATE credit_listings SET status = $2, listed_on = $3, decision_no = $4, reason = $5, version = version + 1,
            updated_at = now()
      WHERE batch_id = $1 AND status = 'proposed' RETURNING id, entity_id AS "entityId"`,
    [batchId, to, d.listedOn ?? null, d.decisionNo ?? null, d.reason ?? null],
  );
}

export async function batchListingIds(tx: Queryable, batchId: number): Promise<number[]> {
  const rows = await tx.query<{ id: number }>('SELECT id FROM credit_listings WHERE batch_id = $1', [batchId]);
  return rows.map((r) => r.id);
}

export async function batchEntities(db: Queryable, batchId: number) {
  return db.query<{ uscc: string; name: string }>(
    `SELECT e.uscc, e.name FROM credit_listings l JOIN entities e ON e.id = l.entity_id
      WHERE l.batch_id = $1 AND l.status = 'proposed' ORDER BY e.uscc`,
    [batchId],
  );
}

/**
 * 拟列入严重违法失信名单 of one entity on a penalty decision (SAMR Order 44): a batch of one, owned by `ownerUnitId`,
 * unless the entity already has an open (proposed or listed) serious listing on this ground. Returns the new ids.
 */
export async function proposeOneSerious(
  tx: Queryable,
  p: { entityId: number; ownerUnitId: number; ground: string; reason: string; proposedBy: number | null },
): Promise<{ batchId: number; listingId: number } | undefined> {
  const [open] = await tx.query<{ id: number }>(
    `SELECT id FROM credit_listings WHERE entity_id = $1 AND list = 'serious' AND ground = $2
        AND status IN ('proposed', 'listed') LIMIT 1`,
    [p.entityId, p.ground],
  );
  if (open) return undefined;
  const [batch] = await tx.query<{ id: number }>(
    `INSERT INTO credit_listing_batches (list, ground, owner_unit_id, status, proposed_by, item_count)
     VALUES ('serious', $1, $2, 'proposed', $3, 1) RETURNING id`,
    [p.ground, p.ownerUnitId, p.proposedBy],
  );
  const [listing] = await tx.query<{ id: number }>(
    `INSERT INTO credit_listings (entity_id, station_id, list, ground, batch_id, status, reason)
     SELECT e.id, e.station_id, 'serious', $2, $3, 'proposed', $4 FROM entities e WHERE e.id = $1 RETURNING id`,
    [p.entityId, p.ground, batch!.id, p.reason],
  );
  return { batchId: batch!.id, listingId: listing!.id };
}

/** The still-proposed serious-list batches a penalty decision (case `caseId`) proposed (their propose event names it). */
export async function proposedBatchesOfCase(tx: Queryable, ground: string, caseId: number) {
  return tx.query<{ id: number; version: number }>(
    `SELECT b.id, b.version FROM credit_listing_batches b
      WHERE b.list = 'serious' AND b.ground = $1 AND b.status = 'proposed'
        AND EXISTS (SELECT 1 FROM credit_events ev WHERE ev.subject_type = 'batch' AND ev.subject_id = b.id
                      AND ev.action = 'propose' AND ev.data->>'caseId' = $2::text)`,
    [ground, caseId],
  );
}
