import type { Queryable } from '../../../db/client.ts';

/** The complainant's identity in full; read only by the audited reveal. */
export async function findIdentity(q: Queryable, complaintId: number) {
  const [row] = await q.query<{ personName: string; personPhone: string; personIdCipher: string | null }>(
    `SELECT person_name AS "personName", person_phone AS "personPhone", person_id_cipher AS "personIdCipher"
       FROM complaints WHERE id = $1`,
    [complaintId],
  );
  return row;
}
