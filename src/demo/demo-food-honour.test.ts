import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeFoodBusiness } from '../../tests/helpers/food-public-fixtures.ts';
import { createTestDb, type TestDb } from '../../tests/helpers/test-db.ts';
import { shanghaiToday } from '../domain/shanghai-date.ts';
import { loadDemoFoodHonour } from './demo-food-honour-repo.ts';

let t: TestDb;
before(async () => {
  t = await createTestDb();
});
after(() => t.close());

test('the demo publishes last month’s 红黑榜 for every station even when no grades exist yet', async () => {
  for (let i = 0; i < 48; i++)
    await makeFoodBusiness(t.db, { station: i % 2 ? 's01' : 's02', name: `演示红黑榜${i}号餐馆` });
  const out = await loadDemoFoodHonour(t.db, shanghaiToday());
  assert.ok(out.lists >= 2);
  assert.ok(out.red + out.black > 0, JSON.stringify(out));
  const [row] = await t.db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM food_honour_lists WHERE status = 'published'",
  );
  assert.equal(row!.n, out.lists);
  const again = await loadDemoFoodHonour(t.db, shanghaiToday());
  assert.equal(again.lists, 0, 'a second load drafts nothing new');
});
