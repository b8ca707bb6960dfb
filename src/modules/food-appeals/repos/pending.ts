import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

export type AppealStep = 'appealDecision' | 'replyReview' | 'revisitDecision' | 'revisitVisit';

export interface PendingAppealRow {
  id: number;
  entityName: string;
  stationName: string;
  dueOn: string;
}

/**
 * Each clock's source in the caller's reach, one partial index per step: an appeal's decision deadline
 * (food_grade_appeals_due_idx), a reply's review deadline (food_grade_replies_review_idx), a re-rating request's
 * decision deadline (food_revisit_requests_due_idx) and the planned re-visit itself (food_inspections_planned_idx).
 */
function stepSource(actor: Actor, step: AppealStep) {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  if (step === 'appealDecision') {
    w.add(`x.status = 'pending'`).add('x.due_on BETWEEN win.lo AND win.hi');
    return { w, due: 'x.due_on', table: 'food_grade_appeals x' };
  }
  if (step === 'replyReview') {
    w.add(`x.status = 'submitted'`).add('x.review_due_on BETWEEN win.lo AND win.hi');
    return { w, due: 'x.review_due_on', table: 'food_grade_replies x' };
  }
  if (step === 'revisitDecision') {
    w.add(`x.status = 'requested'`).add('x.due_on BETWEEN win.lo AND win.hi');
    return { w, due: 'x.due_on', table: 'food_revisit_requests x' };
  }
  w.add(`x.status IN ('planned', 'inProgress')`)
    .add(`x.kind = 'revisit'`)
    .add('x.planned_on BETWEEN win.lo AND win.hi');
  return { w, due: 'x.planned_on', table: 'food_inspections x' };
}

export async function pendingAppeals(
  db: Queryable,
  actor: Actor,
  step: AppealStep,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingAppealRow[]> {
  const { w, due, table } = stepSource(actor, step);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingAppealRow>(
    `SELECT y.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT x.id, e.name AS "entityName", s.name AS "stationName", ${due}::text AS "dueOn"
         FROM ${table} JOIN food_businesses fb ON fb.id = x.business_id JOIN entities e ON e.id = fb.entity_id
         JOIN org_units s ON s.id = fb.station_id
         ${w} ORDER BY ${due}, x.id LIMIT ${lim}) y`,
    w.params,
  );
}

export async function countPendingAppeals(
  db: Queryable,
  actor: Actor,
  step: AppealStep,
  p: { today: string; weekEnd: string; cap: number },
) {
  const { w, table } = stepSource(actor, step);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM ${table} JOIN food_businesses fb ON fb.id = x.business_id
              ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
