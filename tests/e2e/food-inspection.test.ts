import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TFoodInspection } from '../../src/contracts/food-inspections.ts';
import { makeUscc } from '../../src/domain/uscc.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, webAppFixture } from './helpers.ts';

const web = webAppFixture();

test('phone: a planned food inspection is started, checked item by item, signed, submitted → grade face', async () => {
  const { app } = web;
  const db = app.testDb.db;
  const [e] = await db.query<{ id: number; stationId: number }>(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
     SELECT $1, 'individualBusiness', '手机检查示范餐馆', ''::tsvector, id, '2019-01-01' FROM org_units WHERE code = 's01'
     RETURNING id, station_id AS "stationId"`,
    [makeUscc('92', '440605', `G${String(process.pid % 1000).padStart(3, '0')}9001`)],
  );
  const [b] = await db.query<{ id: number }>(
    'INSERT INTO food_businesses (entity_id, station_id) VALUES ($1, $2) RETURNING id',
    [e!.id, e!.stationId],
  );
  await db.query(
    `INSERT INTO food_licences (business_id, kind, licence_no, categories, issued_on, valid_until, renewal_due_on)
     VALUES ($1, 'operation', 'JY14406050099001', ARRAY['hotFood'], '2021-01-01', '2026-12-31', '2026-11-01')`,
    [b!.id],
  );
  const api = await loginAs(app, 's01.inspector');
  const planned = await api.post<TFoodInspection>('/api/v1/food/inspections', { businessId: b!.id });
  assert.equal(planned.status, 201);
  const id = planned.body.id;

  const { context, page, errors } = await openSession(web.browser, app, { phone: true });
  await loginViaUi(page, 's01.inspector');
  await page.goto('/food/inspections');
  await page.getByTestId(`inspection-name-${id}`).click();
  await page.getByTestId('inspection-partners').click();
  await page.locator('.ant-select-item-option').first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('inspection-start').click();
  await page.getByTestId('outcome-CY-1.1').waitFor();
  assert.ok((await page.getByTestId('key-mark').count()) >= 5, '重点 marks on the checklist');

  // Two 一般 items fail with a note; the rest pass.
  for (const code of ['CY-1.2', 'CY-3.1']) {
    await page.getByTestId(`outcome-${code}`).getByText('不符合').click();
    await page.getByTestId(`notes-${code}`).fill('现场发现问题，已当场指出');
  }
  await page.getByTestId('inspection-all-pass').click();
  await page.getByTestId('inspection-save').click();
  await page.locator('.ant-message-notice').getByText('已保存').waitFor();
  await page.getByTestId('visit-signatures').waitFor();
  await page.getByTestId('inspection-submit').click();
  const result = page.getByTestId('inspection-result');
  await result.waitFor();
  await result.getByText('基本符合').waitFor();
  await result.getByTestId('grade-face-excellent').waitFor();
  const done = (await api.get<TFoodInspection>(`/api/v1/food/inspections/${id}`)).body;
  assert.equal(done.result, 'basicPass');
  assert.equal(done.score, 90);
  assert.ok(done.rectifyDueOn && done.followupId);
  await page.getByTestId('inspection-publish').click();
  await result.getByText('已公示').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
