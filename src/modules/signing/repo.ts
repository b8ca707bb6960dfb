import type { Queryable } from '../../db/client.ts';

export interface PlacardKeyRow {
  kid: string;
  publicKey: string;
  /** Encrypted PKCS#8 PEM of a generated key; null for a configured one (its private half never leaves the env). */
  privateKey: string | null;
  source: 'config' | 'generated';
  createdAt: string;
}

const cols = `kid, public_key AS "publicKey", private_key AS "privateKey", source, created_at::text AS "createdAt"`;

export async function generatedKey(db: Queryable): Promise<PlacardKeyRow | undefined> {
  const [row] = await db.query<PlacardKeyRow>(`SELECT ${cols} FROM food_placard_keys WHERE source = 'generated'`);
  return row;
}

/** Registers a key; a second process inserting the same (or a second generated key) at the same time is a no-op. */
export async function insertKey(
  db: Queryable,
  k: { kid: string; publicKey: string; privateKey: string | null; source: 'config' | 'generated' },
): Promise<void> {
  await db.query(
    `INSERT INTO food_placard_keys (kid, public_key, private_key, source) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [k.kid, k.publicKey, k.privateKey, k.source],
  );
}

export async function markUsed(db: Queryable, kid: string): Promise<void> {
  await db.query('UPDATE food_placard_keys SET last_used_at = now() WHERE kid = $1', [kid]);
}

export async function publicKeyOf(db: Queryable, kid: string): Promise<string | undefined> {
  const [row] = await db.query<{ publicKey: string }>(
    'SELECT public_key AS "publicKey" FROM food_placard_keys WHERE kid = $1',
    [kid],
  );
  return row?.publicKey;
}

export async function listKeys(db: Queryable): Promise<Omit<PlacardKeyRow, 'privateKey'>[]> {
  return db.query(
    `SELECT kid, public_key AS "publicKey", source, created_at::text AS "createdAt"
       FROM food_placard_keys ORDER BY last_used_at DESC, kid`,
  );
}
