import type { Queryable } from '../../../db/client.ts';
import type { OrgUnitRef } from './stations.ts';

export async function listOrgUnitRefs(db: Queryable): Promise<OrgUnitRef[]> {
  return db.query<OrgUnitRef>(
    `SELECT id, code, kind, path, active, region_codes AS "regionCodes" FROM org_units ORDER BY id`,
  );
}

/** Which of these codes are already registered: one indexed lookup per batch, not one query per row. */
export async function existingUsccs(db: Queryable, usccs: string[]): Promise<Set<string>> {
  if (usccs.length === 0) return new Set();
  const rows = await db.query<{ uscc: string }>('SELECT uscc FROM entities WHERE uscc = ANY($1::text[])', [usccs]);
  return new Set(rows.map((r) => r.uscc));
}

/**
 * One 设立 event per just-inserted entity, set-based. `after` holds what the single-entity form records: the
 * registered fields, with the ID number masked.
 */
export async function insertEstablishEvents(
  tx: Queryable,
  usccs: string[],
  actorId: number,
  note: string,
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH inserted AS (
     INSERT INTO entity_events (entity_id, kind, occurred_on, after, note, actor_id)
     SELECT e.id, 'establish', e.established_on, jsonb_strip_nulls(jsonb_build_object(
              'type', e.type, 'uscc', e.uscc, 'name', e.name, 'address', e.address,
              'establishedOn', e.established_on, 'legalRepName', e.legal_rep_name,
              'legalRepIdNumber', e.legal_rep_id_masked, 'phone', e.phone, 'regionCode', e.region_code,
              'stationId', e.station_id, 'industryCode', e.industry_code,
              'registeredCapitalFen', e.registered_capital_fen, 'businessScope', e.business_scope)),
            $2, $3
       FROM entities e WHERE e.uscc = ANY($1::text[])
     RETURNING 1)
     SELECT count(*)::int AS n FROM inserted`,
    [usccs, note, actorId],
  );
  return row?.n ?? 0;
}
