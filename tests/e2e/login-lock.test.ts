import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEMO_PASSWORD, loginViaUi, openSession, submitLogin, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();

test('five wrong passwords lock the account: the right password is then refused with the same message', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  await page.goto('/login');
  const formError = page.getByTestId('form-error');
  for (let attempt = 1; attempt <= 5; attempt++) {
    assert.equal(await submitLogin(page, 's02.inspector', `Wrong@${attempt}x`), 401);
  }
  const wrongMessage = await textOf(formError);
  assert.match(wrongMessage, /用户名或密码错误/);
  assert.match(wrongMessage, /锁定/);

  // Locked: the right password is refused, and the answer does not tell a locked account from a wrong password.
  const status = await submitLogin(page, 's02.inspector', DEMO_PASSWORD);
  assert.equal(status, 401);
  assert.equal(await textOf(formError), wrongMessage);
  assert.match(page.url(), /\/login$/);
  const [last] = await web.app.testDb.db.query<{ result: string }>(
    `SELECT result FROM login_log WHERE username = 's02.inspector' ORDER BY id DESC LIMIT 1`,
  );
  assert.equal(last?.result, 'locked');
  await page.screenshot({ path: '/tmp/e2e-login-locked.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a wrong password shows the server message and keeps the user on the login page', async () => {
  const { context, page } = await openSession(web.browser, web.app);
  await page.goto('/login');
  assert.equal(await submitLogin(page, 's03.inspector', 'Nope@1234'), 401);
  assert.match(await textOf(page.getByTestId('form-error')), /用户名或密码错误/);
  await context.close();
});

test('a user changes their own password from the header menu and signs in with the new one', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  await loginViaUi(page, 's04.inspector');
  await page.getByTestId('user-menu').click();
  await page.getByText('修改密码').click();
  const form = page.getByTestId('change-password-form');
  await form.getByLabel('当前密码').fill('Wrong@2026x');
  await form.getByLabel('新密码').fill('Newpass@2027');
  await form.getByLabel('确认密码').fill('Newpass@2027');
  await page.getByRole('button', { name: /确\s*定/ }).click();
  // The server's field error lands under the field it names.
  await form.getByText('当前密码不正确').waitFor();
  await form.getByLabel('当前密码').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /确\s*定/ }).click();
  await page.getByText('密码已修改').waitFor();

  const fresh = await openSession(web.browser, web.app);
  await fresh.page.goto('/login');
  assert.equal(await submitLogin(fresh.page, 's04.inspector', DEMO_PASSWORD), 401);
  assert.equal(await submitLogin(fresh.page, 's04.inspector', 'Newpass@2027'), 200);
  assert.deepEqual(errors, []);
  await fresh.context.close();
  await context.close();
});
