import type { Queryable } from '../../../db/client.ts';
import { escapeLike, Where } from '../../../db/sql.ts';

/** Reference data for proposing a case: the 违法行为 dictionary and the users who may be 承办人. */
export interface ViolationTypeRow {
  id: number;
  code: string;
  area: string;
  name: string;
  legalBasis: string;
  penaltyBasis: string;
  involvesSafety: boolean;
}

export async function listViolationTypes(q: Queryable, f: { area?: string; q?: string }): Promise<ViolationTypeRow[]> {
  const w = new Where().add('v.active').addIf(f.area, 'v.area = ?');
  if (f.q) {
    const like = `%${escapeLike(f.q)}%`;
    w.add('(v.name LIKE ? OR v.code LIKE ? OR v.legal_basis LIKE ? OR v.penalty_basis LIKE ?)', like, like, like, like);
  }
  return q.query<ViolationTypeRow>(
    `SELECT v.id, v.code, v.area, v.name, v.legal_basis AS "legalBasis", v.penalty_basis AS "penaltyBasis",
            v.involves_safety AS "involvesSafety"
       FROM case_violation_types v ${w} ORDER BY v.sort_order, v.id`,
    w.params,
  );
}

export interface OfficerRow {
  id: number;
  displayName: string;
  unitId: number;
  unitName: string;
  credentialNo: string;
  credentialExpiresOn: string;
}

/** Active users whose credential is valid on `today`, at the station or a unit below it. */
export async function listOfficers(
  q: Queryable,
  f: { stationId?: number; q?: string; today: string },
): Promise<OfficerRow[]> {
  const w = new Where()
    .add('u.active')
    .add('u.enforcement_credential_no IS NOT NULL')
    .add('u.enforcement_credential_expires_on >= ?', f.today)
    .addIf(f.stationId, "o.path LIKE (SELECT path || '%' FROM org_units WHERE id = ?)");
  if (f.q) w.add('(u.display_name LIKE ? OR u.username LIKE ?)', `%${escapeLike(f.q)}%`, `%${escapeLike(f.q)}%`);
  return q.query<OfficerRow>(
    `SELECT u.id, u.display_name AS "displayName", u.unit_id AS "unitId", o.name AS "unitName",
            u.enforcement_credential_no AS "credentialNo", u.enforcement_credential_expires_on AS "credentialExpiresOn"
       FROM users u JOIN org_units o ON o.id = u.unit_id ${w} ORDER BY o.path, u.id LIMIT 500`,
    w.params,
  );
}
