import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export interface PendingPlanRow {
  id: number;
  entityName: string;
  fullScope: boolean;
  stationName: string;
  dueOn: string;
}

/** Planned routine visits of the businesses the caller is the responsible inspector of, in the caller's reach. */
function source(actor: Actor) {
  return readableWhere(actor, foodBusinessKind, new Where())
    .add('fb.inspector_id = ?', actor.userId)
    .add(`fi.kind = 'routine'`)
    .add(`fi.status = 'planned'`)
    .add('fi.planned_on BETWEEN win.lo AND win.hi');
}

export async function pendingPlanned(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; limit: number },
) {
  const w = source(actor);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingPlanRow & { grp: string }>(
    `SELECT win.grp, x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT fi.id, e.name AS "entityName", fi.full_scope AS "fullScope", s.name AS "stationName",
              fi.planned_on::text AS "dueOn"
         FROM food_businesses fb JOIN food_inspections fi ON fi.business_id = fb.id
         JOIN entities e ON e.id = fb.entity_id JOIN org_units s ON s.id = fb.station_id
         ${w} ORDER BY fi.planned_on, fi.id LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countPendingPlanned(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; cap: number },
) {
  const w = source(actor);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM food_businesses fb JOIN food_inspections fi ON fi.business_id = fb.id
              ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
