import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { complaintKind } from '../access.ts';

export interface PendingStepRow {
  id: number;
  trackingCode: string;
  businessName: string | null;
  stationName: string;
  step: string;
  dueOn: string;
  escalationLevel: number;
}

/** Open clocks in the caller's reach, due within the window (complaint_deadlines_open_idx, then the item by id). */
const openClocks = (actor: Actor) =>
  readableWhere(actor, complaintKind, new Where()).add('d.met_at IS NULL').add('d.due_on BETWEEN win.lo AND win.hi');

/** Per window (overdue, today, this week): the first `limit` open clocks, oldest due first. */
export async function pendingSteps(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingStepRow[]> {
  const w = openClocks(actor);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingStepRow>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT c.id, c.tracking_code AS "trackingCode", c.business_name AS "businessName", o.name AS "stationName",
              d.step, d.due_on AS "dueOn", c.escalation_level AS "escalationLevel"
         FROM complaint_deadlines d JOIN complaints c ON c.id = d.complaint_id JOIN org_units o ON o.id = c.station_id
         ${w} ORDER BY d.due_on, d.complaint_id LIMIT ${lim}) x`,
    w.params,
  );
}

/**
 * Open clocks per window, each counted up to `cap`. The item is joined LEFT so that a caller who sees every item
 * counts from the clocks' index alone (the join is removed); a scope predicate turns it into an inner join.
 */
export async function countPendingSteps(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; cap: number },
) {
  const w = openClocks(actor);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM complaint_deadlines d LEFT JOIN complaints c ON c.id = d.complaint_id
              ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}

/**
 * Open items per handler in the caller's reach: items not closed (complaints_not_closed_idx: the few percent of the
 * history still in hand, per station and handler) that have a running clock.
 */
export async function openItemsPerHandler(db: Queryable, actor: Actor, limit: number) {
  const w = readableWhere(actor, complaintKind, new Where())
    .add(`c.status <> 'closed'`)
    .add('c.handler_id IS NOT NULL');
  const lim = w.param(limit);
  // Counted per handler first; the names are joined to the few rows kept.
  return db.query<{ userId: number; name: string; open: number }>(
    `SELECT t.handler_id AS "userId", u.display_name AS name, t.open
       FROM (SELECT c.handler_id, count(*)::int AS open FROM complaints c
              ${w} AND EXISTS (SELECT 1 FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL)
              GROUP BY c.handler_id ORDER BY open DESC, c.handler_id LIMIT ${lim}) t
       JOIN users u ON u.id = t.handler_id
      ORDER BY t.open DESC, t.handler_id`,
    w.params,
  );
}
