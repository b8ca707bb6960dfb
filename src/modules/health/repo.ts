import type { Queryable } from '../../db/client.ts';

/** One round trip: the database answers. */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

/** The database's size on disk, in bytes. */
export async function databaseSize(db: Queryable): Promise<number> {
  const [row] = await db.query<{ n: string }>('SELECT pg_database_size(current_database())::bigint AS n');
  return Number(row!.n);
}
