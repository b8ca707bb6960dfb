import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, pickOption, sideMenuLabels, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();

const NEW_USER = { username: 'e2e.wang', displayName: '王测试', password: 'Guicheng#2026' };

test('admin creates a user through the modal; the user is listed and can log in', async () => {
  const admin = await openSession(web.browser, web.app);
  const { page } = admin;
  await loginViaUi(page, 'admin');
  await page.getByTestId('side-menu').getByText('用户管理').click();
  const table = page.getByTestId('users-table');
  await table.getByText('s01.inspector', { exact: true }).waitFor();
  await page.screenshot({ path: '/tmp/e2e-users.png', fullPage: true });

  await page.getByTestId('user-create').click();
  const modal = page.getByTestId('user-form-modal');
  await page.getByTestId('user-username').fill(NEW_USER.username);
  await page.getByTestId('user-display-name').fill(NEW_USER.displayName);
  await pickOption(page, 'user-unit', '桂城', '桂城市场监管所', modal.locator('.ant-modal-title'));
  await pickOption(page, 'user-roles', '执法', '执法检查人员', modal.locator('.ant-modal-title'));

  // A password the policy refuses is reported next to the field before anything is sent.
  await page.getByTestId('user-password').fill('short');
  await page.getByTestId('user-form-ok').click();
  await modal.getByText('密码长度至少8位').waitFor();

  await page.getByTestId('user-password').fill(NEW_USER.password);
  await page.getByTestId('user-confirm').fill(NEW_USER.password);
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/org/users') && r.request().method() === 'POST'),
    page.getByTestId('user-form-ok').click(),
  ]);
  assert.equal(created.status(), 201, await created.text());
  await modal.waitFor({ state: 'hidden' });
  const row = table.locator('tr', { hasText: NEW_USER.username });
  await row.waitFor();
  assert.match(await textOf(row), /王测试[\s\S]*桂城市场监管所[\s\S]*执法检查人员/);

  // Searching asks the API again, so the row is really stored, not only added on the client.
  await page.getByTestId('user-search').locator('input').fill('e2e');
  await page.getByTestId('user-search').locator('input').press('Enter');
  await table.getByText('s01.inspector', { exact: true }).waitFor({ state: 'detached' });
  await row.waitFor();
  await page.screenshot({ path: '/tmp/e2e-users-created.png', fullPage: true });
  assert.deepEqual(admin.errors, []);

  const fresh = await openSession(web.browser, web.app);
  await loginViaUi(fresh.page, NEW_USER.username, NEW_USER.password);
  assert.match(await textOf(fresh.page.getByTestId('header-unit')), /桂城市场监管所/);
  assert.ok(!(await sideMenuLabels(fresh.page)).includes('用户管理'));
  await fresh.context.close();
  await admin.context.close();
});

test('a duplicate username comes back from the server onto the username field', async () => {
  const { context, page } = await openSession(web.browser, web.app);
  await loginViaUi(page, 'admin');
  await page.goto('/org/users');
  await page.getByTestId('user-create').click();
  const modal = page.getByTestId('user-form-modal');
  await page.getByTestId('user-username').fill('s01.chief');
  await page.getByTestId('user-display-name').fill('重复');
  await pickOption(page, 'user-unit', '桂城', '桂城市场监管所', modal.locator('.ant-modal-title'));
  await pickOption(page, 'user-roles', '执法', '执法检查人员', modal.locator('.ant-modal-title'));
  await page.getByTestId('user-password').fill('Another#2026');
  await page.getByTestId('user-confirm').fill('Another#2026');
  await page.getByTestId('user-form-ok').click();
  await page.locator('.ant-form-item-explain-error', { hasText: '用户名已存在' }).waitFor();
  await context.close();
});

test('a station chief sees no actions on a user of their station who holds more than they do', async () => {
  const adminApi = await loginAs(web.app, 'admin');
  const [s01] = await web.app.testDb.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
  const [hotline] = await web.app.testDb.db.query<{ id: number }>(`SELECT id FROM roles WHERE code = 'hotline'`);
  const created = await adminApi.post('/api/v1/org/users', {
    username: 's01.wide',
    displayName: '全局话务员',
    unitId: s01?.id,
    roleIds: [hotline?.id],
    password: 'Welcome#2026',
  });
  assert.equal(created.status, 201);

  const { context, page, errors } = await openSession(web.browser, web.app);
  await loginViaUi(page, 's01.chief');
  await page.goto('/org/users');
  const table = page.getByTestId('users-table');
  const wide = table.locator('tr', { hasText: 's01.wide' });
  await wide.getByTestId('user-beyond-you').waitFor();
  assert.equal(await wide.getByRole('button', { name: '重置密码' }).count(), 0);
  const inspector = table.locator('tr').filter({ has: page.getByText('s01.inspector', { exact: true }) });
  await inspector.getByRole('button', { name: '重置密码' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
