import type { Queryable } from '../../../db/client.ts';
import { Where } from '../../../db/sql.ts';
import type { PlacardGrade } from '../../../domain/food-placard.ts';
import { readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { foodBusinessKind } from '../../food/access.ts';

/** A food business with the current grade of one kind, as issuing a placard needs it. */
export interface BusinessGradeRow {
  businessId: number;
  stationId: number;
  createdBy: number | null;
  inspectorId: number | null;
  uscc: string;
  gradeId: number | null;
  grade: string | null;
}

export async function businessWithGrade(
  db: Queryable,
  businessId: number,
  kind: 'dynamic' | 'annual',
): Promise<BusinessGradeRow | undefined> {
  const [row] = await db.query<BusinessGradeRow>(
    `SELECT fb.id AS "businessId", fb.station_id AS "stationId", fb.created_by AS "createdBy",
            fb.inspector_id AS "inspectorId", e.uscc, g.id AS "gradeId", g.grade
       FROM food_businesses fb JOIN entities e ON e.id = fb.entity_id
       LEFT JOIN food_grades g ON g.business_id = fb.id AND g.kind = $2 AND g.status = 'current'
      WHERE fb.id = $1`,
    [businessId, kind],
  );
  return row;
}

/** Inserts the placard; the signature (over the id) is written by setSignature in the same transaction. */
export async function insertPlacard(
  tx: Queryable,
  p: {
    businessId: number;
    gradeId: number;
    uscc: string;
    grade: PlacardGrade;
    issuedOn: string;
    kid: string;
    createdBy: number;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `INSERT INTO food_placards (business_id, grade_id, uscc, grade, issued_on, kid, signature, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, '', $7) RETURNING id`,
    [p.businessId, p.gradeId, p.uscc, p.grade, p.issuedOn, p.kid, p.createdBy],
  );
  return Number(row!.id);
}

export async function setSignature(tx: Queryable, id: number, signature: string): Promise<void> {
  await tx.query('UPDATE food_placards SET signature = $2 WHERE id = $1', [id, signature]);
}

export interface PlacardRow {
  id: number;
  businessId: number;
  gradeId: number;
  uscc: string;
  grade: PlacardGrade;
  issuedOn: string;
  kid: string;
  signature: string;
  gradeStatus: 'current' | 'superseded' | 'withdrawn';
  createdByName: string | null;
  createdAt: string;
  stationId: number;
  createdBy: number | null;
  inspectorId: number | null;
}

const cols = `p.id::int AS id, p.business_id::int AS "businessId", p.grade_id::int AS "gradeId", p.uscc, p.grade,
  p.issued_on::text AS "issuedOn", p.kid, p.signature, g.status AS "gradeStatus", u.display_name AS "createdByName",
  p.created_at AS "createdAt", fb.station_id AS "stationId", fb.created_by AS "createdBy", fb.inspector_id AS "inspectorId"`;
const from = `food_placards p JOIN food_grades g ON g.id = p.grade_id JOIN food_businesses fb ON fb.id = p.business_id
  LEFT JOIN users u ON u.id = p.created_by`;

export async function getPlacard(db: Queryable, id: number): Promise<PlacardRow | undefined> {
  const [row] = await db.query<PlacardRow>(`SELECT ${cols} FROM ${from} WHERE p.id = $1`, [id]);
  return row;
}

export async function listPlacards(db: Queryable, actor: Actor, businessId: number, limit: number) {
  const w = readableWhere(actor, foodBusinessKind, new Where()).add('p.business_id = ?', businessId);
  return db.query<PlacardRow>(`SELECT ${cols} FROM ${from} ${w} ORDER BY p.id DESC LIMIT ${w.param(limit)}`, w.params);
}

/** What the printed placard shows besides the signed fields. */
export interface PlacardPrintRow {
  entityName: string;
  licenceNo: string | null;
  /** The inspection the grade came from, else the grade's date. */
  inspectedOn: string;
  kind: 'dynamic' | 'annual';
}

export async function printFacts(db: Queryable, placardId: number): Promise<PlacardPrintRow | undefined> {
  const [row] = await db.query<PlacardPrintRow>(
    `SELECT e.name AS "entityName", g.kind,
            (SELECT fl.licence_no FROM food_licences fl WHERE fl.business_id = p.business_id AND fl.status = 'active'
              ORDER BY fl.id DESC LIMIT 1) AS "licenceNo",
            COALESCE(fi.inspected_on, g.graded_on)::text AS "inspectedOn"
       FROM food_placards p JOIN food_grades g ON g.id = p.grade_id
       JOIN food_businesses fb ON fb.id = p.business_id JOIN entities e ON e.id = fb.entity_id
       LEFT JOIN food_inspections fi ON fi.id = g.inspection_id
      WHERE p.id = $1`,
    [placardId],
  );
  return row;
}

/** Everything the public answer needs for one scanned placard, by primary keys and partial unique indexes only. */
export interface PlacardCheckRow {
  id: number;
  uscc: string;
  grade: PlacardGrade;
  issuedOn: string;
  kid: string;
  stationId: number;
  entityName: string;
  licenceNo: string | null;
  gradeStatus: 'current' | 'superseded' | 'withdrawn';
  supersededOn: string | null;
  supersededBy: string | null;
  currentGrade: string | null;
  currentGradedOn: string | null;
  inspectedOn: string | null;
  result: 'pass' | 'basicPass' | 'fail' | null;
}

export async function placardCheck(db: Queryable, placardId: number): Promise<PlacardCheckRow | undefined> {
  // food_placard_check (migration 20261206300000) holds the query: a function's plan is cached per connection.
  const [row] = await db.query<PlacardCheckRow>(
    `SELECT id, uscc, grade, issued_on AS "issuedOn", kid, station_id AS "stationId", entity_name AS "entityName",
            licence_no AS "licenceNo", grade_status AS "gradeStatus", superseded_on AS "supersededOn",
            superseded_by AS "supersededBy", current_grade AS "currentGrade", current_graded_on AS "currentGradedOn",
            inspected_on AS "inspectedOn", result
       FROM food_placard_check($1)`,
    [placardId],
  );
  return row;
}

/** The bureau above a station (the authority named on the placard). */
export async function bureauNameOf(db: Queryable, unitId: number): Promise<string | undefined> {
  const [row] = await db.query<{ name: string }>(
    `SELECT b.name FROM org_units u JOIN org_units b ON u.path LIKE b.path || '%'
      WHERE u.id = $1 ORDER BY (b.kind = 'bureau') DESC, length(b.path) DESC LIMIT 1`,
    [unitId],
  );
  return row?.name;
}
