import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';

/**
 * Small reference tables: their rows are never deleted in bulk (users and units are deactivated, files and
 * catalogue entries kept), so a reference to them needs no index of its own.
 */
const referenceTables = new Set([
  'users',
  'org_units',
  'stored_files',
  'spot_check_items',
  'food_checklist_items',
  'food_checklist_versions',
  'food_grading_rules',
  'food_placard_keys',
  'complaint_categories',
  'equipment_categories',
  'station_rating_checklists',
]);

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.close());

test('every foreign key to a table whose rows are deleted has an index led by its column', async () => {
  const missing = await t.db.query<{ fk: string; refs: string }>(
    `SELECT c.conrelid::regclass || '.' || a.attname AS fk, c.confrelid::regclass::text AS refs
       FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
      WHERE c.contype = 'f'
        AND NOT EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = c.conrelid AND i.indkey[0] = c.conkey[1])
      ORDER BY 1`,
  );
  assert.deepEqual(
    missing.filter((m) => !referenceTables.has(m.refs)).map((m) => `${m.fk} → ${m.refs}`),
    [],
    'add an index (partial WHERE col IS NOT NULL when nullable) in a migration',
  );
});
