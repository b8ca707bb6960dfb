import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loginViaUi, openSession, sideMenuLabels, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();

test('admin sees every admin entry in the sidebar and the home page shows real account data', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  await loginViaUi(page, 'admin');
  const labels = await sideMenuLabels(page);
  for (const entry of ['首页', '组织机构', '用户管理', '角色管理', '审计日志', '登录日志', '工作日历', '后台任务']) {
    assert.ok(labels.includes(entry), `menu lacks ${entry}: ${labels.join(',')}`);
  }
  await page.getByTestId('home-account').getByText('全部数据').waitFor();
  assert.match(await textOf(page.getByTestId('header-unit')), /佛山市南海区市场监督管理局/);
  await page.screenshot({ path: '/tmp/e2e-layout-admin.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('an inspector sees no user admin entry and gets 403 when opening it directly', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  await loginViaUi(page, 's01.inspector');
  const labels = await sideMenuLabels(page);
  assert.ok(!labels.includes('用户管理'), `inspector menu: ${labels.join(',')}`);
  assert.ok(labels.includes('工作日历'));
  assert.match(await textOf(page.getByTestId('header-unit')), /桂城市场监管所/);
  await page.goto('/org/users');
  await page.getByText('您没有访问此页面的权限').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an unknown path shows 404 and a signed-out visitor is sent to /login keeping the path', async () => {
  const { context, page } = await openSession(web.browser, web.app);
  await page.goto('/audit/logins');
  await page.waitForURL(/\/login\?next=%2Faudit%2Flogins$/);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.waitForURL(/\/audit\/logins$/);
  await page.getByTestId('logins-table').getByText('登录成功').first().waitFor();
  await page.goto('/no/such/page');
  await page.getByText('页面不存在').waitFor();
  await context.close();
});

test('logging out ends the session', async () => {
  const { context, page } = await openSession(web.browser, web.app);
  await loginViaUi(page, 'leader');
  await page.getByTestId('user-menu').click();
  await page.getByText('退出登录').click();
  await page.waitForURL(/\/login$/);
  await page.goto('/');
  await page.waitForURL(/\/login/);
  await context.close();
});

test('when the session ends, the next API call sends the user to /login and back after signing in', async () => {
  const { context, page } = await openSession(web.browser, web.app);
  await loginViaUi(page, 'admin');
  // The home page's own calls (calendar, inbox, system figures, 12315 figures) must be done, so that the 401 comes
  // from the roles page.
  await page.getByText('已收录年度').waitFor();
  await page.getByTestId('inbox-count-overdue').waitFor();
  await page.getByTestId('home-system-failed-logins').waitFor();
  await page.getByTestId('home-figures').getByText('本月登记').waitFor();
  await context.clearCookies();
  await page.getByTestId('side-menu').getByText('角色管理').click();
  await page.waitForURL(/\/login\?next=%2Forg%2Froles$/);
  assert.match(await textOf(page.getByTestId('session-ended')), /请先登录/);
  await page.getByTestId('login-username').fill('admin');
  await page.getByTestId('login-password').fill('Demo@2026');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('roles-table').getByText('执法检查人员').waitFor();
  await context.close();
});
