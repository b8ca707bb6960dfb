import type { TEntityStatus, TEntityType } from '../../../contracts/entities.ts';
import type { Queryable } from '../../../db/client.ts';
import { type EntitySelection, entityWhere } from '../repo.ts';

export interface ExportRow {
  id: number;
  uscc: string;
  type: TEntityType;
  name: string;
  address: string | null;
  establishedOn: string;
  legalRepName: string | null;
  legalRepIdMasked: string | null;
  phone: string | null;
  regionCode: string | null;
  stationCode: string;
  stationName: string;
  industryCode: string | null;
  registeredCapitalFen: number | null;
  businessScope: string | null;
  status: TEntityStatus;
}

/** One keyset batch, newest first like the list; `s` holds the list's filters, the scope and the cursor. */
export async function exportBatch(db: Queryable, s: EntitySelection, limit: number): Promise<ExportRow[]> {
  const w = entityWhere(s);
  const lim = w.param(limit);
  return db.query<ExportRow>(
    `SELECT e.id, e.uscc, e.type, e.name, e.address, e.established_on AS "establishedOn",
            e.legal_rep_name AS "legalRepName", e.legal_rep_id_masked AS "legalRepIdMasked", e.phone,
            e.region_code AS "regionCode", o.code AS "stationCode", o.name AS "stationName",
            e.industry_code AS "industryCode", e.registered_capital_fen AS "registeredCapitalFen",
            e.business_scope AS "businessScope", e.status
       FROM entities e JOIN org_units o ON o.id = e.station_id ${w} ORDER BY e.id DESC LIMIT ${lim}`,
    w.params,
  );
}
