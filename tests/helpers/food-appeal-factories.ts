import type { Queryable } from '../../src/db/client.ts';
import { makeUscc } from '../../src/domain/uscc.ts';

let seq = 0;

/**
 * A food business in a station with a done inspection on a visit by the given inspectors and a current grade, by
 * SQL (the grade engine is another part's): what an appeal, a reply or a re-rating request needs.
 */
export async function makeGradedBusiness(
  q: Queryable,
  p: { station: string; gradedOn: string; grade?: string; inspectors: string[]; name?: string },
): Promise<{ businessId: number; gradeId: number; inspectionId: number; entityId: number }> {
  seq++;
  const uscc = makeUscc(
    '92',
    '440605',
    `A${String(process.pid % 1000).padStart(3, '0')}${String(seq).padStart(4, '0')}`,
  );
  const [entity] = await q.query<{ id: number; stationId: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     SELECT $1, 'individualBusiness', $2, ''::tsvector, id, '2020-01-01' FROM org_units WHERE code = $3
     RETURNING id, station_id AS "stationId"`,
    [uscc, p.name ?? `申诉测试${seq}号餐馆`, p.station],
  );
  const [business] = await q.query<{ id: number }>(
    'INSERT INTO food_businesses (entity_id, station_id) VALUES ($1, $2) RETURNING id',
    [entity!.id, entity!.stationId],
  );
  await q.query(
    `INSERT INTO spot_check_inspectors (name, department_id, station_id, user_id)
     SELECT u.display_name, u.unit_id, u.unit_id, u.id FROM users u WHERE u.username = ANY($1::text[])
     ON CONFLICT (user_id) DO NOTHING`,
    [p.inspectors],
  );
  const [visit] = await q.query<{ id: number }>(
    `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids, status, inspected_on)
     SELECT -$1::bigint, $1, $2, '{}', ARRAY(SELECT i.id FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id
       WHERE u.username = ANY($3::text[]) ORDER BY i.id), 'inspected', $4 RETURNING id`,
    [entity!.id, entity!.stationId, p.inspectors, p.gradedOn],
  );
  const [inspection] = await q.query<{ id: number }>(
    `INSERT INTO food_inspections (business_id, visit_id, kind, status, inspected_on, result, score, station_id)
     VALUES ($1, $2, 'routine', 'done', $3, 'basicPass', 72, $4) RETURNING id`,
    [business!.id, visit!.id, p.gradedOn, entity!.stationId],
  );
  const [grade] = await q.query<{ id: number }>(
    `INSERT INTO food_grades (business_id, kind, grade, score, inspection_id, graded_on)
     VALUES ($1, 'dynamic', $2, 72, $3, $4) RETURNING id`,
    [business!.id, p.grade ?? 'fair', inspection!.id, p.gradedOn],
  );
  return {
    businessId: Number(business!.id),
    gradeId: Number(grade!.id),
    inspectionId: Number(inspection!.id),
    entityId: Number(entity!.id),
  };
}
