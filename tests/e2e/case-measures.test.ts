import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addCalendarDays } from '../../src/domain/case-measures.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { insertCase } from '../helpers/case-factories.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const fx = webAppFixture();

/** A case under investigation with a 查封扣押 already past its 30 days. */
async function caseWithOverdueSeizure() {
  const db = fx.app.testDb.db;
  const today = shanghaiToday();
  const caseId = await insertCase(db, { status: 'investigating', officers: ['s01.inspector', 's01.chief'] });
  const started = addCalendarDays(today, -35);
  await db.query(
    `INSERT INTO case_measures (case_id, kind, items, started_on, due_on, first_due_on)
     VALUES ($1, 'seizure', '过期食品 20 箱（存放于所仓库）', $2, $3, $3)`,
    [caseId, started, addCalendarDays(started, 30)],
  );
  return caseId;
}

test('an officer takes a 先行登记保存 and releases it on the case page; an overdue seizure shows red', async () => {
  const caseId = await caseWithOverdueSeizure();
  const { page, errors } = await openSession(fx.browser, fx.app);
  await loginViaUi(page, 's01.inspector');
  await page.goto(`/cases/${caseId}`);
  await page.getByTestId('case-tabs').getByRole('tab', { name: '强制措施' }).click();
  const table = page.getByTestId('case-measures');
  await table.getByText('过期食品 20 箱').waitFor();
  const overdueRow = table.locator('tr', { hasText: '过期食品' });
  assert.match(await textOf(overdueRow), /已超期/);
  assert.equal((await overdueRow.locator('.ant-tag-red').count()) > 0, true, 'the overdue tag is red');

  await page.getByTestId('measure-take').click();
  const modal = page.getByTestId('measure-modal');
  await modal.getByTestId('measure-field-items').fill('散装白酒 12 瓶，就地封存');
  await modal.getByTestId('measure-ok').click();
  await modal.waitFor({ state: 'detached' });
  const row = table.locator('tr', { hasText: '散装白酒 12 瓶' });
  await row.waitFor();
  assert.match(await textOf(row), /先行登记保存/);
  assert.match(await textOf(row), /措施执行中/);
  assert.match(await textOf(row), /剩余 \d+ 天/);

  await row.getByRole('button', { name: '解除或处理' }).click();
  await modal.getByTestId('measure-field-outcome').fill('经检验合格，解除先行登记保存');
  await modal.getByTestId('measure-ok').click();
  await modal.waitFor({ state: 'detached' });
  await row.getByText('已解除/已处理').waitFor();
  assert.match(await textOf(row), /经检验合格/);
  await page.screenshot({ path: '/tmp/case-measures.png', fullPage: true });
  assert.deepEqual(errors, []);
});

test('a legal reviewer (case:read only) sees the measures without the action buttons', async () => {
  const caseId = await caseWithOverdueSeizure();
  const { page, errors } = await openSession(fx.browser, fx.app);
  await loginViaUi(page, 'legal');
  await page.goto(`/cases/${caseId}`);
  await page.getByTestId('case-tabs').getByRole('tab', { name: '强制措施' }).click();
  await page.getByTestId('case-measures').getByText('过期食品 20 箱').waitFor();
  assert.equal(await page.getByTestId('measure-take').count(), 0);
  assert.equal(await page.getByRole('button', { name: '解除或处理' }).count(), 0);
  assert.deepEqual(errors, []);
});
