import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { insertEntities } from '../../tests/helpers/spot-check-factories.ts';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { createCalendarService } from '../modules/calendar/service.ts';
import { createFileService } from '../modules/files/service.ts';
import { loadDemoSpotChecks } from './demo-spot-checks.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.close());

test('the demo has a catalog, ≈ 60 inspectors (some linked to accounts) and a finished joint task', async () => {
  const { db } = t;
  const [counts] = await db.query<{ items: number; inspectors: number; linked: number; departments: number }>(
    `SELECT (SELECT count(*)::int FROM spot_check_items) AS items,
            (SELECT count(*)::int FROM spot_check_inspectors) AS inspectors,
            (SELECT count(*)::int FROM spot_check_inspectors WHERE user_id IS NOT NULL) AS linked,
            (SELECT count(DISTINCT department_id)::int FROM spot_check_items) AS departments`,
  );
  assert.ok(counts!.items >= 10 && counts!.departments >= 5);
  assert.ok(counts!.inspectors >= 55 && counts!.inspectors <= 65);
  assert.equal(counts!.linked, 16);

  await insertEntities(db, { count: 600, stationCode: 's01', riskClass: null });
  const calendar = createCalendarService(db);
  const { visits } = await loadDemoSpotChecks(db, {
    calendar: calendar.calendar,
    files: createFileService(db, { maxBytes: 1 }),
  });
  assert.ok(visits > 0);
  const [state] = await db.query<{ drawn: number; published: number; inspected: number }>(
    `SELECT (SELECT count(*)::int FROM spot_check_tasks WHERE status = 'closed') AS drawn,
            (SELECT count(*)::int FROM spot_check_visits WHERE status = 'published') AS published,
            (SELECT count(*)::int FROM spot_check_visits WHERE status = 'inspected') AS inspected`,
  );
  assert.equal(state!.drawn, 1);
  assert.equal(state!.published + state!.inspected, visits);
  assert.ok(state!.published > 0 && state!.inspected > 0);
});
