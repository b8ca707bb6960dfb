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
 * of the plan's period (plans are few; a plan's visits by the (plan_id, entity_id) key), publication within 20
 * working days of the inspection (spot_check_visits_publish_due_idx).
 */
function stepSource(actor: Actor, step: VisitStep) {
  const w = readableWhere(actor, spotCheckVisitKind, new Where());
  if (step === 'results') {
    w.add(`v.status = 'assigned'`).add('p.period_end BETWEEN win.lo AND win.hi');
    return { w, due: 'p.period_end', order: 'p.period_end, v.plan_id, v.entity_id' };
  }
  w.add(`v.status = 'inspected'`).add('v.publish_due_on BETWEEN win.lo AND win.hi');
  return { w, due: 'v.publish_due_on', order: 'v.publish_due_on, v.id' };
}

export async function pendingVisits(
  db: Queryable,
  actor: Actor,
  step: VisitStep,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingVisitRow[]> {
  const { w, due, order } = stepSource(actor, step);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingVisitRow>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT v.id, e.name AS "entityName", p.name AS "planName", s.name AS "stationName", ${due} AS "dueOn"
         FROM spot_check_visits v JOIN spot_check_plans p ON p.id = v.plan_id JOIN entities e ON e.id = v.entity_id
         JOIN org_units s ON s.id = v.station_id
         ${w} ORDER BY ${order} LIMIT ${lim}) x`,
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
  const { w } = stepSource(actor, step);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM spot_check_visits v JOIN spot_check_plans p ON p.id = v.plan_id
              ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
