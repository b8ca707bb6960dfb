import type { Queryable } from '../../../db/client.ts';
import { escapeLike } from '../../../db/sql.ts';
import { readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../access.ts';

/** Licence numbers starting with `no` (food_licences_no_prefix_idx) or equal to it, in the caller's reach. */
export async function searchLicenceNos(
  db: Queryable,
  actor: Actor,
  p: { no: string; prefix: boolean; limit: number },
): Promise<{ id: number; licenceNo: string; kind: string; entityName: string; validUntil: string }[]> {
  const w = readable(actor, foodBusinessKind);
  if (p.prefix) w.add('fl.licence_no LIKE ?', `${escapeLike(p.no)}%`);
  else w.add('fl.licence_no = ?', p.no);
  return db.query(
    `SELECT fl.id, fl.licence_no AS "licenceNo", fl.kind, e.name AS "entityName", fl.valid_until::text AS "validUntil"
       FROM food_licences fl JOIN food_businesses fb ON fb.id = fl.business_id JOIN entities e ON e.id = fb.entity_id
       ${w} ORDER BY fl.licence_no LIMIT ${w.param(p.limit)}`,
    w.params,
  );
}
