import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { pharmacyKind } from '../access.ts';

/** The pharmacist a check-in link's hash opens, with the pharmacy's place and hours. */
export async function pharmacistByTokenHash(q: Queryable, hash: string) {
  const [row] = await q.query<{
    pharmacistId: number;
    name: string;
    active: boolean;
    pharmacyId: number;
    pharmacyName: string;
    address: string | null;
    status: string;
    latitude: number;
    longitude: number;
    geofenceMetres: number | null;
    opensMinute: number;
    closesMinute: number;
  }>(
    `SELECT p.id AS "pharmacistId", p.name, p.active, ph.id AS "pharmacyId", e.name AS "pharmacyName", e.address,
            ph.status, ph.latitude, ph.longitude, ph.geofence_metres AS "geofenceMetres",
            ph.opens_minute AS "opensMinute", ph.closes_minute AS "closesMinute"
       FROM pharmacists p JOIN pharmacies ph ON ph.id = p.pharmacy_id JOIN entities e ON e.id = ph.entity_id
      WHERE p.token_hash = $1`,
    [hash],
  );
  return row;
}

export interface ShiftRow {
  id: number;
  pharmacistId: number;
  day: string;
  checkInAt: string;
  checkOutAt: string | null;
  inDistanceM: number | null;
}

const shiftSelect = `SELECT id, pharmacist_id AS "pharmacistId", day::text AS day, check_in_at AS "checkInAt",
    check_out_at AS "checkOutAt", in_distance_m AS "inDistanceM" FROM pharmacist_shifts`;

/**
 * Row locks that serialise attendance writes. FOR NO KEY UPDATE, not FOR UPDATE: a shift insert takes a key-share
 * lock on both rows through its foreign keys, which FOR UPDATE would conflict with (two check-ins would deadlock).
 */
export async function lockPharmacist(tx: Queryable, pharmacistId: number): Promise<void> {
  await tx.query('SELECT id FROM pharmacists WHERE id = $1 FOR NO KEY UPDATE', [pharmacistId]);
}

export async function lockPharmacy(tx: Queryable, pharmacyId: number): Promise<void> {
  await tx.query('SELECT id FROM pharmacies WHERE id = $1 FOR NO KEY UPDATE', [pharmacyId]);
}

export async function openShift(q: Queryable, pharmacistId: number, lock = false) {
  const [row] = await q.query<ShiftRow>(
    `${shiftSelect} WHERE pharmacist_id = $1 AND check_out_at IS NULL${lock ? ' FOR UPDATE' : ''}`,
    [pharmacistId],
  );
  return row;
}

export async function shiftsOfPharmacistOn(q: Queryable, pharmacistId: number, day: string) {
  return q.query<ShiftRow>(`${shiftSelect} WHERE pharmacist_id = $1 AND day = $2 ORDER BY check_in_at`, [
    pharmacistId,
    day,
  ]);
}

export async function shiftsOfPharmacyOn(q: Queryable, pharmacyId: number, day: string) {
  return q.query<ShiftRow>(`${shiftSelect} WHERE pharmacy_id = $1 AND day = $2 ORDER BY check_in_at`, [
    pharmacyId,
    day,
  ]);
}

/** Shifts of these pharmacists overlapping [from, to] (an import must not double a shift). */
export async function shiftsBetween(q: Queryable, pharmacistIds: number[], from: string, to: string) {
  return q.query<ShiftRow>(
    `${shiftSelect} WHERE pharmacist_id = ANY($1::bigint[]) AND check_in_at <= $3
        AND coalesce(check_out_at, 'infinity') >= $2 ORDER BY check_in_at`,
    [pharmacistIds, from, to],
  );
}

export async function insertShift(
  tx: Queryable,
  s: {
    pharmacistId: number;
    pharmacyId: number;
    day: string;
    checkInAt: string;
    checkOutAt: string | null;
    inDistanceM: number | null;
    source: 'phone' | 'import';
  },
) {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO pharmacist_shifts (pharmacist_id, pharmacy_id, day, check_in_at, check_out_at, in_distance_m, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [s.pharmacistId, s.pharmacyId, s.day, s.checkInAt, s.checkOutAt, s.inDistanceM, s.source],
  );
  return row!.id;
}

export async function closeShift(tx: Queryable, id: number, at: string, distance: number | null) {
  const rows = await tx.query<{ id: number }>(
    `UPDATE pharmacist_shifts SET check_out_at = $2, out_distance_m = $3
      WHERE id = $1 AND check_out_at IS NULL AND check_in_at < $2 RETURNING id`,
    [id, at, distance],
  );
  return rows.length === 1;
}

