import type { Queryable } from '../../db/client.ts';

/** One round trip: the database answers. */
export async function ping(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}
