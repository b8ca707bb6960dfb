import type { Queryable } from '../../../db/client.ts';

export interface EntityBrief {
  id: number;
  uscc: string;
  name: string;
  stationId: number;
  stationName: string;
  createdBy: number | null;
  establishedOn: string;
}

export async function entitiesFor(db: Queryable, ids: number[], usccs: string[]): Promise<EntityBrief[]> {
  return db.query<EntityBrief>(
    `SELECT e.id, e.uscc, e.name, e.station_id AS "stationId", u.name AS "stationName", e.created_by AS "createdBy",
            e.established_on AS "establishedOn"
       FROM entities e JOIN org_units u ON u.id = e.station_id
      WHERE e.id = ANY($1::bigint[]) OR e.uscc = ANY($2::text[])`,
    [ids, usccs],
  );
}

/** Records filings; an already recorded (entity, year) keeps its first filing date. Returns the entities written. */
export async function insertReports(
  tx: Queryable,
  rows: { entityId: number; reportYear: number; filedOn: string }[],
  source: 'entered' | 'import',
  createdBy: number,
): Promise<number[]> {
  const written = await tx.query<{ entity_id: number }>(
    `INSERT INTO annual_reports (entity_id, report_year, filed_on, source, created_by)
     SELECT t.entity_id, t.report_year, t.filed_on, $4, $5
       FROM unnest($1::bigint[], $2::int[], $3::date[]) AS t(entity_id, report_year, filed_on)
     ON CONFLICT (entity_id, report_year) DO NOTHING RETURNING entity_id`,
    [rows.map((r) => r.entityId), rows.map((r) => r.reportYear), rows.map((r) => r.filedOn), source, createdBy],
  );
  return written.map((r) => r.entity_id);
}

export async function reportsOf(db: Queryable, entityId: number) {
  return db.query<{ reportYear: number; filedOn: string }>(
    `SELECT report_year AS "reportYear", filed_on AS "filedOn" FROM annual_reports WHERE entity_id = $1
      ORDER BY report_year DESC LIMIT 20`,
    [entityId],
  );
}

/** The first report year the registry holds any filing for (null: none at all): years before it are unknown here. */
export async function earliestReportYear(db: Queryable): Promise<number | null> {
  const [row] = await db.query<{ year: number | null }>('SELECT min(report_year) AS year FROM annual_reports');
  return row?.year ?? null;
}
