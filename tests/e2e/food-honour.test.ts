import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { lastMonth } from '../../src/modules/food-public/services/honour.ts';
import { addGrade, addInspection, makeFoodBusiness } from '../helpers/food-public-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let stationName = '';
const month = lastMonth(shanghaiToday());
/** A day `n` months before last month (the 12th), inside the 12-month window of last month's list. */
const monthsBack = (n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 - n, 12)).toISOString().slice(0, 10);
};

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const db = app.testDb.db;
  const star = await makeFoodBusiness(db, { station: 's01', name: '红榜示范酒家' });
  await addInspection(db, star, { on: monthsBack(6), result: 'pass', score: 94 });
  await addInspection(db, star, { on: monthsBack(1), result: 'pass', score: 96 });
  await addGrade(db, star.id, { grade: 'excellent', on: monthsBack(1) });
  const fails = await makeFoodBusiness(db, { station: 's01', name: '两次不符合小吃店' });
  await addInspection(db, fails, { on: monthsBack(5), result: 'fail', score: 70 });
  await addInspection(db, fails, { on: monthsBack(2), result: 'fail', score: 72 });
  await addGrade(db, fails.id, { grade: 'fair', on: monthsBack(2) });
  const ungraded = await makeFoodBusiness(db, { station: 's01', name: '待查处快餐店' });
  await addGrade(db, ungraded.id, { grade: 'none', on: monthsBack(1) });
  const [s01] = await db.query<{ name: string }>("SELECT name FROM org_units WHERE code = 's01'");
  stationName = s01!.name;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('the chief drafts last month, removes one entry with a reason, approves, publishes; the portal shows it on a phone', async () => {
  const chief = await openSession(browser, app);
  const { page } = chief;
  await loginViaUi(page, 's01.chief');
  await page.goto('/food/honour-lists');
  const row = page.locator('.ant-table-row', { hasText: stationName });
  await row.getByText('未生成').waitFor();
  assert.equal(await page.locator('.ant-table-row').count(), 1, 'a chief sees only their station');
  await page.getByRole('button', { name: '生成该月红黑榜' }).click();
  const drawer = page.locator('.ant-drawer').filter({ hasText: stationName });
  await drawer.getByText(`${stationName} ${month} · 待审核`).waitFor();
  const entry = drawer.locator('.ant-table-row', { hasText: '待查处快餐店' });
  await entry.getByRole('button', { name: /移\s*出/ }).click();
  await page.getByRole('textbox', { name: '移出理由' }).fill('已立案查处，待结案后再列入');
  await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
  await entry.getByText(/已移出.*已立案查处/).waitFor();
  await drawer.getByRole('button', { name: '审核通过' }).click();
  await drawer.getByText(`${stationName} ${month} · 已审核`).waitFor();
  await drawer.getByRole('button', { name: /发\s*布/ }).click();
  await drawer.getByText(`${stationName} ${month} · 已发布`).waitFor();
  await page.locator('.ant-drawer-close').click();
  await row.getByText('已发布').waitFor();
  assert.deepEqual(chief.errors, []);

  const citizen = await openSession(browser, app, { phone: true });
  await citizen.page.goto('/portal/food');
  const card = citizen.page.locator('.ant-card', { hasText: `${stationName} · ${month}` });
  await card.waitFor();
  await card.getByText('红榜示范酒家').waitFor();
  await card.getByRole('tab', { name: /黑榜/ }).click();
  await card.getByText('两次不符合小吃店').waitFor();
  assert.equal(await card.getByText('待查处快餐店').count(), 0, 'the removed entry is not public');
  assert.doesNotMatch((await card.textContent())!, /已立案查处/);
  const overflow = await citizen.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  assert.deepEqual(citizen.errors, []);
});
