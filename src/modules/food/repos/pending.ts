import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../access.ts';

export type FoodStep = 'licenceRenewal' | 'licenceExpiry' | 'certificateExpiry';

export interface PendingFoodRow {
  id: number;
  entityName: string;
  number: string;
  stationName: string;
  dueOn: string;
}

/**
 * Each step's source, in the caller's reach: a licence's 延续 deadline until it expires (food_licences_renewal_idx),
 * its expiry (food_licences_expiry_idx; overdue = expired and neither renewed nor cancelled), and a health
 * certificate's expiry for the business's responsible inspector only (food_health_certificates_expiry_idx).
 */
function stepSource(actor: Actor, step: FoodStep, today: string) {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  if (step === 'licenceRenewal') {
    w.add(`fl.status = 'active'`).add('fl.renewal_due_on BETWEEN win.lo AND win.hi').add('fl.valid_until >= ?', today);
    return { w, due: 'fl.renewal_due_on', id: 'fl.id', no: 'fl.licence_no', table: 'food_licences fl', fk: 'fl' };
  }
  if (step === 'licenceExpiry') {
    w.add(`fl.status = 'active'`).add('fl.valid_until BETWEEN win.lo AND win.hi');
    return { w, due: 'fl.valid_until', id: 'fl.id', no: 'fl.licence_no', table: 'food_licences fl', fk: 'fl' };
  }
  w.add(`hc.status = 'active'`)
    .add('hc.valid_until BETWEEN win.lo AND win.hi')
    .add('fb.inspector_id = ?', actor.userId);
  return {
    w,
    due: 'hc.valid_until',
    id: 'hc.id',
    no: `hc.certificate_no`,
    table: 'food_health_certificates hc',
    fk: 'hc',
  };
}

export async function pendingFood(
  db: Queryable,
  actor: Actor,
  step: FoodStep,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingFoodRow[]> {
  const { w, due, id, no, table, fk } = stepSource(actor, step, p.today);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingFoodRow>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT ${id} AS id, e.name AS "entityName", ${no} AS number, s.name AS "stationName", ${due}::text AS "dueOn"
         FROM ${table} JOIN food_businesses fb ON fb.id = ${fk}.business_id JOIN entities e ON e.id = fb.entity_id
         JOIN org_units s ON s.id = fb.station_id
         ${w} ORDER BY ${due}, ${id} LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countPendingFood(
  db: Queryable,
  actor: Actor,
  step: FoodStep,
  p: { today: string; weekEnd: string; cap: number },
) {
  const { w, table, fk } = stepSource(actor, step, p.today);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM ${table} JOIN food_businesses fb ON fb.id = ${fk}.business_id
              ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
