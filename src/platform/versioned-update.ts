import type { Queryable } from '../db/client.ts';

/**
 * The one optimistic-locking UPDATE: sets the given columns, bumps `version`, stamps `updated_at`, only if the
 * version still matches. Table and column names come from code, never from a request; values are parameters.
 * `casts` adds a cast to a column's placeholder (e.g. { name_bigrams: 'tsvector' }). Returns false when stale.
 */
export async function updateVersioned(
  tx: Queryable,
  table: string,
  key: { id: number; version: number },
  set: Readonly<Record<string, unknown>>,
  casts: Readonly<Record<string, string>> = {},
): Promise<boolean> {
  const cols = Object.keys(set);
  const assignments = cols.map((c, i) => `${c} = $${i + 3}${casts[c] ? `::${casts[c]}` : ''}`);
  const rows = await tx.query(
    `UPDATE ${table} SET ${[...assignments, 'version = version + 1', 'updated_at = now()'].join(', ')}
      WHERE id = $1 AND version = $2 RETURNING id`,
    [key.id, key.version, ...cols.map((c) => set[c])],
  );
  return rows.length === 1;
}
