import type { Queryable } from '../../../db/client.ts';

export interface VendorRow {
  id: number;
  code: string;
  name: string;
  active: boolean;
  secretRotatedAt: string;
  enrolled: number;
  version: number;
}

const cols = `v.id, v.code, v.name, v.active, v.secret_rotated_at AS "secretRotatedAt", v.version,
  (SELECT count(*)::int FROM kitchen_enrollments ke WHERE ke.vendor_id = v.id AND ke.ended_on IS NULL) AS enrolled`;

export const listVendors = (q: Queryable) => q.query<VendorRow>(`SELECT ${cols} FROM kitchen_vendors v ORDER BY v.id`);

export async function getVendor(q: Queryable, id: number): Promise<VendorRow | undefined> {
  const [row] = await q.query<VendorRow>(`SELECT ${cols} FROM kitchen_vendors v WHERE v.id = $1`, [id]);
  return row;
}

export async function insertVendor(
  q: Queryable,
  v: { code: string; name: string; secretEnc: string; createdBy: number | null },
): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO kitchen_vendors (code, name, secret_enc, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
    [v.code, v.name, v.secretEnc, v.createdBy],
  );
  return row!.id;
}

/** The new key replaces the current one, which stays valid until `previousValidUntil`; false on a stale version. */
export async function rotateSecret(
  q: Queryable,
  v: { id: number; version: number; secretEnc: string; previousValidUntil: Date },
): Promise<boolean> {
  const rows = await q.query(
    `UPDATE kitchen_vendors SET previous_secret_enc = secret_enc, previous_valid_until = $3, secret_enc = $4,
            secret_rotated_at = now(), version = version + 1
      WHERE id = $1 AND version = $2 RETURNING id`,
    [v.id, v.version, v.previousValidUntil, v.secretEnc],
  );
  return rows.length === 1;
}

/** What the webhook needs to verify a delivery: the keys in force (the previous one while its grace lasts). */
export async function vendorKeys(
  q: Queryable,
  code: string,
): Promise<{ id: number; secretEnc: string; previousSecretEnc: string | null } | undefined> {
  const [row] = await q.query<{ id: number; secretEnc: string; previousSecretEnc: string | null }>(
    `SELECT id, secret_enc AS "secretEnc",
            CASE WHEN previous_valid_until > now() THEN previous_secret_enc END AS "previousSecretEnc"
       FROM kitchen_vendors WHERE code = $1 AND active`,
    [code],
  );
  return row;
}
