import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TFoodBusiness, TFoodLicence } from '../../src/contracts/food.ts';
import type { TSamplingPlan } from '../../src/contracts/food-sampling.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let entity: TEntityDetail;
let plan: TSamplingPlan;
let businessId: number;
const name = '里水抽检测试熟食店';
const licenceNo = 'JY24406050066661';
const today = shanghaiToday();
const year = today.slice(0, 4);

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const made = await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name, stationId: s01.id }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  entity = made.body;
  const chief = await loginAs(app, 's01.chief');
  const licence = await chief.post<TFoodLicence>('/api/v1/food/licences', {
    entityId: entity.id,
    kind: 'operation',
    licenceNo,
    categories: ['hotFood'],
    issuedOn: `${Number(year) - 1}-03-01`,
  });
  assert.equal(licence.status, 200, JSON.stringify(licence.body));
  const planned = await chief.post<TSamplingPlan>('/api/v1/food/sampling/plans', {
    stationId: s01.id,
    name: `${year}年熟肉制品专项抽检`,
    foodCategory: 'meat',
    hazards: ['microbe', 'additive'],
    periodStart: `${year}-01-01`,
    periodEnd: `${year}-12-31`,
    targetBatches: 20,
  });
  assert.equal(planned.status, 200, JSON.stringify(planned.body));
  plan = planned.body;
  businessId = (await chief.get<{ items: TFoodBusiness[] }>(`/api/v1/food/businesses?q=${licenceNo}`)).body.items[0]!
    .id;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** Opens a step's form from the sample page's header, lets `fill` fill it, submits and waits for the new status. */
async function step(page: Page, key: string, status: string, fill: (form: Locator) => Promise<void> = async () => {}) {
  await page.getByTestId(`sampling-step-${key}`).click();
  const form = page.getByTestId(`sampling-form-${key}`);
  await fill(form);
  await page
    .locator('.ant-modal:visible')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.getByTestId('sampling-facts').getByText(status, { exact: true }).waitFor();
}

test('a station chief records a batch picking the business by name, enters a 不合格 result and sees the notice, the case lead and the pass rate', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.getByTestId('side-menu').getByText('抽检样品', { exact: true }).click();
  await page.getByTestId('sampling-new').click();
  const form = page.getByTestId('sampling-new-form');
  // Part of the name, as a staff user remembers it; the option shows the licence number and the station.
  const business = page.getByTestId('sampling-business');
  await business.click();
  await business.locator('input').fill('抽检测试');
  await selectOption(page, `${name} · ${licenceNo}`);
  await business.getByText(`${name} · ${licenceNo}`).waitFor();
  await selectIn(page, page.getByTestId('sampling-plan'), plan.name);
  await selectIn(page, form.locator('.ant-form-item:has(#stage) .ant-select'), '餐饮环节');
  await selectIn(page, form.locator('.ant-form-item:has(#foodCategory) .ant-select'), '肉制品');
  await form.locator('#foodName').fill('卤鸭脖');
  await form.locator('#batchNo').fill(`${today.replaceAll('-', '')}-01`);
  await form.locator('#samplers').fill('张三、李四');
  await form.locator('#labName').fill('佛山市食品检验检测中心');
  await page
    .locator('.ant-modal:visible')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await page.waitForURL(/\/food\/sampling\/samples\/\d+$/);
  const facts = page.getByTestId('sampling-facts');
  await facts.getByText(name).waitFor();
  await facts.getByText('已抽样待送检', { exact: true }).waitFor();

  await step(page, 'deliver', '已送检待出结果');
  await step(page, 'result', '已出结果', async (f) => {
    await f.locator('#reportNo').fill('WT2026-0815');
    await f.getByPlaceholder('检验项目').fill('菌落总数');
    await selectIn(page, f.locator('.ant-select').nth(0), '微生物');
    await f.getByPlaceholder('检测值').fill('3.2×10⁵ CFU/g');
    await f.getByPlaceholder('标准限值').fill('≤1×10⁵ CFU/g');
    await f.getByPlaceholder('判定依据').fill('GB 2726-2016');
    await selectIn(page, f.locator('.ant-select').nth(1), '不合格');
  });
  await facts.getByText('不合格').first().waitFor();
  await page.getByTestId('sampling-items').getByText('GB 2726-2016').waitFor();
  await step(page, 'notify', '已通知（不合格）', async (f) => {
    await f.locator('#noticeNo').fill('佛南市监抽通〔2026〕15号');
  });
  await page.getByTestId('sampling-notice-pdf').getByText('佛南市监抽通〔2026〕15号').waitFor();
  // 通知 opens the case lead (source 抽检), its number shown on the sample.
  const lead = await textOf(facts.locator('.ant-descriptions-item').filter({ hasText: '案件线索' }));
  assert.match(lead.replace('案件线索', '').trim(), /\S{4,}/, lead);
  await page.getByTestId('sampling-step-handle').waitFor();

  await page.goto('/food/sampling/pass-rates');
  const row = page.getByTestId('sampling-rates-table').locator('tr').filter({ hasText: '肉制品' });
  await row.getByText('0.0%').waitFor();
  assert.match(await textOf(row), /肉制品\s*1\s*1\s*0\.0%/);

  // The business's 档案, 抽检 tab: the batch is listed, and 登记抽样 opens the form with the business chosen.
  await page.goto(`/food/businesses/${businessId}`);
  await page.getByTestId('food-business-tabs').getByRole('tab', { name: '抽检' }).click();
  await page.getByTestId('business-samples').getByText('卤鸭脖').waitFor();
  await page.getByTestId('business-sample-new').click();
  await page.getByTestId('sampling-new-form').waitFor();
  await page.getByTestId('sampling-business').getByText(name).waitFor();
  assert.deepEqual(errors, []);
});

/** Clicks the option holding `label` in the open dropdown, once it has settled. */
async function selectOption(page: Page, label: string) {
  const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])');
  await dropdown.locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'detached', timeout: 5000 });
}

async function selectIn(page: Page, select: Locator, label: string) {
  await select.click();
  await selectOption(page, label);
}
