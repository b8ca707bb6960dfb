import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodSampleKind } from '../access.ts';

export type SamplingStep = 'samplingDelivery' | 'samplingResult' | 'samplingDisposal';

/** Each clock's open samples (the partial indexes food_samples_delivery/result/disposal_idx serve each range). */
const source: Record<SamplingStep, { due: string; status: string }> = {
  samplingDelivery: { due: 'fs.delivery_due_on', status: `fs.status = 'sampled'` },
  samplingResult: { due: 'fs.result_due_on', status: `fs.status = 'delivered'` },
  samplingDisposal: { due: 'fs.disposal_due_on', status: `fs.status IN ('notified', 'retestRequested', 'retested')` },
};

export async function pendingSamples(
  db: Queryable,
  actor: Actor,
  step: SamplingStep,
  p: { today: string; weekEnd: string; limit: number },
) {
  const { due, status } = source[step];
  const w = readableWhere(actor, foodSampleKind, new Where()).add(status).add(`${due} BETWEEN win.lo AND win.hi`);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<{ id: number; entityName: string; foodName: string; stationName: string; dueOn: string }>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT fs.id, e.name AS "entityName", fs.food_name AS "foodName", s.name AS "stationName", ${due}::text AS "dueOn"
         FROM food_samples fs JOIN food_businesses fb ON fb.id = fs.business_id JOIN entities e ON e.id = fb.entity_id
         JOIN org_units s ON s.id = fs.station_id
         ${w} ORDER BY ${due}, fs.id LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countPendingSamples(
  db: Queryable,
  actor: Actor,
  step: SamplingStep,
  p: { today: string; weekEnd: string; cap: number },
) {
  const { due, status } = source[step];
  const w = readableWhere(actor, foodSampleKind, new Where()).add(status).add(`${due} BETWEEN win.lo AND win.hi`);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM food_samples fs ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
