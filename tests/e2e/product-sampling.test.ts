import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import type { TProductSampleDetail } from '../../src/contracts/product-quality.ts';
import { addCalendarDays } from '../../src/domain/sampling.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let sample: TProductSampleDetail;
const today = shanghaiToday();
const daysAgo = (n: number) => addCalendarDays(today, -n);
const failItem = { itemName: '泄漏电流', value: '0.95 mA', standard: 'GB 4706.1-2005', conclusion: 'fail' };

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const made = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '里水抽查测试电器厂', stationId: s01.id }),
  );
  assert.equal(made.status, 201, JSON.stringify(made.body));
  const chief = await loginAs(app, 's01.chief');
  const s = await chief.post<TProductSampleDetail>('/api/v1/product/quality/samples', {
    entityId: made.body.id,
    partyRole: 'producer',
    categoryCode: 'electrical',
    productName: '电热水壶',
    model: 'SH-1500',
    sampledOn: daysAgo(40),
    labName: '省产品质量监督检验研究院',
  });
  assert.equal(s.status, 200, JSON.stringify(s.body));
  const r = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.body.id}/result`, {
    version: s.body.version,
    testedOn: daysAgo(30),
    items: [failItem],
  });
  // The producer received the failed result 20 days ago: the 15-day window ended 5 days ago.
  const n = await chief.post<TProductSampleDetail>(`/api/v1/product/quality/samples/${s.body.id}/notify`, {
    version: r.body.version,
    receivedOn: daysAgo(20),
  });
  assert.equal(n.status, 200, JSON.stringify(n.body));
  sample = n.body;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function openStep(page: Page, key: string) {
  await page.getByTestId(`product-step-${key}`).click();
  return page.getByTestId(`product-form-${key}`);
}
async function ok(page: Page) {
  await page
    .locator('.ant-modal:visible')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
}
const statusIs = (page: Page, label: string) =>
  page.getByTestId('product-status').getByText(label, { exact: true }).waitFor();

test('a failed product sample: 复检 refused outside 15 days, accepted inside; failed again → 整改 with a case lead; pass-rate chart', async () => {
  const { page, errors } = await openSession(browser, app, { phone: true });
  await loginViaUi(page, 's01.chief');
  await page.goto(`/product/samples/${sample.id}`);
  await statusIs(page, '已通知（不合格）');

  let form = await openStep(page, 'retest-request');
  await form.getByTestId('product-date').fill(today);
  await ok(page);
  const refused = await textOf(page.getByTestId('product-step-error'));
  assert.match(refused, /requestedOn/);
  assert.match(refused, /15 日/);
  await form.getByTestId('product-date').fill(daysAgo(10));
  await ok(page);
  await statusIs(page, '已申请复检');

  form = await openStep(page, 'retest');
  await form.getByTestId('product-date').fill(today);
  await form.getByTestId('product-item-name').fill('泄漏电流');
  await form.getByTestId('product-item-value').fill('0.92 mA');
  await form.getByTestId('product-item-standard').fill('GB 4706.1-2005');
  await ok(page);
  await statusIs(page, '已复检');

  form = await openStep(page, 'rectify');
  await form.getByTestId('product-note').fill('立即停止生产销售该型号，整改后申请跟踪抽查');
  await ok(page);
  await statusIs(page, '整改中');
  assert.match(await textOf(page.getByTestId('product-case-lead')), /^AY\d+/);

  // The list (keyset) carries the sample, and its export link downloads the same list as XLSX.
  await page.goto('/product/samples');
  await page.getByTestId('product-samples').getByText(sample.sampleNo).waitFor();
  const exported = await page.request.get((await page.getByTestId('product-export').getAttribute('href'))!);
  assert.equal(exported.status(), 200);
  assert.match(exported.headers()['content-type'] ?? '', /spreadsheetml/);

  await page.goto('/product/pass-rates');
  await page.getByTestId('product-rates-chart').locator('canvas, svg').first().waitFor();
  assert.match(await textOf(page.getByTestId('product-rates-total')), /0(\.0)?\s*%/);
  assert.deepEqual(errors, []);
});
