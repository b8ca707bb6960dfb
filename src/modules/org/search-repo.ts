import type { Queryable } from '../../db/client.ts';
import { escapeLike, type Where } from '../../db/sql.ts';

export interface UserHitRow {
  id: number;
  username: string;
  displayName: string;
  unitName: string;
  active: boolean;
}

/**
 * Accounts whose username or display name holds the text; exact usernames and names first. The table is small
 * (one row per member of staff), so the LIKE reads it whole.
 */
export async function usersByName(db: Queryable, readable: Where, text: string, limit: number) {
  const like = `%${escapeLike(text)}%`;
  const w = readable.add('(u.username LIKE ? OR u.display_name LIKE ?)', like.toLowerCase(), like);
  const exact = w.param(text);
  const lim = w.param(limit);
  return db.query<UserHitRow>(
    `SELECT u.id, u.username, u.display_name AS "displayName", o.name AS "unitName", u.active
       FROM users u JOIN org_units o ON o.id = u.unit_id ${w}
      ORDER BY (u.username = ${exact} OR u.display_name = ${exact}) DESC, u.active DESC, u.id LIMIT ${lim}`,
    w.params,
  );
}
