import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TPharmacyCode } from '../../src/contracts/drug-sales.ts';
import { makeIdCard } from '../../src/domain/id-card.ts';
import { makePharmacyEntity, registerPharmacy } from '../helpers/pharmacy-factory.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, pickOption, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let code = '';
const goodId = makeIdCard('440605', '19850505', '321');
const badId = `${goodId.slice(0, 17)}${goodId.endsWith('0') ? '1' : '0'}`;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const entityId = await makePharmacyEntity(app.testDb.db, { name: '仁和大药房', regionCode: '440605011001' });
  const chief = await loginAs(app, 's01.chief');
  await registerPharmacy(chief, entityId);
  code = (await chief.post<TPharmacyCode>('/api/v1/drugs/pharmacy-codes', { entityId })).body.code;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('the pharmacy phone page registers a sale; an invalid ID number is refused with its message', async () => {
  const { page, errors, context } = await openSession(browser, app, { phone: true });
  await page.goto('/portal/drug-sales');
  // A wrong code is refused on the code field itself; the page stays within the phone's width.
  await page.getByTestId('drug-portal-code').fill('WRNG-0000-0000');
  await page.getByTestId('drug-portal-open').click();
  await page.locator('.ant-form-item-explain-error', { hasText: '访问码不正确或已失效' }).waitFor();
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
  await page.getByTestId('drug-portal-code').fill(code);
  await page.getByTestId('drug-portal-open').click();
  const submit = page.getByTestId('drug-portal-submit');
  await submit.waitFor();
  await pickOption(page, 'drug-portal-drug', '布洛芬', '布洛芬缓释胶囊 (退热类)', page.getByTestId('drug-portal-name'));
  await page.getByTestId('drug-portal-name').fill('王小明');
  await page.getByTestId('drug-portal-id').fill(badId);
  await page.getByTestId('drug-portal-phone').fill('13700137000');
  await page.getByTestId('drug-portal-temperature').fill('38.2');
  await submit.click();
  await page.getByText('第18位校验码应为').waitFor();
  assert.equal(
    Number((await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM drug_sale_registrations'))[0]!.n),
    0,
  );
  await page.getByTestId('drug-portal-id').fill(goodId);
  await submit.click();
  await page.getByTestId('drug-portal-recent').getByText('王**').waitFor();
  assert.match(await textOf(page.getByTestId('drug-portal-recent')), /440\*{11}/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the chief (drug:personal) sees the buyer in clear, audited; the inspector sees it masked; the chart shows', async () => {
  const chief = await openSession(browser, app);
  await loginViaUi(chief.page, 's01.chief');
  await chief.page.goto('/drugs/sales');
  await chief.page.getByTestId('drug-sales-chart').locator('canvas').waitFor();
  const table = chief.page.getByTestId('drug-sales-table');
  await table.getByText('王**').waitFor();
  await table.getByRole('button').filter({ hasText: '查看个人信息' }).first().click();
  const personal = chief.page.getByTestId('drug-sale-personal');
  await personal.getByText(goodId).waitFor();
  assert.match(await textOf(personal), /王小明/);
  const audits = await app.testDb.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM audit_log WHERE action = 'drug.sale.personal.read'`,
  );
  assert.equal(audits[0]!.n, 1);
  assert.deepEqual(chief.errors, []);
  await chief.context.close();

  const inspector = await openSession(browser, app);
  await loginViaUi(inspector.page, 's01.inspector');
  await inspector.page.goto('/drugs/sales');
  const rows = inspector.page.getByTestId('drug-sales-table');
  await rows.getByText('王**').waitFor();
  assert.ok(!(await textOf(rows)).includes(goodId));
  assert.equal(await rows.getByRole('button').filter({ hasText: '查看个人信息' }).count(), 0);
  await inspector.context.close();
});
