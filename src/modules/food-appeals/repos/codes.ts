import type { Queryable } from '../../../db/client.ts';

/** The business an access code's hash opens: one unique-index lookup, nothing about near misses. */
export async function businessByCodeHash(q: Queryable, hash: string) {
  const [row] = await q.query<{ businessId: number; entityName: string; stationId: number }>(
    `SELECT c.business_id AS "businessId", e.name AS "entityName", fb.station_id AS "stationId"
       FROM food_access_codes c JOIN food_businesses fb ON fb.id = c.business_id JOIN entities e ON e.id = fb.entity_id
      WHERE c.code_hash = $1`,
    [hash],
  );
  return row;
}

export async function upsertCode(tx: Queryable, businessId: number, hash: string, by: number | null) {
  const [row] = await tx.query<{ issuedAt: string }>(
    `INSERT INTO food_access_codes (business_id, code_hash, issued_by) VALUES ($1, $2, $3)
     ON CONFLICT (business_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_by = EXCLUDED.issued_by,
       issued_at = now()
     RETURNING issued_at::text AS "issuedAt"`,
    [businessId, hash, by],
  );
  return row!.issuedAt;
}

/** A business in the food module (for staff issuing a code). */
export async function businessReach(q: Queryable, businessId: number) {
  const [row] = await q.query<{ id: number; stationId: number; createdBy: number | null; inspectorId: number | null }>(
    `SELECT id, station_id AS "stationId", created_by AS "createdBy", inspector_id AS "inspectorId"
       FROM food_businesses WHERE id = $1`,
    [businessId],
  );
  return row;
}
