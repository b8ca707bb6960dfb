import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { ListingStatus } from '../../../domain/credit-workflow.ts';
import { publicWhere } from '../../../platform/access.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';
import { listingKind } from '../access.ts';
import type { CreditList } from './batches.ts';

export interface ListingRow {
  id: number;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  list: CreditList;
  ground: string;
  reportYear: number | null;
  batchId: number | null;
  status: ListingStatus;
  listedOn: string | null;
  decisionNo: string | null;
  reason: string | null;
  removedOn: string | null;
  removalDecisionNo: string | null;
  removalReason: string | null;
  /** Who proposed the batch it came in (null for rows loaded without one). */
  proposedBy: number | null;
  version: number;
}

const listingCols = `l.id, l.entity_id AS "entityId", e.name AS "entityName", e.uscc, l.station_id AS "stationId",
  u.name AS "stationName", l.list, l.ground, l.report_year AS "reportYear",
  l.batch_id AS "batchId", l.status, l.listed_on AS "listedOn", l.decision_no AS "decisionNo", l.reason,
  l.removed_on AS "removedOn", l.removal_decision_no AS "removalDecisionNo", l.removal_reason AS "removalReason",
  lb.proposed_by AS "proposedBy", l.version`;
const listingFrom = `credit_listings l JOIN entities e ON e.id = l.entity_id JOIN org_units u ON u.id = l.station_id
  LEFT JOIN credit_listing_batches lb ON lb.id = l.batch_id`;

export async function findListing(db: Queryable, id: number): Promise<ListingRow | undefined> {
  const [row] = await db.query<ListingRow>(`SELECT ${listingCols} FROM ${listingFrom} WHERE l.id = $1`, [id]);
  return row;
}

export interface ListingFilter {
  list?: CreditList;
  status?: ListingStatus;
  batchId?: number;
  entityId?: number;
  beforeId?: number;
}

/**
 * One page of listings, newest first, within `scope`: the caller's readable listings (alias l, its batch lb), or,
 * on an entity's credit page, every listing of an entity the caller may read.
 */
/** An entity's listings, shown once the entity itself is readable (the caller checked that). */
export const listingsOfEntity = (db: Queryable, entityId: number, limit: number) =>
  listListings(db, new Where(), { entityId }, limit);

export async function listListings(db: Queryable, scope: Where, q: ListingFilter, limit: number) {
  const w = scope
    .addIf(q.list, 'l.list = ?')
    .addIf(q.status, 'l.status = ?')
    .addIf(q.batchId, 'l.batch_id = ?')
    .addIf(q.entityId, 'l.entity_id = ?')
    .addIf(q.beforeId, 'l.id < ?');
  const lim = w.param(limit);
  return db.query<ListingRow>(
    `SELECT ${listingCols} FROM ${listingFrom} ${w} ORDER BY l.id DESC LIMIT ${lim}`,
    w.params,
  );
}

/** Discard (out of a proposed batch) or removal (credit repair granted), if nobody changed it since `version`. */
export async function updateListing(
  tx: Queryable,
  key: { id: number; version: number },
  set: {
    status: ListingStatus;
    reason?: string;
    removed_on?: string;
    removal_decision_no?: string;
    removal_reason?: string;
  },
): Promise<boolean> {
  return updateVersioned(tx, 'credit_listings', key, set);
}

/** Whether the entity is on the abnormal list or the serious list today (a listing in force). */
export async function listsInForce(db: Queryable, entityId: number): Promise<{ abnormal: boolean; serious: boolean }> {
  const rows = await db.query<{ list: CreditList }>(
    `SELECT DISTINCT list FROM credit_listings WHERE entity_id = $1 AND status = 'listed'`,
    [entityId],
  );
  return { abnormal: rows.some((r) => r.list === 'abnormal'), serious: rows.some((r) => r.list === 'serious') };
}

export interface PublicListingRow {
  list: CreditList;
  ground: string;
  status: 'listed' | 'removed';
  listedOn: string | null;
  decisionNo: string | null;
  reason: string | null;
  removedOn: string | null;
  removalDecisionNo: string | null;
  removalReason: string | null;
}

/** An entity's listings the public may see (the listing kind's public rule), newest first. */
export async function publicListingsOfEntity(db: Queryable, entityId: number, limit: number) {
  const w = publicWhere(listingKind, new Where()).add('l.entity_id = ?', entityId);
  const lim = w.param(limit);
  return db.query<PublicListingRow>(
    `SELECT l.list, l.ground, l.status, l.listed_on AS "listedOn", l.decision_no AS "decisionNo", l.reason,
            l.removed_on AS "removedOn", l.removal_decision_no AS "removalDecisionNo",
            l.removal_reason AS "removalReason"
       FROM credit_listings l ${w} ORDER BY l.id DESC LIMIT ${lim}`,
    w.params,
  );
}
