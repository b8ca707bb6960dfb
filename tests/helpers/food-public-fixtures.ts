import type { Db } from '../../src/db/client.ts';
import { bigramTsvector } from '../../src/domain/bigrams.ts';
import { makeUscc } from '../../src/domain/uscc.ts';

/**
 * Rows the 红黑榜 and public pages read, written straight into the tables other parts of issue 13 own
 * (food_inspections, food_grades, food_grade_replies), as those parts' services would leave them.
 */
let seq = 0;

export async function makeFoodBusiness(
  db: Db,
  p: { station: string; name: string; licenceNo?: string; workshop?: boolean; address?: string },
): Promise<{ id: number; entityId: number; stationId: number }> {
  seq++;
  const subject = `P${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`;
  const [entity] = await db.query<{ id: number; stationId: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, address)
     SELECT $1, 'individualBusiness', $2, $3::tsvector, id, '2020-01-01', $5 FROM org_units WHERE code = $4
     RETURNING id, station_id AS "stationId"`,
    [makeUscc('92', '440605', subject), p.name, bigramTsvector(p.name), p.station, p.address ?? null],
  );
  const [fb] = await db.query<{ id: number }>(
    'INSERT INTO food_businesses (entity_id, station_id) VALUES ($1, $2) RETURNING id',
    [entity!.id, entity!.stationId],
  );
  const licenceNo =
    p.licenceNo ?? `JY2440605${String(process.pid % 100).padStart(2, '0')}${String(seq).padStart(5, '0')}`;
  await db.query(
    `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on)
     VALUES ($1, $2, $3, '{hotFood}', '2024-01-10', '2029-01-09', '2028-11-20')`,
    [fb!.id, p.workshop ? 'workshop' : 'operation', licenceNo],
  );
  return { id: fb!.id, entityId: entity!.id, stationId: entity!.stationId };
}

export async function addInspection(
  db: Db,
  b: { id: number; stationId: number },
  p: { on: string; result: 'pass' | 'basicPass' | 'fail'; score?: number },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO food_inspections (business_id, kind, status, planned_on, inspected_on, result, score, station_id)
     VALUES ($1, 'routine', 'done', $2, $2, $3, $4, $5) RETURNING id`,
    [b.id, p.on, p.result, p.score ?? null, b.stationId],
  );
  return row!.id;
}

/** A new current grade; the business's current grade of that kind becomes superseded by it. */
export async function addGrade(
  db: Db,
  businessId: number,
  p: { kind?: 'dynamic' | 'annual'; grade: string; on: string; year?: number },
): Promise<number> {
  const kind = p.kind ?? 'dynamic';
  return db.transaction(async (tx) => {
    const [old] = await tx.query<{ id: number }>(
      "SELECT id FROM food_grades WHERE business_id = $1 AND kind = $2 AND status = 'current'",
      [businessId, kind],
    );
    if (old) await tx.query("UPDATE food_grades SET status = 'superseded' WHERE id = $1", [old.id]);
    const [row] = await tx.query<{ id: number }>(
      `INSERT INTO food_grades (business_id, kind, grade, graded_on, year) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [businessId, kind, p.grade, p.on, p.year ?? null],
    );
    if (old)
      await tx.query('UPDATE food_grades SET superseded_by = $2, superseded_on = $3 WHERE id = $1', [
        old.id,
        row!.id,
        p.on,
      ]);
    return row!.id;
  });
}

export async function addReply(db: Db, businessId: number, gradeId: number, body: string, published: boolean) {
  await db.query(
    `INSERT INTO food_grade_replies (business_id, grade_id, body, status, published_at)
     VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'published' THEN now() END)`,
    [businessId, gradeId, body, published ? 'published' : 'submitted'],
  );
}
