import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TAccessCodeIssued } from '../../src/contracts/food-appeals.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeGradedBusiness } from '../helpers/food-appeal-factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let code = '';
const today = shanghaiToday();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const b = await makeGradedBusiness(app.testDb.db, {
    station: 's01',
    gradedOn: shift(-2),
    inspectors: ['s01.inspector'],
    name: '桂城申诉测试餐馆',
  });
  const chief = await loginAs(app, 's01.chief');
  const issued = await chief.post<TAccessCodeIssued>(`/api/v1/food/businesses/${b.businessId}/access-code`);
  assert.equal(issued.status, 200);
  code = issued.body.code;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('a business appeals on the phone with its code; a chief who did not inspect decides it', async () => {
  const phone = await openSession(browser, app, { phone: true });
  await phone.page.goto('/portal/food-business');
  await phone.page.getByTestId('portal-food-code').fill('WRNG-0000-0000');
  await phone.page.getByTestId('portal-food-open').click();
  await phone.page.getByText('访问码不正确或已失效').first().waitFor();
  await phone.page.getByTestId('portal-food-code').fill(code.toLowerCase());
  await phone.page.getByTestId('portal-food-open').click();
  const business = phone.page.getByTestId('portal-food-business');
  await business.getByText('桂城申诉测试餐馆').waitFor();
  await business.getByText('一般（平脸）').waitFor();
  await business.getByText('申诉', { exact: true }).click();
  await phone.page.getByTestId('portal-appeal-grounds').fill('检查当日冷藏柜温度计故障，评分偏低，请求复核');
  await phone.page.getByTestId('portal-appeal-submit').click();
  await business.getByText('待决定').first().waitFor();
  await business.locator('input[type=file]').setInputFiles({
    name: '维修单.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% repair note\n'),
  });
  await phone.page.getByText('已提交').first().waitFor();
  const [stored] = await app.testDb.db.query<{ n: number }>(
    `SELECT cardinality(file_ids) AS n FROM food_grade_appeals ORDER BY id DESC LIMIT 1`,
  );
  assert.equal(Number(stored!.n), 1);
  assert.deepEqual(phone.errors, []);

  const staff = await openSession(browser, app);
  await loginViaUi(staff.page, 's01.chief');
  await staff.page.getByTestId('side-menu').getByText('等级申诉与复评', { exact: true }).click();
  const table = staff.page.getByTestId('food-appeals-table');
  await table.getByText('桂城申诉测试餐馆').waitFor();
  await table.getByRole('button', { name: /决\s*定/ }).click();
  await staff.page.getByTestId('appeal-reason').fill('经复核检查记录与照片，扣分认定无误，维持原等级');
  await staff.page.getByTestId('appeal-decide-ok').click();
  await table.getByText('维持原等级').waitFor();
  assert.deepEqual(staff.errors, []);
});
