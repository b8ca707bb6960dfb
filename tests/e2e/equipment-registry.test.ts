import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { addDays, addMonths } from '../../src/domain/equipment-rules.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEquipment } from '../helpers/equipment-factory.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, pickOption, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let overdue: { id: number; equipmentCode: string };
const today = shanghaiToday();
const code = `3110440605${String(process.pid % 100000).padStart(7, '0')}`;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function resultsFile(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('检验结果');
  sheet.addRow(['设备代码', '检验日期', '检验结论', '安全状况等级', '下次检验日期', '报告编号', '检验机构']);
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await book.xlsx.writeBuffer());
}

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const res = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '桂城电梯测试物业公司', stationId: s01.id }),
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  overdue = await makeEquipment(app.testDb.db, {
    tag: 'E',
    nextInspectionDue: addDays(today, -9),
    inspectionState: 'overdue',
  });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('a chief registers a lift, imports inspection results (a bad row refused, then fixed) and sees the next due date', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  // The overdue lift is in the work inbox on the home page.
  await page.getByTestId(`inbox-link-equipment-${overdue.id}`).first().waitFor();
  await page.getByTestId('side-menu').getByText('设备台账', { exact: true }).click();
  await page.getByTestId('equipment-add').click();
  const form = page.getByTestId('equipment-form');
  await pickOption(
    page,
    'equipment-form-category',
    '3100',
    '3100 曳引与强制驱动电梯',
    form.getByTestId('equipment-form-code'),
  );
  await form.getByTestId('equipment-form-code').fill(code);
  await form.getByTestId('equipment-form-registration').fill(`梯11粤E${process.pid}`);
  await form.getByTestId('equipment-form-entity').locator('input').fill('桂城电梯测试');
  await page.locator('.ant-select-item-option').getByText('桂城电梯测试物业公司', { exact: false }).first().click();
  await form.getByTestId('equipment-form-maker').fill('某电梯制造有限公司');
  await form.getByTestId('equipment-form-address').fill('桂城街道南海大道 8 号');
  await page.getByTestId('equipment-form-ok').click();
  await page.waitForURL(/\/equipment\/registry\/\d+$/);
  await page.getByTestId('equipment-status').getByText('在用').waitFor();

  await page.goto('/equipment/registry');
  const inspectedOn = addDays(today, -3);
  const bad = await resultsFile([
    [code, inspectedOn, '合格', '', '', 'DJ-E2E-1', '市特检院'],
    [code, addDays(today, 5), '合格', '', '', 'DJ-E2E-2', '市特检院'],
  ]);
  await page.getByTestId('equipment-import-inspections').locator('..').locator('input[type=file]').setInputFiles({
    name: 'bad.xlsx',
    mimeType: XLSX,
    buffer: bad,
  });
  await page
    .getByTestId('equipment-import-errors')
    .getByText(/检验日期不能晚于今天/)
    .waitFor();
  await page.getByRole('button', { name: /知道了|OK|确\s*定/ }).click();
  const good = await resultsFile([[code, inspectedOn, '合格', '', '', 'DJ-E2E-1', '市特检院']]);
  await page.getByTestId('equipment-import-inspections').locator('..').locator('input[type=file]').setInputFiles({
    name: 'good.xlsx',
    mimeType: XLSX,
    buffer: good,
  });
  await page.getByText('已导入 1 行').waitFor();
  await page.getByTestId('equipment-table').getByText(code).click();
  await page.getByTestId('equipment-next-due').getByText(addMonths(inspectedOn, 12)).waitFor();
  await page.getByTestId('equipment-inspections').getByText('DJ-E2E-1').waitFor();
  assert.deepEqual(errors, []);
});

test('an inspector on a phone sees the overdue lift in the due list', async () => {
  const { page, errors } = await openSession(browser, app, { phone: true });
  await loginViaUi(page, 's01.inspector');
  await page.goto('/equipment/due');
  const card = page.getByTestId('equipment-card').filter({ hasText: overdue.equipmentCode });
  await card.getByText('超期未检').waitFor();
  await card.getByRole('link').click();
  await page.getByTestId('equipment-detail').getByText(overdue.equipmentCode).first().waitFor();
  assert.deepEqual(errors, []);
});
