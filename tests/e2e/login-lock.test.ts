import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TestApp } from '../helpers/test-app.ts';
import { DEMO_PASSWORD, launchBrowser, openSession, startWebApp, submitLogin, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('five wrong passwords lock the account: the right password then shows the lock message', async () => {
  const { context, page, errors } = await openSession(browser, app);
  await page.goto('/login');
  const formError = page.getByTestId('form-error');
  for (let attempt = 1; attempt <= 5; attempt++) {
    const status = await submitLogin(page, 's02.inspector', `Wrong@${attempt}x`);
    assert.ok(status === 401 || status === 423, `attempt ${attempt} answered ${status}`);
  }
  assert.match(await textOf(formError), /锁定/);

  const status = await submitLogin(page, 's02.inspector', DEMO_PASSWORD);
  assert.equal(status, 423);
  const message = await textOf(formError);
  assert.match(message, /锁定/);
  assert.match(message, /分钟后再试/);
  assert.match(page.url(), /\/login$/);
  await page.screenshot({ path: '/tmp/e2e-login-locked.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong password shows the server message and keeps the user on the login page', async () => {
  const { context, page } = await openSession(browser, app);
  await page.goto('/login');
  assert.equal(await submitLogin(page, 's03.inspector', 'Nope@1234'), 401);
  assert.match(await textOf(page.getByTestId('form-error')), /用户名或密码错误/);
  await context.close();
});
