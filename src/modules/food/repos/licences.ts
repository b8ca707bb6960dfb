import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../access.ts';

export interface LicenceRow {
  id: number;
  businessId: number;
  entityId: number;
  entityName: string;
  uscc: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  inspectorId: number | null;
  kind: string;
  licenceNo: string;
  categories: string[];
  issuedOn: string;
  validUntil: string;
  renewalDueOn: string;
  status: string;
}

export const licenceCols = `fl.id, fl.business_id AS "businessId", fb.entity_id AS "entityId", e.name AS "entityName",
  e.uscc, fb.station_id AS "stationId", s.name AS "stationName", fb.created_by AS "createdBy",
  fb.inspector_id AS "inspectorId", fl.kind, fl.licence_no AS "licenceNo", fl.categories,
  fl.issued_on::text AS "issuedOn", fl.valid_until::text AS "validUntil", fl.renewal_due_on::text AS "renewalDueOn",
  fl.status`;
export const licenceFrom = `food_licences fl JOIN food_businesses fb ON fb.id = fl.business_id
  JOIN entities e ON e.id = fb.entity_id JOIN org_units s ON s.id = fb.station_id`;

export async function getLicence(db: Queryable, id: number): Promise<LicenceRow | undefined> {
  const [row] = await db.query<LicenceRow>(`SELECT ${licenceCols} FROM ${licenceFrom} WHERE fl.id = $1`, [id]);
  return row;
}

export interface LicenceFilter {
  q?: string;
  kind?: string;
  status?: string;
  entityId?: number;
  /** Active licences with valid_until ≤ this date, soonest first. */
  expiringBy?: string;
}

/** One page; `after` is the last row's sort key: [id] by newest, [validUntil, id] when expiring. */
export async function listLicences(
  db: Queryable,
  actor: Actor,
  f: LicenceFilter,
  page: { after?: unknown[]; limit: number },
): Promise<LicenceRow[]> {
  const w = readableWhere(actor, foodBusinessKind, new Where());
  if (f.q) {
    const q = f.q.replace(/\s+/g, '').toUpperCase();
    w.add('(fl.licence_no LIKE ? OR e.name LIKE ?)', `${escapeLike(q)}%`, `%${escapeLike(f.q)}%`);
  }
  w.addIf(f.kind, 'fl.kind = ?').addIf(f.status, 'fl.status = ?').addIf(f.entityId, 'fb.entity_id = ?');
  let order = 'fl.id DESC';
  if (f.expiringBy) {
    w.add(`fl.status = 'active'`).add('fl.valid_until <= ?::date', f.expiringBy);
    if (page.after) w.add('(fl.valid_until, fl.id) > (?::date, ?)', page.after[0], page.after[1]);
    order = 'fl.valid_until, fl.id';
  } else if (page.after) w.add('fl.id < ?', page.after[0]);
  return db.query<LicenceRow>(
    `SELECT ${licenceCols} FROM ${licenceFrom} ${w} ORDER BY ${order} LIMIT ${w.param(page.limit + 1)}`,
    w.params,
  );
}

export async function licenceByNo(db: Queryable, licenceNo: string): Promise<{ id: number } | undefined> {
  const [row] = await db.query<{ id: number }>('SELECT id FROM food_licences WHERE licence_no = $1', [licenceNo]);
  return row;
}

export interface NewLicence {
  businessId: number;
  kind: string;
  licenceNo: string;
  categories: readonly string[];
  issuedOn: string;
  validUntil: string;
  renewalDueOn: string;
  createdBy: number;
}

export async function insertLicences(tx: Queryable, rows: readonly NewLicence[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const got = await tx.query<{ id: number }>(
    `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on,
       created_by)
     SELECT b, k, n, c::text[], i, v, r, u FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::date[],
       $8::bigint[]) AS t(b, k, n, c, i, v, r, u)
     RETURNING id`,
    [
      rows.map((r) => r.businessId),
      rows.map((r) => r.kind),
      rows.map((r) => r.licenceNo),
      rows.map((r) => `{${r.categories.join(',')}}`),
      rows.map((r) => r.issuedOn),
      rows.map((r) => r.validUntil),
      rows.map((r) => r.renewalDueOn),
      rows.map((r) => r.createdBy),
    ],
  );
  return got.map((r) => r.id);
}

/** Moves a licence from `from` to `to`; false when it was no longer in `from` (someone changed it first). */
export async function moveLicenceStatus(tx: Queryable, id: number, from: string, to: string): Promise<boolean> {
  const rows = await tx.query('UPDATE food_licences SET status = $3 WHERE id = $1 AND status = $2 RETURNING id', [
    id,
    from,
    to,
  ]);
  return rows.length === 1;
}

/** Which of these numbers are already on file. */
export async function existingLicenceNos(db: Queryable, nos: readonly string[]): Promise<Set<string>> {
  const rows = await db.query<{ n: string }>('SELECT licence_no AS n FROM food_licences WHERE licence_no = ANY($1)', [
    nos,
  ]);
  return new Set(rows.map((r) => r.n));
}
