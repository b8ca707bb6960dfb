import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { spotCheckVisitKind } from '../access.ts';

export type VisitStep = 'results' | 'publication';

export interface PendingVisitRow {
  id: number;
  entityName: string;
  planName: string;
  stationName: string;
  dueOn: string;
}

/**
 * The visits of one step in the caller's reach with the step's due date in the window: results to enter by the end
 * of the plan's period, publication within 20 working days of the inspection (spot_check_visits_publish_due_idx).
 * Results: plans are few, so the window's plans are read first and each plan's assigned visits walked in key order
 * (spot_check_visits_assigned_idx), stopping at the limit; never a sort of a whole plan's visits.
 */
function stepSource(actor: Actor, step: VisitStep) {
  const w = readableWhere(actor, spotCheckVisitKind, new Where());
  if (step === 'results') {
    w.add(`v.status = 'assigned'`).add('v.plan_id = p.id');
    return { w, window: 'p.period_end BETWEEN win.lo AND win.hi' };
  }
  w.add(`v.status = 'inspected'`).add('v.publish_due_on BETWEEN win.lo AND win.hi');
  return { w, window: null };
}

export async function pendingVisits(
  db: Queryable,
  actor: Actor,
  step: VisitStep,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingVisitRow[]> {
  const { w, window } = stepSource(actor, step);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  // The names are joined to the few rows kept, after the limit.
  const kept = window
    ? `SELECT v.id, v.entity_id, v.station_id, p.name AS plan_name, p.period_end AS due_on
         FROM spot_check_plans p CROSS JOIN LATERAL (
           SELECT v.id, v.entity_id, v.station_id FROM spot_check_visits v ${w} ORDER BY v.entity_id LIMIT ${lim}) v
        WHERE ${window} ORDER BY p.period_end, p.id, v.entity_id LIMIT ${lim}`
    : `SELECT v.id, v.entity_id, v.station_id, p.name AS plan_name, v.publish_due_on AS due_on
         FROM spot_check_visits v JOIN spot_check_plans p ON p.id = v.plan_id
         ${w} ORDER BY v.publish_due_on, v.id LIMIT ${lim}`;
  return db.query<PendingVisitRow>(
    `SELECT x.id, e.name AS "entityName", x.plan_name AS "planName", s.name AS "stationName", x.due_on AS "dueOn"
       FROM ${windows} CROSS JOIN LATERAL (${kept}) x
       JOIN entities e ON e.id = x.entity_id JOIN org_units s ON s.id = x.station_id
      ORDER BY x.due_on, x.id`,
    w.params,
  );
}

/** Per window, the visits of one step, each counted up to `cap`. */
export async function countPendingVisits(
  db: Queryable,
  actor: Actor,
  step: VisitStep,
  p: { today: string; weekEnd: string; cap: number },
) {
  const { w, window } = stepSource(actor, step);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const visits = window
    ? `spot_check_plans p JOIN spot_check_visits v ON v.plan_id = p.id ${w} AND ${window}`
    : `spot_check_visits v ${w}`;
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM ${visits} LIMIT ${cap}) y)::int AS n FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
