import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TBatch } from '../../src/contracts/credit.ts';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { latestClosedReportYear } from '../../src/domain/credit-rules.ts';
import { shanghaiToday } from '../../src/domain/deadlines.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let entity: TEntityDetail;
let batch: TBatch;
const year = latestClosedReportYear(shanghaiToday());

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const res = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '佛山市南海区桂城未报年报商行', establishedOn: `${year - 1}-05-20`, stationId: s01.id }),
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  entity = res.body;
  await app.services.credit.risk.recomputeAll();
  const staff = await loginAs(app, 'credit.staff');
  const proposed = await staff.post<TBatch>('/api/v1/credit/batches', {
    list: 'abnormal',
    reportYear: year,
    stationId: s01.id,
  });
  assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
  batch = proposed.body;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('credit staff approve a proposed abnormal-list batch; the entity is listed and its class changes', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'credit.staff');
  await page.goto(`/credit/entities/${entity.id}`);
  const before = await textOf(page.getByTestId('credit-class'));
  assert.match(before, /^B 一般风险/, 'two missed reports: 20 points');

  await page.getByTestId('side-menu').getByText('经营异常名录', { exact: true }).click();
  await page.getByTestId(`batch-open-${batch.id}`).click();
  const review = page.getByTestId('batch-review');
  await review.getByText(entity.uscc).waitFor();
  await page.getByTestId('decision-no').fill(`桂市监异〔${year + 1}〕7号`);
  await page.getByTestId('decision-reason').fill('未在规定期限内报送年度报告');
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/credit/batches/${batch.id}/approve`)),
    page.getByTestId('batch-approve').click(),
  ]);
  assert.equal(res.status(), 200, await res.text());
  await page.getByTestId('batch-status').filter({ hasText: '已决定列入' }).waitFor();
  await page.getByTestId('batch-document').waitFor();
  await page.screenshot({ path: '/tmp/credit-batch-approved.png', fullPage: true });

  await review.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
  await review.getByRole('link', { name: entity.name }).click();
  await page.getByTestId('credit-class').filter({ hasText: 'D 高风险' }).waitFor();
  assert.match(await textOf(page.getByTestId('credit-listings')), /经营异常名录[\s\S]*列入中[\s\S]*桂市监异/);
  assert.match(await textOf(page.getByTestId('credit-breakdown')), /列入经营异常名录[\s\S]*30/);
  assert.match(await textOf(page.getByTestId('credit-history')), /B → D/);
  await page.screenshot({ path: '/tmp/credit-entity.png', fullPage: true });

  await page.goto('/credit');
  await page.getByTestId('chart-station').locator('canvas').waitFor();
  assert.deepEqual(errors, []);
});
