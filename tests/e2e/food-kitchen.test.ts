import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TFoodBusiness, TFoodLicence } from '../../src/contracts/food.ts';
import type { TKitchenVendorWithSecret } from '../../src/contracts/food-kitchen.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { kitchenSignature } from '../../src/domain/kitchen-signature.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let vendor: TKitchenVendorWithSecret;
const name = '桂城明厨亮灶测试餐厅';

async function deliver(secret: string) {
  const raw = JSON.stringify({
    eventId: `e2e-${Date.now()}-${Math.random()}`,
    cameraId: 'E2E-CAM-1',
    eventType: 'noHat',
    occurredAt: new Date().toISOString(),
    confidence: 0.9,
  });
  const ts = String(Math.floor(Date.now() / 1000));
  const res = await fetch(`${app.baseUrl}/api/v1/food/kitchen-alerts`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-vendor-id': vendor.code,
      'x-timestamp': ts,
      'x-signature': kitchenSignature(secret, ts, Buffer.from(raw)),
    },
    body: raw,
  });
  return res.status;
}

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  vendor = (
    await admin.post<TKitchenVendorWithSecret>('/api/v1/food/kitchen/vendors', { code: 'e2e-cam', name: '测试视觉' })
  ).body;
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name, stationId: s01.id }))).body;
  const chief = await loginAs(app, 's01.chief');
  const today = shanghaiToday();
  const licence = await chief.post<TFoodLicence>('/api/v1/food/licences', {
    entityId: entity.id,
    kind: 'operation',
    licenceNo: 'JY24406050088881',
    categories: ['hotFood'],
    issuedOn: `${Number(today.slice(0, 4)) - 1}-03-01`,
  });
  assert.equal(licence.status, 200, JSON.stringify(licence.body));
  const business = (
    await chief.get<{ items: TFoodBusiness[] }>(`/api/v1/food/businesses?q=${encodeURIComponent(name)}`)
  ).body.items[0]!;
  const enrolled = await chief.post('/api/v1/food/kitchen/enrollments', {
    businessId: business.id,
    vendorId: vendor.id,
    enrolledOn: today,
    cameras: [{ cameraId: 'E2E-CAM-1', area: 'processing' }],
  });
  assert.equal(enrolled.status, 200, JSON.stringify(enrolled.body));
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('a kitchen alert with a bad signature is refused; a signed one shows in the alerts list and is handled', async () => {
  assert.equal(await deliver('a-wrong-key'), 401);
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.getByTestId('side-menu').getByText('明厨亮灶告警', { exact: true }).click();
  const table = page.getByTestId('kitchen-alerts-table');
  await table.waitFor();
  await page.waitForLoadState('networkidle');
  assert.equal(await table.getByText(name).count(), 0, 'the refused alert is not listed');

  assert.equal(await deliver(vendor.secret), 201);
  await page.reload();
  await table.getByText(name).waitFor();
  await table.getByText('未戴帽').waitFor();
  await table.getByRole('button', { name: /处\s*置/ }).click();
  await page.getByPlaceholder('处置情况或忽略原因（必填）').fill('已责令整改');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await table.getByText(name).waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});

test('a chief enrolls a business picked by typing part of its name (not its id)', async () => {
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const other = '桂城接入选择测试面馆';
  const made = await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name: other, stationId: s01.id }));
  const chief = await loginAs(app, 's01.chief');
  const licence = await chief.post('/api/v1/food/licences', {
    entityId: made.body.id,
    kind: 'operation',
    licenceNo: 'JY24406050088893',
    categories: ['hotFood'],
    issuedOn: `${Number(shanghaiToday().slice(0, 4)) - 1}-03-01`,
  });
  assert.equal(licence.status, 200, JSON.stringify(licence.body));
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.goto('/food/kitchen/enrollments');
  await page.getByTestId('kitchen-enroll').click();
  const picker = page.getByTestId('kitchen-business');
  await picker.click();
  await picker.locator('input').fill('接入选择');
  const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])');
  await dropdown.locator('.ant-select-item-option').filter({ hasText: 'JY24406050088893' }).click();
  await picker.getByText(other).waitFor();
  const modal = page.locator('.ant-modal:visible');
  await modal.locator('.ant-form-item:has(#vendorId) .ant-select').click();
  await dropdown.locator('.ant-select-item-option').filter({ hasText: vendor.name }).click();
  await modal.locator('#enrolledOn').click();
  await modal.locator('#enrolledOn').fill(shanghaiToday());
  await page.keyboard.press('Enter');
  await modal.locator('#cameras').fill('E2E-CAM-9 processing');
  await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
  await page.getByTestId('kitchen-enrollments-table').getByText(other).waitFor();
  assert.deepEqual(errors, []);
});
