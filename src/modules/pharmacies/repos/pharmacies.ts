import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { pharmacyKind } from '../access.ts';

export interface PharmacyRecord {
  id: number;
  entityId: number;
  entityName: string;
  uscc: string;
  address: string | null;
  stationId: number;
  stationName: string;
  licenceNo: string;
  licenceIssuedOn: string;
  licenceValidUntil: string;
  status: 'active' | 'closed';
  pharmacists: number;
  latitude: number;
  longitude: number;
  geofenceMetres: number | null;
  opensMinute: number;
  closesMinute: number;
  createdBy: number | null;
  version: number;
  covered30: number;
  open30: number;
}

const select = (
  todayParam: string,
) => `SELECT ph.id, ph.entity_id AS "entityId", e.name AS "entityName", e.uscc, e.address,
    ph.station_id AS "stationId", s.name AS "stationName", ph.licence_no AS "licenceNo",
    ph.licence_issued_on::text AS "licenceIssuedOn", ph.licence_valid_until::text AS "licenceValidUntil", ph.status,
    (SELECT count(*)::int FROM pharmacists p WHERE p.pharmacy_id = ph.id AND p.active) AS pharmacists,
    ph.latitude, ph.longitude, ph.geofence_metres AS "geofenceMetres", ph.opens_minute AS "opensMinute",
    ph.closes_minute AS "closesMinute", ph.created_by AS "createdBy", ph.version,
    coalesce(r.covered, 0)::int AS covered30, coalesce(r.open, 0)::int AS open30
  FROM pharmacies ph JOIN entities e ON e.id = ph.entity_id JOIN org_units s ON s.id = ph.station_id
  LEFT JOIN LATERAL (SELECT sum(d.covered_minutes) AS covered, sum(d.open_minutes) AS open
      FROM pharmacy_attendance_days d WHERE d.pharmacy_id = ph.id AND d.day > ${todayParam}::date - 30) r ON true`;

export interface PharmacyFilter {
  q?: string;
  stationId?: number;
  expiringBy?: string;
  status?: string;
  beforeId?: number;
}

