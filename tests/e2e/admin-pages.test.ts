import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminSessionFixture, textOf } from './helpers.ts';

const fixture = adminSessionFixture();

/** Each admin page loads its data from the API without error alerts or script errors. */
test('organisation and role pages show the demo data', async () => {
  const { page, errors } = fixture.admin;
  await page.goto('/org/units');
  await page.getByTestId('units-table').getByText('440605011').waitFor();
  await page.screenshot({ path: '/tmp/e2e-units.png', fullPage: true });
  await page.goto('/org/roles');
  await page.getByTestId('roles-table').getByText('执法检查人员').waitFor();
  assert.equal(await page.locator('.ant-alert-error').count(), 0);
  assert.deepEqual(errors, []);
});

test('audit log lists the logins and the hash chain verifies', async () => {
  const { page, errors } = fixture.admin;
  await fixture.app.services.auditCheckpoints.write({ force: true });
  await page.goto('/audit');
  await page.getByTestId('audit-table').getByText('登录成功', { exact: true }).first().waitFor();
  await page.getByTestId('verify-chain').click();
  assert.match(await textOf(page.getByTestId('verify-result')), /哈希链完整/);
  assert.match(await textOf(page.getByTestId('verify-checkpoints')), /检查点一致/);
  await page.screenshot({ path: '/tmp/e2e-audit.png' });
  await page.keyboard.press('Escape');
  await page.goto('/audit/logins');
  await page.getByTestId('logins-table').getByText('admin').first().waitFor();
  assert.deepEqual(errors, []);
});

test('the job list loads and the language switch turns the interface to English and back', async () => {
  const { page, errors } = fixture.admin;
  await page.goto('/jobs');
  await page.getByTestId('jobs-table').waitFor();
  await page.getByTestId('lang-switch').getByText('EN').click();
  await page.getByTestId('side-menu').getByText('Background jobs').waitFor();
  await page.reload();
  await page.getByTestId('side-menu').getByText('Background jobs').waitFor();
  await page.getByTestId('lang-switch').getByText('中文').click();
  await page.getByTestId('side-menu').getByText('后台任务').waitFor();
  assert.deepEqual(errors, []);
});
