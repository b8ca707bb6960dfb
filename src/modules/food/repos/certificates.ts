import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../access.ts';

export interface CertificateRow {
  id: number;
  businessId: number;
  entityId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  inspectorId: number | null;
  staffName: string;
  certificateNo: string;
  issuedOn: string;
  validUntil: string;
  status: 'active' | 'superseded' | 'left';
}

const cols = `hc.id, hc.business_id AS "businessId", fb.entity_id AS "entityId", e.name AS "entityName",
  fb.station_id AS "stationId", s.name AS "stationName", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId",
  hc.staff_name AS "staffName", hc.certificate_no AS "certificateNo", hc.issued_on::text AS "issuedOn",
  hc.valid_until::text AS "validUntil", hc.status`;
const from = `food_health_certificates hc JOIN food_businesses fb ON fb.id = hc.business_id
  JOIN entities e ON e.id = fb.entity_id JOIN org_units s ON s.id = fb.station_id`;

export interface CertificateFilter {
  q?: string;
  entityId?: number;
  expiringBy?: string;
}

export async function listCertificates(
  db: Queryable,
  actor: Actor,
  f: CertificateFilter,
  page: { after?: unknown[]; limit: number },
): Promise<CertificateRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  if (f.q) w.add('(hc.certificate_no = ? OR e.name LIKE ?)', f.q, `%${escapeLike(f.q)}%`);
  w.addIf(f.entityId, 'fb.entity_id = ?');
  let order = 'hc.id DESC';
  if (f.expiringBy) {
    w.add(`hc.status = 'active'`).add('hc.valid_until <= ?::date', f.expiringBy);
    if (page.after) w.add('(hc.valid_until, hc.id) > (?::date, ?)', page.after[0], page.after[1]);
    order = 'hc.valid_until, hc.id';
  } else if (page.after) w.add('hc.id < ?', page.after[0]);
  return db.query<CertificateRow>(
    `SELECT ${cols} FROM ${from} ${w} ORDER BY ${order} LIMIT ${w.param(page.limit + 1)}`,
    w.params,
  );
}

export async function getCertificate(db: Queryable, id: number): Promise<CertificateRow | undefined> {
  const [row] = await db.query<CertificateRow>(`SELECT ${cols} FROM ${from} WHERE hc.id = $1`, [id]);
  return row;
}

export interface NewCertificate {
  businessId: number;
  staffName: string;
  certificateNo: string;
  issuedOn: string;
  validUntil: string;
  createdBy: number;
}

/**
 * Inserts the certificates; an earlier active certificate of the same person at the same business is superseded.
 * A number already on file at the business is a conflict the caller checks first (existingCertificateNos).
 */
export async function insertCertificates(tx: Queryable, rows: readonly NewCertificate[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const cols = [
    rows.map((r) => r.businessId),
    rows.map((r) => r.staffName),
    rows.map((r) => r.certificateNo),
    rows.map((r) => r.issuedOn),
    rows.map((r) => r.validUntil),
    rows.map((r) => r.createdBy),
  ];
  await tx.query(
    `UPDATE food_health_certificates hc SET status = 'superseded'
       FROM unnest($1::bigint[], $2::text[], $3::date[]) AS t(b, n, v)
      WHERE hc.business_id = t.b AND hc.staff_name = t.n AND hc.status = 'active' AND hc.valid_until < t.v`,
    [cols[0], cols[1], cols[4]],
  );
  const got = await tx.query<{ id: number }>(
    `INSERT INTO food_health_certificates (business_id, staff_name, certificate_no, issued_on, valid_until, created_by)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::date[], $5::date[], $6::bigint[])
     RETURNING id`,
    cols,
  );
  return got.map((r) => r.id);
}

/** Pairs (entityId, certificateNo) already on file at the entity's business, as "entityId:no". */
export async function existingCertificateNos(
  db: Queryable,
  pairs: readonly { entityId: number; certificateNo: string }[],
): Promise<Set<string>> {
  if (pairs.length === 0) return new Set();
  const rows = await db.query<{ k: string }>(
    `SELECT fb.entity_id || ':' || hc.certificate_no AS k FROM food_health_certificates hc
       JOIN food_businesses fb ON fb.id = hc.business_id
       JOIN unnest($1::bigint[], $2::text[]) AS t(e, n) ON fb.entity_id = t.e AND hc.certificate_no = t.n`,
    [pairs.map((p) => p.entityId), pairs.map((p) => p.certificateNo)],
  );
  return new Set(rows.map((r) => r.k));
}
