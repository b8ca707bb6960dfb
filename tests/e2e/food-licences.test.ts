import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TFoodLicence } from '../../src/contracts/food.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { confirmPopup, launchBrowser, loginViaUi, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let entity: TEntityDetail;
let licence: TFoodLicence;
const today = shanghaiToday();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const res = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '桂城食品测试茶餐厅', stationId: s01.id }),
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  entity = res.body;
  const chief = await loginAs(app, 's01.chief');
  const created = await chief.post<TFoodLicence>('/api/v1/food/licences', {
    entityId: entity.id,
    kind: 'operation',
    licenceNo: 'JY24406050077771',
    categories: ['hotFood', 'drinks'],
    issuedOn: shift(-1000),
    validUntil: shift(20),
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  licence = created.body;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function xlsxFile(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('许可');
  sheet.addRow(['统一社会信用代码', '许可类型', '许可证编号', '经营项目', '发证日期', '有效期至']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

test('a station chief finds an expiring licence, imports licences (bad rows refused), and cancels one', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.getByTestId('side-menu').getByText('食品许可', { exact: true }).click();
  const table = page.getByTestId('food-licences-table');
  await table.getByText(licence.licenceNo).waitFor();
  await page.getByTestId('food-expiring').check();
  await page
    .getByTestId('food-licences-search')
    .getByRole('button', { name: /查\s*询/ })
    .click();
  await table.getByText('剩余 20 天').waitFor();

  const bad = await xlsxFile([[entity.uscc, '食品经营许可证', 'JY2440605007777', '热食类', '2024-05-01', '']]);
  await page.getByTestId('food-import-licences').locator('..').locator('input[type=file]').setInputFiles({
    name: 'bad.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: bad,
  });
  await page
    .getByTestId('food-import-errors')
    .getByText(/许可证编号/)
    .waitFor();
  await page.getByRole('button', { name: /知道了|OK|确\s*定/ }).click();

  const good = await xlsxFile([[entity.uscc, '食品生产许可证', 'SC10644060500131', '', '2025-01-10', '']]);
  // The answer is a toast that goes after 3 s: watch for it from before the upload, not from after.
  const imported = page.getByText('已导入 1 条').waitFor();
  await page.locator('input[type=file]').setInputFiles({
    name: 'good.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: good,
  });
  await imported;

  await page.goto(`/food/licences/${licence.id}`);
  assert.equal(await page.getByTestId('food-licence-status').textContent(), '有效');
  await confirmPopup(page, page.getByRole('button', { name: /注\s*销/ }).first());
  await page.getByTestId('food-licence-status').getByText('已注销').waitFor();

  await page.goto(`/entities/${entity.id}`);
  const section = page.getByTestId('entity-food');
  await section.getByText('SC10644060500131').waitFor();
  await section.getByText(licence.licenceNo).waitFor();
  await section.getByRole('link', { name: '查看食品档案' }).click();
  await page.getByTestId('food-business').getByText(entity.uscc).waitFor();
  await page.getByTestId('food-business-tabs').getByText(licence.licenceNo).waitFor();
  assert.deepEqual(errors, []);
});

test('a chief records a licence by hand (a bad number is named on its field) and then its 延续', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.goto('/food/licences');
  await page.getByTestId('food-licence-add').click();
  const form = page.getByTestId('food-licence-form');
  await form.getByTestId('food-licence-entity').locator('input').fill('桂城食品测试');
  await page.locator('.ant-select-item-option').getByText('桂城食品测试茶餐厅', { exact: false }).first().click();
  await form.getByTestId('food-licence-no').fill('JY2440605008888');
  await form.getByTestId('food-licence-categories').locator('input').fill('热食');
  await page.keyboard.press('Enter');
  await page.getByTestId('food-licence-form-ok').click();
  await form
    .locator('.ant-form-item-explain-error')
    .getByText(/14 位|14位|编号/)
    .first()
    .waitFor();

  await form.getByTestId('food-licence-no').fill('JY24406050088881');
  await page.getByTestId('food-licence-form-ok').click();
  await page.waitForURL(/\/food\/licences\/\d+$/);
  await page.getByTestId('food-licence').getByText('JY24406050088881').waitFor();
  const firstUrl = page.url();

  await page.getByTestId('food-licence-renew').click();
  const renew = page.getByTestId('food-licence-form');
  await renew.getByTestId('food-licence-no').fill('JY24406050088892');
  await page.getByTestId('food-licence-form-ok').click();
  await page.getByTestId('food-licence').getByText('JY24406050088892').waitFor();
  await page.goto(firstUrl);
  await page.getByTestId('food-licence-status').getByText('已延续').waitFor();
  assert.deepEqual(errors, []);
});
