import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { equipmentKind } from '../access.ts';

export type EquipmentStep = 'inspectionApply' | 'inspectionOverdue' | 'registration' | 'maintenance';

export interface PendingEquipmentRow {
  id: number;
  entityName: string;
  equipmentCode: string;
  categoryName: string;
  stationName: string;
  dueOn: string;
}

export interface StepSettings {
  dueNoticeMonths: number;
  registrationDays: number;
  maintenancePeriodDays: number;
}

/**
 * Each step's due date and the index range that finds it, in the caller's reach:
 * - inspectionApply (应报检): apply by due − notice months, while the due date has not passed (equipment_next_due_idx);
 * - inspectionOverdue (超期未检): the due date itself, once passed;
 * - registration: first use + registration days while 未登记 (equipment_unregistered_idx);
 * - maintenance: last 维保 + period for a lift in use (equipment_lift_maintenance_idx).
 */
function stepSource(actor: Actor, step: EquipmentStep, today: string, s: StepSettings) {
  const w = readableWhere(actor, equipmentKind, new Where());
  if (step === 'inspectionApply' || step === 'inspectionOverdue') {
    w.add(`eq.status IN ('inUse', 'stopped')`);
    if (step === 'inspectionApply') {
      const m = w.param(s.dueNoticeMonths);
      w.add(
        `eq.next_inspection_due BETWEEN (win.lo + make_interval(months => ${m}::int))::date
           AND (win.hi + make_interval(months => ${m}::int))::date`,
      ).add('eq.next_inspection_due >= ?::date', today);
      return {
        w,
        due: `(eq.next_inspection_due - make_interval(months => ${m}::int))::date`,
        order: 'eq.next_inspection_due',
      };
    }
    w.add('eq.next_inspection_due BETWEEN win.lo AND win.hi').add('eq.next_inspection_due < ?::date', today);
    return { w, due: 'eq.next_inspection_due', order: 'eq.next_inspection_due' };
  }
  if (step === 'registration') {
    const d = w.param(s.registrationDays);
    w.add(`eq.status = 'unregistered'`).add(
      `eq.first_used_on BETWEEN (win.lo - make_interval(days => ${d}::int))::date
         AND (win.hi - make_interval(days => ${d}::int))::date`,
    );
    return { w, due: `eq.first_used_on + ${d}::int`, order: 'eq.first_used_on' };
  }
  const d = w.param(s.maintenancePeriodDays);
  w.add(`eq.status = 'inUse' AND eq.category_code LIKE '3%'`).add(
    `eq.last_maintained_on BETWEEN (win.lo - make_interval(days => ${d}::int))::date
       AND (win.hi - make_interval(days => ${d}::int))::date`,
  );
  return { w, due: `eq.last_maintained_on + ${d}::int`, order: 'eq.last_maintained_on' };
}

export async function pendingEquipment(
  db: Queryable,
  actor: Actor,
  step: EquipmentStep,
  s: StepSettings,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingEquipmentRow[]> {
  const { w, due, order } = stepSource(actor, step, p.today, s);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingEquipmentRow>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT eq.id, e.name AS "entityName", eq.equipment_code AS "equipmentCode", c.name AS "categoryName",
              s.name AS "stationName", (${due})::text AS "dueOn"
         FROM equipment eq JOIN entities e ON e.id = eq.entity_id JOIN org_units s ON s.id = eq.station_id
         JOIN equipment_categories c ON c.code = eq.category_code
         ${w} ORDER BY ${order}, eq.id LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countPendingEquipment(
  db: Queryable,
  actor: Actor,
  step: EquipmentStep,
  s: StepSettings,
  p: { today: string; weekEnd: string; cap: number },
) {
  const { w } = stepSource(actor, step, p.today, s);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM equipment eq ${w} LIMIT ${cap}) y)::int AS n FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
