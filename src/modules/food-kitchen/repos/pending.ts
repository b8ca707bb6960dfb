import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface PendingAlertRow {
  id: number;
  entityName: string;
  eventType: string;
  count: number;
  stationName: string;
  dueOn: string;
}

/** Unhandled alerts of businesses in the caller's reach, due the day after first seen (kitchen_alerts_due_idx). */
function source(actor: Actor) {
  return readableWhere(actor, foodBusinessKind, new Where())
    .add(`a.status = 'new'`)
    .add('a.due_on BETWEEN win.lo AND win.hi');
}

export async function pendingAlerts(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingAlertRow[]> {
  const w = source(actor);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingAlertRow>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT a.id, e.name AS "entityName", a.event_type AS "eventType", a.event_count AS count,
              s.name AS "stationName", a.due_on::text AS "dueOn"
         FROM kitchen_alerts a JOIN food_businesses fb ON fb.id = a.business_id JOIN entities e ON e.id = fb.entity_id
         JOIN org_units s ON s.id = fb.station_id
         ${w} ORDER BY a.due_on, a.id LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countPendingAlerts(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; cap: number },
) {
  const w = source(actor);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM kitchen_alerts a
              JOIN food_businesses fb ON fb.id = a.business_id ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
