import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { batchKind, repairKind } from '../access.ts';

export interface PendingBatchRow {
  id: number;
  list: 'abnormal' | 'serious';
  ground: string;
  itemCount: number;
  unitName: string;
}

export interface PendingRepairRow {
  id: number;
  status: 'applied' | 'reviewed';
  entityName: string;
  stationName: string;
}

/** Proposed batches awaiting the listing decision, oldest first (a handful at a time: the batch table is small). */
export async function pendingBatches(db: Queryable, actor: Actor, limit: number): Promise<PendingBatchRow[]> {
  const w = readableWhere(actor, batchKind, new Where()).add(`b.status = 'proposed'`);
  const lim = w.param(limit);
  return db.query<PendingBatchRow>(
    `SELECT b.id, b.list, b.ground, b.item_count AS "itemCount", u.name AS "unitName"
       FROM credit_listing_batches b JOIN org_units u ON u.id = b.owner_unit_id ${w} ORDER BY b.id LIMIT ${lim}`,
    w.params,
  );
}

/** Repair applications awaiting review or decision, oldest first (credit_repairs_open_idx holds only these). */
export async function pendingRepairs(db: Queryable, actor: Actor, limit: number): Promise<PendingRepairRow[]> {
  const w = readableWhere(actor, repairKind, new Where()).add(`r.status IN ('applied', 'reviewed')`);
  const lim = w.param(limit);
  return db.query<PendingRepairRow>(
    `SELECT r.id, r.status, e.name AS "entityName", s.name AS "stationName"
       FROM credit_repairs r JOIN entities e ON e.id = r.entity_id JOIN org_units s ON s.id = r.station_id
       ${w} ORDER BY r.id LIMIT ${lim}`,
    w.params,
  );
}

/** Batches and repairs awaiting a decision, counted up to `cap` each. */
export async function countPendingDecisions(db: Queryable, actor: Actor, cap: number): Promise<number> {
  const b = readableWhere(actor, batchKind, new Where()).add(`b.status = 'proposed'`);
  const [batches] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM credit_listing_batches b ${b} LIMIT ${b.param(cap)}) x`,
    b.params,
  );
  const r = readableWhere(actor, repairKind, new Where()).add(`r.status IN ('applied', 'reviewed')`);
  const [repairs] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT 1 FROM credit_repairs r ${r} LIMIT ${r.param(cap)}) x`,
    r.params,
  );
  return (batches?.n ?? 0) + (repairs?.n ?? 0);
}
