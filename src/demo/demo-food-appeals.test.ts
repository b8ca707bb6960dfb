import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeGradedBusiness } from '../../tests/helpers/food-appeal-factories.ts';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
import { packagedCalendar } from '../domain/working-days.ts';
import { loadDemoFoodAppeals } from './demo-food-appeals.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.close());

test('the appeals demo: uses grades it finds, makes them where none exist, and can run on a database without them', async () => {
  const q = t.db;
  const today = shanghaiToday();
  const none = await loadDemoFoodAppeals(q, { today, calendar: packagedCalendar });
  assert.match(none, /跳过/);
  const withGrade = await makeGradedBusiness(q, { station: 's01', gradedOn: today, inspectors: ['s01.inspector'] });
  for (let i = 0; i < 3; i++) {
    const b = await makeGradedBusiness(q, { station: 's02', gradedOn: today, inspectors: ['s02.inspector'] });
    await q.query('DELETE FROM food_grades WHERE business_id = $1', [b.businessId]);
  }
  await q.query(`UPDATE entities SET industry_code = '6210' WHERE id IN (SELECT entity_id FROM food_businesses)`);
  const started = Date.now();
  const line = await loadDemoFoodAppeals(q, { today, calendar: packagedCalendar });
  assert.ok(Date.now() - started < 3000);
  assert.match(line, /申诉 3 件、答复 3 条、复评申请 2 件；其中 3 户尚无等级/);
  const rows = await q.query<{ status: string }>('SELECT status FROM food_grade_appeals ORDER BY status');
  assert.deepEqual(
    rows.map((r) => r.status),
    ['changed', 'pending', 'upheld'],
  );
  const current = await q.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM food_grades WHERE status = 'current' GROUP BY business_id HAVING count(*) > 1`,
  );
  assert.equal(current.length, 0);
  const used = await q.query(`SELECT 1 FROM food_grade_appeals WHERE grade_id = $1`, [withGrade.gradeId]);
  assert.equal(used.length, 1, 'the existing grade is appealed, not replaced');
  const planned = await q.query(`SELECT 1 FROM food_inspections WHERE kind = 'revisit' AND status = 'planned'`);
  assert.equal(planned.length, 1);
});
