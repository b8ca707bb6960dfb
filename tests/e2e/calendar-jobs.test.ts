import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adminSessionFixture, confirmPopup, textOf } from './helpers.ts';

const fixture = adminSessionFixture();

test('the working calendar colours holidays and computes deadlines, provisional past the known years', async () => {
  const { page, errors } = fixture.admin;
  await page.goto('/calendar');
  await page.locator('[data-day][data-kind="workday"]').first().waitFor();
  await page.locator('.ant-picker-calendar-year-select').click();
  await page.locator('.ant-select-item-option[title="2026年"]').click();
  await page.locator('.ant-picker-calendar-month-select').click();
  await page.locator('.ant-select-item-option[title="10月"]').click();
  await page.locator('[data-day="2026-10-01"][data-kind="holiday"]').getByText('国庆节').waitFor();
  await page.locator('[data-day="2026-10-10"][data-kind="makeup-workday"]').waitFor();

  const from = page.getByTestId('deadline-from');
  await from.fill('2026-09-30');
  await from.press('Enter');
  await page.getByTestId('deadline-days').fill('1');
  await page.getByTestId('deadline-submit').click();
  // Enter in the date field may already have computed with the default days: wait for this request's answer.
  await page.getByTestId('deadline-result').getByText('起 1 个工作日').waitFor();
  // The National Day week is skipped: one working day after 30 September is 8 October.
  assert.match(await textOf(page.getByTestId('deadline-result')), /期限届满日：2026-10-08/);

  await from.fill('2026-12-20');
  await from.press('Enter');
  await page.getByTestId('deadline-days').fill('30');
  await page.getByTestId('deadline-submit').click();
  await page.getByTestId('deadline-result').getByText('暂定').waitFor();
  await page.screenshot({ path: '/tmp/e2e-calendar.png', fullPage: true });
  assert.deepEqual(errors, []);
});

test('a running job shows its progress and turns to 已完成 without reloading the page', async () => {
  const { page, errors } = fixture.admin;
  let release = () => {};
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  fixture.app.services.jobRunner.register('e2e.progress', async (ctx) => {
    await ctx.progress(1, 4, '导入第1批');
    await released;
    return { imported: 4 };
  });
  await fixture.app.services.jobs.enqueue({ kind: 'e2e.progress' });
  // No worker runs in tests: one tick claims the job and holds it at 1/4 until released.
  const running = fixture.app.services.jobRunner.tick();
  await page.goto('/jobs');
  const row = page.getByTestId('jobs-table').locator('tr', { hasText: 'e2e.progress' });
  await row.getByText('1 / 4').waitFor();
  assert.match(await textOf(row), /运行中[\s\S]*25%[\s\S]*导入第1批/);
  release();
  await running;
  await row.getByText('已完成').waitFor({ timeout: 10_000 });
  assert.deepEqual(errors, []);
});

test('calendar adjustments can be added and removed', async () => {
  const { page, errors } = fixture.admin;
  await page.goto('/calendar');
  const overrides = page.getByTestId('overrides-table');
  const day = page.getByTestId('override-day');
  await day.click();
  await day.fill('2027-01-01');
  await day.press('Enter');
  await page.locator('.ant-picker-dropdown:visible').first().waitFor({ state: 'detached' });
  await page.getByTestId('override-name').fill('元旦');
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/calendar/overrides/2027-01-01') && r.request().method() === 'PUT'),
    page.getByTestId('override-add').click(),
  ]);
  assert.equal(saved.status(), 200);
  const row = overrides.locator('tr', { hasText: '2027-01-01' });
  await row.getByText('元旦').waitFor();
  await confirmPopup(page, row.getByRole('button'));
  await row.waitFor({ state: 'detached' });
  assert.deepEqual(errors, []);
});
