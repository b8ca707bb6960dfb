import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { bigramTsvector } from '../../src/domain/bigrams.ts';
import { makeUscc } from '../../src/domain/uscc.ts';
import type { TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, pickOption, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
const uscc = makeUscc('91', '440605', 'E0000009');
const name = '康健医疗器械有限公司';

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  await app.testDb.db.query(
    `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, region_code)
     SELECT $1, 'enterprise', $2, $3::tsvector, id, '2018-01-01', '440605011001' FROM org_units WHERE code = 's01'`,
    [uscc, name, bigramTsvector(name)],
  );
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const count = async (table: string) =>
  (await app.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

async function selectIn(page: Page, select: Locator, label: string) {
  await select.click();
  const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])');
  await dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'detached', timeout: 5000 });
}

test('on a phone the chief registers a device business (a bad number refused on its field), reports an adverse event and starts its assessment', async () => {
  const { page, errors, context } = await openSession(browser, app, { phone: true });
  await loginViaUi(page, 's01.chief');
  await page.goto('/drugs/cd-businesses');
  await page.getByTestId('cd-businesses-table').waitFor();
  await page.getByTestId('cd-business-add').click();
  const drawer = page.getByTestId('cd-business-drawer');
  await drawer.getByTestId('cd-business-no').waitFor();
  await pickOption(page, 'cd-business-entity', '康健医疗', `${name} (${uscc})`, drawer.getByTestId('cd-business-no'));
  await selectIn(page, drawer.getByTestId('cd-business-category'), '医疗器械');
  await drawer.getByTestId('cd-business-no').fill('粤佛药监械经营许2020001号');
  await drawer.getByTestId('cd-business-save').click();
  await drawer.getByText('医疗器械许可编号格式不正确（例：粤佛药监械经营许20200001号）').waitFor();
  assert.equal(await count('cd_businesses'), 0);

  await drawer.getByTestId('cd-business-no').fill('粤佛药监械经营许20200001号');
  await drawer.getByTestId('cd-business-save').click();
  await drawer.waitFor({ state: 'hidden' });
  const table = page.getByTestId('cd-businesses-table');
  await table.getByRole('link', { name }).click();
  await page.getByTestId('cd-business-card').getByText('粤佛药监械经营许20200001号').waitFor();

  await page.getByTestId('cd-event-add').click();
  const modal = page.getByTestId('cd-event-modal');
  await modal.getByTestId('cd-event-product').fill('一次性使用输液器');
  await modal.getByTestId('cd-event-regno').fill('粤佛械备2020001');
  await modal.getByTestId('cd-event-description').fill('患者输液后出现寒战、发热');
  await page.getByTestId('cd-event-save').click();
  await modal.getByText('医疗器械产品注册证/备案编号格式不正确').waitFor();
  await modal.getByTestId('cd-event-regno').fill('国械注准20163461234');
  await page.getByTestId('cd-event-save').click();
  const events = page.getByTestId('cd-business-events');
  await events.getByText('一次性使用输液器').waitFor();
  const [ev] = await app.testDb.db.query<{ id: number }>('SELECT id FROM cd_adverse_events');
  await events.getByTestId(`cd-event-status-${ev!.id}`).getByText('已报告').waitFor();
  // From 已报告 the table allows 开始评价 and 移送处理 only.
  assert.equal(await events.getByTestId(`cd-event-close-${ev!.id}`).count(), 0);
  await events.getByTestId(`cd-event-assess-${ev!.id}`).click();
  await page.getByTestId('cd-event-action-ok').click();
  await events.getByTestId(`cd-event-status-${ev!.id}`).getByText('评价中').waitFor();
  await events.getByTestId(`cd-event-close-${ev!.id}`).waitFor();
  const [row] = await app.testDb.db.query<{ status: string }>('SELECT status FROM cd_adverse_events');
  assert.equal(row!.status, 'assessing');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chief finds a business by a fragment, schedules an inspection on the visit engine and picks the business in a report by typing', async () => {
  const other = '美妆日化商行';
  await app.testDb.db.query(
    `WITH e AS (
       INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on, region_code)
       SELECT $1, 'enterprise', $2, $3::tsvector, id, '2018-01-01', '440605011001' FROM org_units WHERE code = 's01'
       RETURNING id, station_id)
     INSERT INTO cd_businesses (entity_id, station_id, category, licence_kind, licence_no)
     SELECT id, station_id, 'cosmetics', 'licence', '粤妆20210077' FROM e`,
    [makeUscc('92', '440605', 'E0000010'), other, bigramTsvector(other)],
  );
  const { page, errors, context } = await openSession(browser, app, { phone: true });
  await loginViaUi(page, 's01.chief');
  await page.goto('/drugs/cd-businesses');
  const table = page.getByTestId('cd-businesses-table');
  await table.getByRole('link', { name: other }).waitFor();
  // A fragment of the licence number finds the device business only.
  await page.getByTestId('cd-businesses-q').fill('械经营许2020');
  await page.getByTestId('cd-businesses-search-submit').click();
  await table.getByRole('link', { name: other }).waitFor({ state: 'detached' });
  await table.getByRole('link', { name }).click();

  const card = page.getByTestId('cd-inspections');
  await card.getByText('暂无检查').waitFor();
  await card.getByTestId('cd-inspection-schedule').click();
  await page.getByTestId('cd-inspection-schedule-ok').click();
  await page.getByTestId('cd-inspection-schedule-modal').waitFor({ state: 'hidden' });
  const [inspection] = await app.testDb.db.query<{ id: number; visitId: number; kind: string; inspectors: number }>(
    `SELECT ci.id, ci.visit_id AS "visitId", p.kind, cardinality(v.inspector_ids) AS inspectors
       FROM cd_inspections ci JOIN spot_check_visits v ON v.id = ci.visit_id JOIN spot_check_plans p ON p.id = v.plan_id`,
  );
  assert.deepEqual({ kind: inspection!.kind, inspectors: inspection!.inspectors }, { kind: 'cd', inspectors: 2 });
  await card.getByTestId(`cd-inspection-status-${inspection!.id}`).getByText('待检查').waitFor();
  // The visit's own page (where the visit list and the inbox link) leads back to the business.
  await page.goto(`/spot-checks/visits/${inspection!.visitId}`);
  await page.waitForURL(/\/drugs\/cd-businesses\/\d+$/);
  await page.getByTestId('cd-inspections').waitFor();

  await page.goto('/drugs/adverse-events');
  await page.getByTestId('cd-event-add').click();
  const modal = page.getByTestId('cd-event-modal');
  await modal.getByTestId('cd-event-product').waitFor();
  await pickOption(
    page,
    'cd-event-business',
    '康健',
    `${name} · 医疗器械 · 粤佛药监械经营许20200001号`,
    modal.getByTestId('cd-event-product'),
  );
  await modal.getByTestId('cd-event-product').fill('医用口罩');
  // The picked business's category decides the number format, checked before sending.
  await modal.getByTestId('cd-event-regno').fill('国妆特字G20210001');
  await modal.getByTestId('cd-event-description').fill('佩戴后面部皮疹');
  await page.getByTestId('cd-event-save').click();
  await modal.getByText('医疗器械产品注册证/备案编号格式不正确').waitFor();
  await modal.getByTestId('cd-event-regno').fill('国械注准20163461235');
  await page.getByTestId('cd-event-save').click();
  await modal.waitFor({ state: 'hidden' });
  const reports = await app.testDb.db.query<{ product: string }>(
    `SELECT a.product_name AS product FROM cd_adverse_events a JOIN cd_businesses b ON b.id = a.business_id
      WHERE b.category = 'device' ORDER BY a.id`,
  );
  assert.deepEqual(
    reports.map((r) => r.product),
    ['一次性使用输液器', '医用口罩'],
  );
  assert.deepEqual(errors, []);
  await context.close();
});
