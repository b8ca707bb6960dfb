import type { Queryable } from '../../../db/client.ts';
import type { Where } from '../../../db/sql.ts';
import type { ComplaintKind, ComplaintStatus } from '../../../domain/complaint-workflow.ts';

export interface ComplaintHitRow {
  id: number;
  trackingCode: string;
  kind: ComplaintKind;
  status: ComplaintStatus;
  receivedOn: string;
  stationName: string;
  businessName: string | null;
}

/** The item with this 查询码 (unique index), if the caller may read it (`readable`: access.ts readableWhere). */
export async function complaintsByTrackingCode(db: Queryable, readable: Where, code: string) {
  const w = readable.add('c.tracking_code = ?', code);
  return db.query<ComplaintHitRow>(
    `SELECT c.id, c.tracking_code AS "trackingCode", c.kind, c.status, c.received_on AS "receivedOn",
            o.name AS "stationName", c.business_name AS "businessName"
       FROM complaints c JOIN org_units o ON o.id = c.station_id ${w}`,
    w.params,
  );
}
