import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { MeasureKind } from '../../../domain/case-measures.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { caseKind } from '../access.ts';

export interface MeasureRow {
  id: number;
  caseId: number;
  kind: MeasureKind;
  items: string;
  startedOn: string;
  dueOn: string;
  firstDueOn: string;
  extended: boolean;
  extensionReason: string | null;
  extendedOn: string | null;
  endedOn: string | null;
  outcome: string | null;
  createdBy: number | null;
  createdAt: string;
}

const measureSelect = `SELECT m.id, m.case_id AS "caseId", m.kind, m.items, m.started_on AS "startedOn", m.due_on AS "dueOn",
    coalesce(m.first_due_on, m.due_on) AS "firstDueOn", m.extended, m.extension_reason AS "extensionReason",
    m.extended_on AS "extendedOn", m.ended_on AS "endedOn", m.outcome, m.created_by AS "createdBy",
    m.created_at AS "createdAt"
  FROM case_measures m`;

export async function listMeasures(q: Queryable, caseId: number): Promise<MeasureRow[]> {
  return q.query<MeasureRow>(`${measureSelect} WHERE m.case_id = $1 ORDER BY m.id`, [caseId]);
}

export async function findMeasure(q: Queryable, id: number, lock = false): Promise<MeasureRow | undefined> {
  const [row] = await q.query<MeasureRow>(`${measureSelect} WHERE m.id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return row;
}

export async function insertMeasure(
  tx: Queryable,
  m: { caseId: number; kind: MeasureKind; items: string; startedOn: string; dueOn: string; createdBy: number },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO case_measures (case_id, kind, items, started_on, due_on, first_due_on, created_by)
     VALUES ($1, $2, $3, $4, $5, $5, $6) RETURNING id`,
    [m.caseId, m.kind, m.items, m.startedOn, m.dueOn, m.createdBy],
  );
  return row!.id;
}

/** The one extension: false when the measure was extended or ended meanwhile. */
export async function extendMeasure(
  tx: Queryable,
  id: number,
  e: { dueOn: string; reason: string; extendedOn: string },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE case_measures SET due_on = $2, extended = true, extension_reason = $3, extended_on = $4
      WHERE id = $1 AND NOT extended AND ended_on IS NULL RETURNING id`,
    [id, e.dueOn, e.reason, e.extendedOn],
  );
  return rows.length === 1;
}

export async function endMeasure(tx: Queryable, id: number, e: { endedOn: string; outcome: string }): Promise<boolean> {
  const rows = await tx.query(
    'UPDATE case_measures SET ended_on = $2, outcome = $3 WHERE id = $1 AND ended_on IS NULL RETURNING id',
    [id, e.endedOn, e.outcome],
  );
  return rows.length === 1;
}

export interface MeasureListRow extends MeasureRow {
  caseNo: string | null;
  caseTitle: string;
  stationId: number;
}

/** Measures in force across the cases the caller may read (caseKind's reach on alias c), the most urgent first. */
export async function listOpenMeasures(
  q: Queryable,
  reader: Actor,
  f: { dueBefore?: string; kind?: MeasureKind },
  limit: number,
): Promise<MeasureListRow[]> {
  const w = readableWhere(reader, caseKind, new Where()).add('m.ended_on IS NULL');
  w.addIf(f.dueBefore, 'm.due_on < ?').addIf(f.kind, 'm.kind = ?');
  return q.query<MeasureListRow>(
    `${measureSelect.replace(
      'FROM case_measures m',
      `, c.case_no AS "caseNo", c.title AS "caseTitle", c.station_id AS "stationId"
       FROM case_measures m JOIN cases c ON c.id = m.case_id`,
    )} ${w} ORDER BY m.due_on, m.id LIMIT ${limit}`,
    w.params,
  );
}
