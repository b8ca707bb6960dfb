import type { Queryable } from '../../../db/client.ts';

/** Case documents: their numbers (per issuing bureau, kind and year), their rows and what they are filled with. */

export interface IssuingBureau {
  id: number;
  code: string;
  name: string;
}

/**
 * The bureau in whose name a unit's documents go out: the unit itself when it is a bureau, else its nearest
 * bureau above (a station's 当场处罚 and a department's decision alike carry the bureau's number and seal).
 */
export async function issuingBureau(q: Queryable, unitId: number): Promise<IssuingBureau | undefined> {
  const [row] = await q.query<IssuingBureau>(
    `SELECT b.id, b.code, b.name
       FROM org_units u
       JOIN org_units b ON u.path LIKE b.path || '%'
      WHERE u.id = $1
      ORDER BY (b.kind = 'bureau') DESC, length(b.path) DESC
      LIMIT 1`,
    [unitId],
  );
  return row;
}

/**
 * Takes the next number of (bureau, kind, year). The upsert locks the counter row until the caller's transaction
 * ends: a concurrent taker waits and gets the next number; a rolled-back transaction gives its number back.
 */
export async function takeSequence(q: Queryable, unitId: number, kind: string, year: number): Promise<number> {
  const [row] = await q.query<{ last_seq: number }>(
    `INSERT INTO case_document_counters AS k (unit_id, kind, year, last_seq) VALUES ($1, $2, $3, 1)
     ON CONFLICT (unit_id, kind, year) DO UPDATE SET last_seq = k.last_seq + 1
     RETURNING k.last_seq`,
    [unitId, kind, year],
  );
  return row!.last_seq;
}

export interface NewDocumentRow {
  caseId: number | null;
  leadId: number | null;
  kind: string;
  unitId: number;
  year: number;
  seq: number;
  docNo: string;
  data: Record<string, unknown>;
  createdBy: number | null;
}

export async function insertDocument(q: Queryable, d: NewDocumentRow): Promise<number> {
  const [row] = await q.query<{ id: number }>(
    `INSERT INTO case_documents (case_id, lead_id, kind, unit_id, year, seq, doc_no, data, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [d.caseId, d.leadId, d.kind, d.unitId, d.year, d.seq, d.docNo, JSON.stringify(d.data), d.createdBy],
  );
  return row!.id;
}

export interface DocumentRow {
  id: number;
  caseId: number | null;
  leadId: number | null;
  kind: string;
  docNo: string;
  year: number;
  seq: number;
  data: Record<string, unknown>;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
}

const documentColumns = `d.id, d.case_id AS "caseId", d.lead_id AS "leadId", d.kind, d.doc_no AS "docNo", d.year, d.seq,
  d.data, d.created_by AS "createdBy", u.display_name AS "createdByName", d.created_at AS "createdAt"`;

export async function documentById(q: Queryable, id: number): Promise<DocumentRow | undefined> {
  const [row] = await q.query<DocumentRow>(
    `SELECT ${documentColumns} FROM case_documents d LEFT JOIN users u ON u.id = d.created_by WHERE d.id = $1`,
    [id],
  );
  return row;
}

/** A case's documents, in the order they were issued. */
export async function documentsOfCase(q: Queryable, caseId: number): Promise<DocumentRow[]> {
  return q.query<DocumentRow>(
    `SELECT ${documentColumns} FROM case_documents d LEFT JOIN users u ON u.id = d.created_by
      WHERE d.case_id = $1 ORDER BY d.id`,
    [caseId],
  );
}

/** A lead's documents (不予立案审批表). */
export async function documentsOfLead(q: Queryable, leadId: number): Promise<DocumentRow[]> {
  return q.query<DocumentRow>(
    `SELECT ${documentColumns} FROM case_documents d LEFT JOIN users u ON u.id = d.created_by
      WHERE d.lead_id = $1 ORDER BY d.id`,
    [leadId],
  );
}

export interface CaseReachRow {
  stationId: number;
  createdBy: number | null;
  isOfficer: boolean;
}

/** What decides whether the caller reads a case (modules/cases/access.ts caseReach). */
export async function caseReachRow(q: Queryable, caseId: number, userId: number): Promise<CaseReachRow | undefined> {
  const [row] = await q.query<CaseReachRow>(
    `SELECT c.station_id AS "stationId", c.created_by AS "createdBy",
            EXISTS (SELECT 1 FROM case_officers o WHERE o.case_id = c.id AND o.user_id = $2) AS "isOfficer"
       FROM cases c WHERE c.id = $1`,
    [caseId, userId],
  );
  return row;
}

export interface LeadReachRow {
  stationId: number;
  createdBy: number | null;
  assignedTo: number | null;
}

export async function leadReachRow(q: Queryable, leadId: number): Promise<LeadReachRow | undefined> {
  const [row] = await q.query<LeadReachRow>(
    `SELECT l.station_id AS "stationId", l.created_by AS "createdBy", l.assigned_to AS "assignedTo"
       FROM case_leads l WHERE l.id = $1`,
    [leadId],
  );
  return row;
}
