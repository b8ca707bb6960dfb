import type { Queryable } from '../../../db/client.ts';
import type { OrgUnitRef } from './stations.ts';

export async function listOrgUnitRefs(db: Queryable): Promise<OrgUnitRef[]> {
  return db.query<OrgUnitRef>(
    `SELECT id, code, kind, path, active, region_codes AS "regionCodes" FROM org_units ORDER BY id`,
  );
}
