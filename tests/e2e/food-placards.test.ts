import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TEntityFood } from '../../src/contracts/food.ts';
import type { TFoodPlacard } from '../../src/contracts/food-placards.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { type ApiClient, loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let chief: ApiClient;
let businessId = 0;
const today = shanghaiToday();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A dynamic grade as the grade engine writes it: the older current one superseded. */
async function grade(g: string, on: string) {
  const db = app.testDb.db;
  const [old] = await db.query<{ id: number }>(
    `SELECT id FROM food_grades WHERE business_id = $1 AND kind = 'dynamic' AND status = 'current'`,
    [businessId],
  );
  if (old)
    await db.query(`UPDATE food_grades SET status = 'superseded', superseded_on = $2 WHERE id = $1`, [old.id, on]);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO food_grades (business_id, kind, grade, score, graded_on) VALUES ($1, 'dynamic', $2, 80, $3) RETURNING id`,
    [businessId, g, on],
  );
  if (old) await db.query('UPDATE food_grades SET superseded_by = $2 WHERE id = $1', [old.id, row!.id]);
}

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const entity = (
    await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name: '桂城公示牌测试餐厅', stationId: s01.id }))
  ).body;
  chief = await loginAs(app, 's01.chief');
  const created = await chief.post('/api/v1/food/licences', {
    entityId: entity.id,
    kind: 'operation',
    licenceNo: 'JY24406050088881',
    categories: ['hotFood'],
    issuedOn: shift(-400),
    validUntil: shift(1000),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  businessId = (await chief.get<TEntityFood>(`/api/v1/food/entities/${entity.id}`)).body.business!.id;
  await grade('excellent', shift(-30));
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('print a placard on the business page; its QR page shows 有效, then 已被取代 in red after a downgrade, and 伪造 when edited', async () => {
  const staff = await openSession(browser, app);
  await loginViaUi(staff.page, 's01.chief');
  await staff.page.goto(`/food/businesses/${businessId}?tab=placards`);
  const card = staff.page.getByTestId('food-placards');
  await card.getByTestId('placard-issue').click();
  await card.getByTestId('placard-pdf-A5').first().waitFor();
  const [placard] = (await chief.get<TFoodPlacard[]>(`/api/v1/food/businesses/${businessId}/placards`)).body;
  assert.ok(placard);
  const pdf = await staff.page.request.get(`/api/v1/food/placards/${placard.id}/pdf?size=A5`);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');

  const phone = await openSession(browser, app, { phone: true });
  const path = new URL(placard.url).pathname + new URL(placard.url).search;
  await phone.page.goto(path);
  const verdict = phone.page.getByTestId('placard-verdict');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-status'), 'valid');
  assert.match(await textOf(phone.page.getByTestId('placard-verify')), /桂城公示牌测试餐厅[\s\S]*JY24406050088881/);

  await grade('fair', shift(-1));
  // The answer may be cached for a minute by a browser: a new visit asks again.
  const later = await openSession(browser, app, { phone: true });
  await later.page.goto(path);
  await later.page.getByTestId('placard-verdict').waitFor();
  assert.equal(await later.page.getByTestId('placard-verdict').getAttribute('data-status'), 'superseded');
  assert.match(await textOf(later.page.getByTestId('placard-detail')), new RegExp(`已于${shift(-1)}被“一般`));

  await later.page.goto(path.replace('g=excellent', 'g=good'));
  await later.page.locator('[data-status="forged"]').waitFor();
  assert.match(await textOf(later.page.getByTestId('placard-verify')), /伪造\/无效/);
  assert.deepEqual([...staff.errors, ...phone.errors, ...later.errors], []);
});
