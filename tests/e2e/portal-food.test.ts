import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { addGrade, addInspection, addReply, makeFoodBusiness } from '../helpers/food-public-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';
import { launchBrowser, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const db = app.testDb.db;
  const b = await makeFoodBusiness(db, { station: 's01', name: '桂城笑脸示范酒家' });
  await addInspection(db, b, { on: '2026-10-20', result: 'pass', score: 93 });
  const grade = await addGrade(db, b.id, { grade: 'excellent', on: '2026-10-20' });
  await addGrade(db, b.id, { kind: 'annual', grade: 'A', on: '2026-01-05', year: 2025 });
  await addReply(db, b.id, grade, '欢迎顾客监督后厨卫生。', true);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('on a phone, a citizen searches a restaurant on the portal food page and sees its grade and reply', async () => {
  const { page, errors } = await openSession(browser, app, { phone: true });
  await page.goto('/portal/food');
  await page.getByText('食品经营者量化分级公示').first().waitFor();
  const box = page.getByTestId('food-search').locator('input');
  await box.fill('笑脸示范');
  await box.press('Enter');
  await page.waitForURL(/\?q=/);
  const result = page.getByTestId('food-result').first();
  await result.waitFor();
  assert.match((await result.getByTestId('food-grade').textContent())!, /优秀/);
  await page.getByRole('link', { name: '桂城笑脸示范酒家' }).click();
  await page.waitForURL(/\/portal\/food\/\d+$/);
  const card = page.getByTestId('food-business');
  await card.getByTestId('food-grade').waitFor();
  assert.match((await card.getByTestId('food-grade').textContent())!, /优秀/);
  assert.match((await page.getByTestId('food-reply').textContent())!, /欢迎顾客监督后厨卫生/);
  assert.match((await card.textContent())!, /2026-10-20 符合/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling (${overflow}px too wide)`);
  await page.screenshot({ path: '/tmp/portal-food-mobile.png', fullPage: true });
  assert.deepEqual(errors, []);
});