/** Shifts left open on a day before `today` (forgotten check-outs), for the nightly close. */
export async function staleOpenShifts(q: Queryable, today: string) {
  return q.query<{ id: number; pharmacyId: number; day: string; closesMinute: number; checkInAt: string }>(
    `SELECT sh.id, sh.pharmacy_id AS "pharmacyId", sh.day::text AS day, ph.closes_minute AS "closesMinute",
            sh.check_in_at AS "checkInAt"
       FROM pharmacist_shifts sh JOIN pharmacies ph ON ph.id = sh.pharmacy_id
      WHERE sh.check_out_at IS NULL AND sh.day < $1`,
    [today],
  );
}

export async function upsertDay(
  tx: Queryable,
  d: { pharmacyId: number; day: string; openMinutes: number; coveredMinutes: number },
) {
  await tx.query(
    `INSERT INTO pharmacy_attendance_days (pharmacy_id, day, open_minutes, covered_minutes)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (pharmacy_id, day) DO UPDATE SET open_minutes = EXCLUDED.open_minutes,
       covered_minutes = EXCLUDED.covered_minutes`,
    [d.pharmacyId, d.day, d.openMinutes, d.coveredMinutes],
  );
}

/** Opening days with nobody checked in at all (no row yet), for the nightly job: the day counts, covered 0. */
export async function fillEmptyDays(tx: Queryable, day: string) {
  const rows = await tx.query<{ n: number }>(
    `WITH ins AS (
       INSERT INTO pharmacy_attendance_days (pharmacy_id, day, open_minutes, covered_minutes)
       SELECT ph.id, $1::date, ph.closes_minute - ph.opens_minute, 0
         FROM pharmacies ph WHERE ph.status = 'active' AND ph.licence_issued_on <= $1::date
       ON CONFLICT (pharmacy_id, day) DO NOTHING RETURNING 1)
     SELECT count(*)::int AS n FROM ins`,
    [day],
  );
  return rows[0]!.n;
}

export async function attendanceOf(q: Queryable, pharmacyId: number, from: string) {
  return q.query<{ day: string; openMinutes: number; coveredMinutes: number; reviewed: boolean }>(
    `SELECT day::text AS day, open_minutes AS "openMinutes", covered_minutes AS "coveredMinutes",
            reviewed_at IS NOT NULL AS reviewed
       FROM pharmacy_attendance_days WHERE pharmacy_id = $1 AND day >= $2 ORDER BY day DESC`,
    [pharmacyId, from],
  );
}

export async function rateOf(q: Queryable, pharmacyId: number, from: string) {
  const [row] = await q.query<{ covered: number; open: number }>(
    `SELECT coalesce(sum(covered_minutes), 0)::int AS covered, coalesce(sum(open_minutes), 0)::int AS open
       FROM pharmacy_attendance_days WHERE pharmacy_id = $1 AND day >= $2`,
    [pharmacyId, from],
  );
  return row!;
}

export async function markReviewed(tx: Queryable, pharmacyId: number, day: string, userId: number) {
  const rows = await tx.query<{ day: string }>(
    `UPDATE pharmacy_attendance_days SET reviewed_by = $3, reviewed_at = now()
      WHERE pharmacy_id = $1 AND day = $2 AND reviewed_at IS NULL AND covered_minutes < open_minutes RETURNING day`,
    [pharmacyId, day, userId],
  );
  return rows.length === 1;
}

/** Rate per station and per station × month over [from, to], in the caller's reach (one pass each). */
export async function stationRates(q: Queryable, actor: Actor, from: string, to: string) {
  const w = readableWhere(actor, pharmacyKind, new Where()).add('d.day BETWEEN ? AND ?', from, to);
  const stations = await q.query<{
    stationId: number;
    stationName: string;
    pharmacies: number;
    openMinutes: number;
    coveredMinutes: number;
    absentDays: number;
  }>(
    `SELECT ph.station_id AS "stationId", s.name AS "stationName", count(DISTINCT d.pharmacy_id)::int AS pharmacies,
            sum(d.open_minutes)::int AS "openMinutes", sum(d.covered_minutes)::int AS "coveredMinutes",
            count(*) FILTER (WHERE d.covered_minutes < d.open_minutes)::int AS "absentDays"
       FROM pharmacy_attendance_days d JOIN pharmacies ph ON ph.id = d.pharmacy_id
       JOIN org_units s ON s.id = ph.station_id ${w}
      GROUP BY ph.station_id, s.name, s.sort_order ORDER BY s.sort_order, ph.station_id`,
    w.params,
  );
  const months = await q.query<{
    month: string;
    stationId: number;
    stationName: string;
    openMinutes: number;
    coveredMinutes: number;
  }>(
    `SELECT to_char(d.day, 'YYYY-MM') AS month, ph.station_id AS "stationId", s.name AS "stationName",
            sum(d.open_minutes)::int AS "openMinutes", sum(d.covered_minutes)::int AS "coveredMinutes"
       FROM pharmacy_attendance_days d JOIN pharmacies ph ON ph.id = d.pharmacy_id
       JOIN org_units s ON s.id = ph.station_id ${w}
      GROUP BY 1, ph.station_id, s.name ORDER BY 1, ph.station_id`,
    w.params,
  );
  return { stations, months };
}
