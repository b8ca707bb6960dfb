import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { pharmacyKind } from '../access.ts';

/**
 * 阳光药师 absences for the station: a past opening day a pharmacy was not fully covered, not yet checked by the
 * station, due the day after (pharmacy_attendance_days_absent_idx). Days before `since` are left to the reports.
 */
function source(actor: Actor, since: string, today: string) {
  return readableWhere(actor, pharmacyKind, new Where())
    .add('d.covered_minutes < d.open_minutes AND d.reviewed_at IS NULL')
    .add('d.day >= ?::date AND d.day < ?::date', since, today)
    .add('d.day + 1 BETWEEN win.lo AND win.hi');
}

export async function pendingAbsences(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; since: string; limit: number },
) {
  const w = source(actor, p.since, p.today);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<{
    pharmacyId: number;
    day: string;
    entityName: string;
    stationName: string;
    dueOn: string;
    openMinutes: number;
    coveredMinutes: number;
  }>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT d.pharmacy_id AS "pharmacyId", d.day::text AS day, e.name AS "entityName", s.name AS "stationName",
              (d.day + 1)::text AS "dueOn", d.open_minutes AS "openMinutes", d.covered_minutes AS "coveredMinutes"
         FROM pharmacy_attendance_days d JOIN pharmacies ph ON ph.id = d.pharmacy_id
         JOIN entities e ON e.id = ph.entity_id JOIN org_units s ON s.id = ph.station_id
         ${w} ORDER BY d.day, d.pharmacy_id LIMIT ${lim}) x`,
    w.params,
  );
}

export async function countPendingAbsences(
  db: Queryable,
  actor: Actor,
  p: { today: string; weekEnd: string; since: string; cap: number },
) {
  const w = source(actor, p.since, p.today);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM pharmacy_attendance_days d
              JOIN pharmacies ph ON ph.id = d.pharmacy_id ${w} LIMIT ${cap}) y)::int AS n
       FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}
