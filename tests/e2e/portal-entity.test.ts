import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let company: TEntityDetail;
let shop: TEntityDetail;

const PUBLISHED_PLAN = '2026年度食品销售企业抽查计划';
const UNPUBLISHED_PLAN = '2026年度尚未公示的抽查计划';

/** A plan with one visit of the entity in `status`, its one item found without a problem. */
async function visit(entity: TEntityDetail, planName: string, status: 'inspected' | 'published') {
  const db = app.testDb.db;
  const [plan] = await db.query<{ id: number }>(
    `INSERT INTO spot_check_plans (name, period_start, period_end, owner_unit_id)
     VALUES ($1, '2026-01-01', '2026-12-31', $2) RETURNING id`,
    [planName, entity.stationId],
  );
  const [v] = await db.query<{ id: number }>(
    `INSERT INTO spot_check_visits (plan_id, entity_id, station_id, task_ids, inspector_ids, status, inspected_on,
                                    publish_due_on, published_at)
     VALUES ($1, $2, $3, '{}', '{}', $4, '2026-11-10', '2026-12-08', CASE WHEN $4 = 'published' THEN now() END)
     RETURNING id`,
    [plan!.id, entity.id, entity.stationId, status],
  );
  await db.query(
    `INSERT INTO spot_check_results (visit_id, item_id, category)
     SELECT $1, id, 'noProblem' FROM spot_check_items WHERE code = 'SP-01'`,
    [v!.id],
  );
}

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const create = async (body: ReturnType<typeof makeEntity>) => {
    const res = await admin.post<TEntityDetail>('/api/v1/entities', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const [s01] = await app.testDb.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
  const stationId = s01!.id;
  company = await create(
    makeEntity({ stationId, name: '佛山市南海区公示烘焙食品有限公司', establishedOn: '2020-04-01' }),
  );
  shop = await create(
    makeEntity({
      stationId,
      type: 'individualBusiness',
      name: '南海区桂城公示烘焙坊',
      legalRepName: '李小龙',
      phone: '13712345678',
    }),
  );
  await app.testDb.db.query(
    `INSERT INTO annual_reports (entity_id, report_year, filed_on, source) VALUES ($1, 2024, '2025-04-30', 'entered')`,
    [company.id],
  );
  await visit(company, PUBLISHED_PLAN, 'published');
  await visit(company, UNPUBLISHED_PLAN, 'inspected');
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('a citizen on a phone searches a name, opens the profile and sees the published result only', async () => {
  const { page, errors } = await openSession(browser, app, { phone: true });
  await page.goto('/portal/entities');
  assert.ok(page.url().endsWith('/portal/entities'), 'no redirect to the login page');
  await page.getByText('市场主体信息公示查询').first().waitFor();
  const box = page.getByTestId('entity-search').locator('input');
  await box.fill('公示烘焙');
  await box.press('Enter');
  await page.waitForURL(/\?q=/);
  const results = page.getByTestId('entity-result');
  await results.first().waitFor();
  assert.equal(await results.count(), 2, 'both entities whose names hold 公示烘焙');
  // Newest registration first: the shop; its operator is a person, masked.
  assert.ok((await results.first().textContent())!.includes('李**'));
  assert.ok(!(await page.content()).includes('李小龙'));
  let overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on the results (${overflow}px too wide)`);

  await page.getByRole('link', { name: company.name }).click();
  await page.waitForURL(new RegExp(`/portal/entities/${company.uscc}$`));
  await page.getByTestId('profile-name').getByText(company.name).waitFor();
  assert.equal(await page.getByTestId('profile-uscc').first().textContent(), company.uscc);
  const checks = page.getByTestId('profile-spot-checks');
  await checks.getByText(PUBLISHED_PLAN).first().waitFor();
  assert.equal(await checks.getByTestId('public-result').count(), 1);
  assert.equal(await checks.getByTestId('result-category').first().textContent(), '未发现问题');
  assert.ok(!(await page.content()).includes(UNPUBLISHED_PLAN), 'an unpublished result is not shown');
  const reports = (await page.getByTestId('profile-reports').textContent())!;
  assert.ok(reports.includes('2025年度报告未按期公示'), reports);
  assert.ok(reports.includes('2024年度报告已公示公示日期 2025-04-30'), reports);
  assert.ok((await page.getByTestId('profile-credit').textContent())!.includes('未被列入'));
  assert.ok((await page.getByTestId('profile-penalties').textContent())!.includes('暂无'));
  overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on the profile (${overflow}px too wide)`);
  await page.screenshot({ path: '/tmp/portal-entity-mobile.png', fullPage: true });

  // The individual business's profile shows the operator masked.
  await page.goto(`/portal/entities/${shop.uscc}`);
  assert.equal(await page.getByTestId('profile-legal-rep').textContent(), '李**');

  // An unknown code and a malformed one: the server's Chinese reason, not a blank page.
  await page.goto('/portal/entities/91440605X00000010X');
  await page.getByTestId('profile-error').waitFor();
  assert.match((await page.getByTestId('profile-error').textContent())!, /未找到|校验/);
  await page.goto('/portal/entities/12345');
  assert.match((await page.getByTestId('profile-error').textContent())!, /统一社会信用代码应为18位/);
  assert.deepEqual(errors, []);
});

test('the portal menu leads to the entity search, and a published result links to the profile', async () => {
  const { page, errors } = await openSession(browser, app);
  await page.goto('/portal/complaint');
  await page.getByRole('menuitem', { name: '企业信息查询' }).click();
  await page.waitForURL(/\/portal\/entities$/);
  await page.goto(`/portal/spot-checks?q=${company.uscc}`);
  await page.getByTestId('public-result').first().waitFor();
  await page.getByRole('link', { name: '查看该主体公示信息' }).click();
  await page.waitForURL(new RegExp(`/portal/entities/${company.uscc}$`));
  await page.getByTestId('profile-name').waitFor();
  assert.deepEqual(errors, []);
});
