import type { Queryable } from '../../../db/client.ts';
import type { Where } from '../../../db/sql.ts';
import type { RepairCondition } from '../../../domain/credit-rules.ts';
import type { RepairStatus } from '../../../domain/credit-workflow.ts';
import { updateVersioned } from '../../../platform/versioned-update.ts';

export interface RepairRow {
  id: number;
  entityId: number;
  entityName: string;
  uscc: string;
  listingId: number;
  list: 'abnormal' | 'serious';
  stationId: number;
  stationName: string;
  status: RepairStatus;
  applicantName: string;
  applicationText: string;
  appliedOn: string;
  conditions: RepairCondition[] | null;
  reviewOpinion: string | null;
  decisionNo: string | null;
  decisionReason: string | null;
  decidedOn: string | null;
  documentFileId: number | null;
  createdBy: number | null;
  version: number;
}

const cols = `r.id, r.entity_id AS "entityId", e.name AS "entityName", e.uscc, r.listing_id AS "listingId", l.list,
  r.station_id AS "stationId", u.name AS "stationName", r.status,
  r.applicant_name AS "applicantName", r.application_text AS "applicationText", r.applied_on AS "appliedOn",
  r.conditions, r.review_opinion AS "reviewOpinion", r.decision_no AS "decisionNo",
  r.decision_reason AS "decisionReason", r.decided_on AS "decidedOn", r.document_file_id AS "documentFileId",
  r.created_by AS "createdBy", r.version`;
const from = `credit_repairs r JOIN entities e ON e.id = r.entity_id JOIN credit_listings l ON l.id = r.listing_id
  JOIN org_units u ON u.id = r.station_id`;

export async function insertRepair(
  tx: Queryable,
  r: {
    entityId: number;
    listingId: number;
    stationId: number;
    applicantName: string;
    applicationText: string;
    appliedOn: string;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO credit_repairs (entity_id, listing_id, station_id, status, applicant_name, application_text, applied_on,
       created_by) VALUES ($1, $2, $3, 'applied', $4, $5, $6, $7) RETURNING id`,
    [r.entityId, r.listingId, r.stationId, r.applicantName, r.applicationText, r.appliedOn, r.createdBy],
  );
  return row!.id;
}

export async function findRepair(db: Queryable, id: number): Promise<RepairRow | undefined> {
  const [row] = await db.query<RepairRow>(`SELECT ${cols} FROM ${from} WHERE r.id = $1`, [id]);
  return row;
}

/** One page of applications, newest first, within `scope` (the caller's readable applications, alias r). */
export async function listRepairs(
  db: Queryable,
  scope: Where,
  q: { status?: RepairStatus; entityId?: number; beforeId?: number },
  limit: number,
): Promise<RepairRow[]> {
  const w = scope.addIf(q.status, 'r.status = ?').addIf(q.entityId, 'r.entity_id = ?').addIf(q.beforeId, 'r.id < ?');
  const lim = w.param(limit);
  return db.query<RepairRow>(`SELECT ${cols} FROM ${from} ${w} ORDER BY r.id DESC LIMIT ${lim}`, w.params);
}

/** Review or decision, if nobody changed the application since `version`. */
export async function updateRepair(
  tx: Queryable,
  key: { id: number; version: number },
  set: {
    status: RepairStatus;
    review_opinion?: string;
    conditions?: RepairCondition[];
    decision_no?: string;
    decision_reason?: string;
    decided_on?: string;
  },
): Promise<boolean> {
  const { conditions, ...rest } = set;
  return updateVersioned(
    tx,
    'credit_repairs',
    key,
    conditions ? { ...rest, conditions: JSON.stringify(conditions) } : rest,
    { conditions: 'jsonb' },
  );
}

/** The report year behind a listing (a serious listing's comes from the abnormal listing it grew from). */
export async function dutyFacts(db: Queryable, listingId: number) {
  const [row] = await db.query<{ reportYear: number | null; reportFiled: boolean }>(
    `SELECT COALESCE(l.report_year, s.report_year) AS "reportYear",
            EXISTS (SELECT 1 FROM annual_reports a WHERE a.entity_id = l.entity_id
                      AND a.report_year = COALESCE(l.report_year, s.report_year)) AS "reportFiled"
       FROM credit_listings l LEFT JOIN credit_listings s ON s.id = l.source_listing_id WHERE l.id = $1`,
    [listingId],
  );
  return row ?? { reportYear: null, reportFiled: false };
}

export async function setRepairDocument(tx: Queryable, id: number, fileId: number): Promise<void> {
  await tx.query('UPDATE credit_repairs SET document_file_id = $2 WHERE id = $1', [id, fileId]);
}
