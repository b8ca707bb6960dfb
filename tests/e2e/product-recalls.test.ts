import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import type { TAlertBatch, TRecallDetail } from '../../src/contracts/product-recalls.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { type ApiClient, loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, settledModal, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let chief: ApiClient;
let recall: TRecallDetail;
const producer = '里水召回测试电器有限公司';
const today = shanghaiToday();
const header =
  '通报编号,通报来源,通报日期,产品名称,风险描述,生产者名称,生产者统一社会信用代码,销售者名称,销售者统一社会信用代码';
const goodRow = `SAMR-ZH-2026-0456,国家市场监督管理总局,${today},暖风机（型号 NF-2000）,过热存在火灾隐患,${producer},,,`;
const otherRow = `SG-A12-00123-26,Safety Gate,${today},儿童玩具,小零件致窒息,海外玩具公司,,,`;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const made = await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name: producer, stationId: s01.id }));
  assert.equal(made.status, 201, JSON.stringify(made.body));
  chief = await loginAs(app, 's01.chief');
  const filed = await chief.post<TRecallDetail>('/api/v1/product/recalls', {
    entityId: made.body.id,
    productName: '暖风机 NF-2000',
    batches: '20260901–20260930',
    defect: '温控器失效导致过热',
    quantity: 100,
    plan: '停止销售，经销商回收并更换温控器',
    planFiledOn: today,
  });
  assert.equal(filed.status, 200, JSON.stringify(filed.body));
  recall = filed.body;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function upload(page: Page, name: string, rows: string[]) {
  await page
    .locator('input[type=file]')
    .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from([header, ...rows].join('\n')) });
}

async function submitStep(page: Page, key: 'report' | 'complete', fill: () => Promise<void>) {
  await page.getByTestId(`recall-step-${key}`).click();
  const modal = await settledModal(page);
  await fill();
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
}

test('alerts: a bad row is listed and nothing imported; the fixed file matches a producer, confirmed into a case lead', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.goto('/product/alerts/import');
  await upload(page, 'alerts.csv', [goodRow, 'SG-2,Safety Gate,2026-13-40,,过热,某厂,,,', otherRow]);
  const rowErrors = page.getByTestId('alerts-import-errors');
  await rowErrors.waitFor();
  const listed = await textOf(rowErrors);
  assert.match(listed, /第 3 行「通报日期」/);
  assert.match(listed, /第 3 行「产品名称」：必填/);
  assert.match(await textOf(page.getByTestId('alerts-import-error')), /未导入任何数据/);
  assert.equal((await chief.get<TAlertBatch[]>('/api/v1/product/alerts/batches')).body.length, 0);

  await upload(page, 'alerts.csv', [goodRow, otherRow]);
  const done = page.getByTestId('alerts-import-done');
  await done.waitFor();
  assert.match(await textOf(done), /已导入 2 条通报，匹配到 1 个登记主体/);
  await done.getByRole('button').click();
  const table = page.getByTestId('match-table');
  await table.getByText(producer).first().waitFor();
  await table.getByRole('button', { name: '确认并生成线索' }).click();
  await page.getByTestId('match-lead').waitFor();
  assert.match(await textOf(page.getByTestId('match-lead')), /案件线索 AY\d+/);
  assert.deepEqual(errors, []);
});

test('a recall gets a progress report and completes; a report after completion is refused with the reason', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.goto(`/product/recalls/${recall.id}`);
  await page.getByTestId('recall-chart').waitFor();
  await submitStep(page, 'report', async () => {
    await page.getByTestId('recall-form-reports').getByLabel('本次召回数量').fill('40');
  });
  await page.getByTestId('recall-status').getByText('召回实施中').waitFor();
  assert.match(await textOf(page.getByTestId('recall-facts')), /40\/100/);
  await submitStep(page, 'complete', async () => {});
  await page.getByTestId('recall-status').getByText('已完成召回').waitFor();
  await submitStep(page, 'report', async () => {
    await page.getByTestId('recall-form-reports').getByLabel('本次召回数量').fill('5');
  });
  const refusal = page.getByTestId('recall-step-error');
  await refusal.waitFor();
  assert.match(await textOf(refusal), /当前状态“已完成召回”不能执行“报告召回进展”/);
  const after = await chief.get<TRecallDetail>(`/api/v1/product/recalls/${recall.id}`);
  assert.equal(after.body.recovered, 40);
  assert.deepEqual(errors, []);
});

test('the public sees a published recall on the portal, on a phone', async () => {
  const current = await chief.get<TRecallDetail>(`/api/v1/product/recalls/${recall.id}`);
  assert.equal(
    (await chief.post(`/api/v1/product/recalls/${recall.id}/publish`, { version: current.body.version })).status,
    200,
  );
  const { page, errors } = await openSession(browser, app, { phone: true });
  await page.goto('/portal/recalls');
  const list = page.getByTestId('portal-recalls');
  await list.getByText('暖风机 NF-2000').waitFor();
  assert.match(await textOf(list), /已完成召回/);
  assert.deepEqual(errors, []);
});
