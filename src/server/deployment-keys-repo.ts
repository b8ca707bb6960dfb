import type { Queryable } from '../db/client.ts';

/** Records the fingerprint when the key has none yet; returns the one on record (the first node's). */
export async function recordedFingerprint(db: Queryable, name: string, fingerprint: string): Promise<string> {
  await db.query('INSERT INTO deployment_keys (name, fingerprint) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [
    name,
    fingerprint,
  ]);
  const [row] = await db.query<{ fingerprint: string }>('SELECT fingerprint FROM deployment_keys WHERE name = $1', [
    name,
  ]);
  return row!.fingerprint;
}