/** The pharmacies the caller may see, newest first, keyset by id. */
export async function listPharmacies(q: Queryable, actor: Actor, f: PharmacyFilter, today: string, limit: number) {
  const base = new Where();
  const t = base.param(today);
  const w = readableWhere(actor, pharmacyKind, base);
  if (f.q) {
    if (/^[0-9A-Z]{6,18}$/i.test(f.q))
      w.add('(e.uscc LIKE ? OR ph.licence_no LIKE ?)', `${f.q.toUpperCase()}%`, `%${escapeLike(f.q.toUpperCase())}%`);
    else w.add('(e.name LIKE ? OR ph.licence_no LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  }
  w.addIf(f.stationId, 'ph.station_id = ?').addIf(f.status, 'ph.status = ?').addIf(f.beforeId, 'ph.id < ?');
  if (f.expiringBy) w.add(`ph.status = 'active' AND ph.licence_valid_until <= ?::date`, f.expiringBy);
  return q.query<PharmacyRecord>(`${select(t)} ${w} ORDER BY ph.id DESC LIMIT ${Number(limit)}`, w.params);
}

export async function findPharmacy(q: Queryable, id: number, today: string) {
  const [row] = await q.query<PharmacyRecord>(`${select('$2')} WHERE ph.id = $1`, [id, today]);
  return row;
}

export async function findPharmacyByEntity(q: Queryable, entityId: number) {
  const [row] = await q.query<{
    id: number;
    entityId: number;
    stationId: number;
    licenceNo: string;
    licenceValidUntil: string;
    status: string;
    createdBy: number | null;
  }>(
    `SELECT id, entity_id AS "entityId", station_id AS "stationId", licence_no AS "licenceNo",
            licence_valid_until::text AS "licenceValidUntil", status, created_by AS "createdBy"
       FROM pharmacies WHERE entity_id = $1`,
    [entityId],
  );
  return row;
}

export async function entityFacts(q: Queryable, entityId: number) {
  const [row] = await q.query<{ id: number; stationId: number; status: string }>(
    'SELECT id, station_id AS "stationId", status FROM entities WHERE id = $1',
    [entityId],
  );
  return row;
}

export async function licenceTaken(q: Queryable, licenceNo: string) {
  const [row] = await q.query<{ id: number }>('SELECT id FROM pharmacies WHERE licence_no = $1', [licenceNo]);
  return row?.id;
}

export async function insertPharmacy(
  tx: Queryable,
  p: {
    entityId: number;
    stationId: number;
    licenceNo: string;
    licenceIssuedOn: string;
    licenceValidUntil: string;
    latitude: number;
    longitude: number;
    geofenceMetres: number | null;
    opensMinute: number;
    closesMinute: number;
    createdBy: number;
  },
) {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO pharmacies (entity_id, station_id, licence_no, licence_issued_on, licence_valid_until, latitude,
       longitude, geofence_metres, opens_minute, closes_minute, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      p.entityId,
      p.stationId,
      p.licenceNo,
      p.licenceIssuedOn,
      p.licenceValidUntil,
      p.latitude,
      p.longitude,
      p.geofenceMetres,
      p.opensMinute,
      p.closesMinute,
      p.createdBy,
    ],
  );
  return row!.id;
}

export async function updatePharmacy(
  tx: Queryable,
  id: number,
  version: number,
  p: {
    latitude: number;
    longitude: number;
    geofenceMetres: number | null;
    opensMinute: number;
    closesMinute: number;
    status: string;
  },
) {
  const rows = await tx.query<{ id: number }>(
    `UPDATE pharmacies SET latitude = $3, longitude = $4, geofence_metres = $5, opens_minute = $6, closes_minute = $7,
            status = $8, version = version + 1
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, p.latitude, p.longitude, p.geofenceMetres, p.opensMinute, p.closesMinute, p.status],
  );
  return rows.length === 1;
}

export interface PharmacistRecord {
  id: number;
  pharmacyId: number;
  name: string;
  registrationNo: string;
  dutyWeekdays: number[];
  dutyFromMinute: number;
  dutyToMinute: number;
  active: boolean;
  tokenIssuedAt: string | null;
  onDuty: boolean;
}

const pharmacistSelect = `SELECT p.id, p.pharmacy_id AS "pharmacyId", p.name, p.registration_no AS "registrationNo",
    p.duty_weekdays::int[] AS "dutyWeekdays", p.duty_from_minute AS "dutyFromMinute", p.duty_to_minute AS "dutyToMinute",
    p.active, p.token_issued_at AS "tokenIssuedAt",
    EXISTS (SELECT 1 FROM pharmacist_shifts sh WHERE sh.pharmacist_id = p.id AND sh.check_out_at IS NULL) AS "onDuty"
  FROM pharmacists p`;

export async function pharmacistsOf(q: Queryable, pharmacyId: number) {
  return q.query<PharmacistRecord>(`${pharmacistSelect} WHERE p.pharmacy_id = $1 ORDER BY p.id`, [pharmacyId]);
}

export async function findPharmacist(q: Queryable, id: number) {
  const [row] = await q.query<PharmacistRecord>(`${pharmacistSelect} WHERE p.id = $1`, [id]);
  return row;
}

export async function registrationTaken(q: Queryable, no: string) {
  const [row] = await q.query<{ id: number }>('SELECT id FROM pharmacists WHERE registration_no = $1', [no]);
  return row?.id;
}

export async function insertPharmacist(
  tx: Queryable,
  p: {
    pharmacyId: number;
    name: string;
    registrationNo: string;
    dutyWeekdays: number[];
    dutyFromMinute: number;
    dutyToMinute: number;
  },
) {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO pharmacists (pharmacy_id, name, registration_no, duty_weekdays, duty_from_minute, duty_to_minute)
     VALUES ($1, $2, $3, $4::smallint[], $5, $6) RETURNING id`,
    [p.pharmacyId, p.name, p.registrationNo, p.dutyWeekdays, p.dutyFromMinute, p.dutyToMinute],
  );
  return row!.id;
}

export async function setPharmacistToken(tx: Queryable, id: number, hash: string) {
  await tx.query('UPDATE pharmacists SET token_hash = $2, token_issued_at = now() WHERE id = $1', [id, hash]);
}

export async function setPharmacistActive(tx: Queryable, id: number, active: boolean) {
  await tx.query(`UPDATE pharmacists SET active = $2, token_hash = CASE WHEN $2 THEN token_hash END WHERE id = $1`, [
    id,
    active,
  ]);
}

/** Pharmacists by registration number, with their pharmacy's station and hours (an attendance import). */
export async function pharmacistsByRegistration(q: Queryable, nos: string[]) {
  const rows = await q.query<{
    id: number;
    registrationNo: string;
    pharmacyId: number;
    stationId: number;
    opensMinute: number;
    closesMinute: number;
  }>(
    `SELECT p.id, p.registration_no AS "registrationNo", p.pharmacy_id AS "pharmacyId", ph.station_id AS "stationId",
            ph.opens_minute AS "opensMinute", ph.closes_minute AS "closesMinute"
       FROM pharmacists p JOIN pharmacies ph ON ph.id = p.pharmacy_id WHERE p.registration_no = ANY($1::text[])`,
    [nos],
  );
  return new Map(rows.map((r) => [r.registrationNo, r]));
}
