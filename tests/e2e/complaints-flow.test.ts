import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let entity: TEntityDetail;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
  const s01 = units.find((u) => u.code === 's01');
  assert.ok(s01, 'station s01 is seeded');
  const res = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '佛山市南海区桂城好味餐饮店', stationId: s01.id }),
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  entity = res.body;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** antd 6 puts an InputNumber's data-testid on the input itself; older versions on the wrapper. */
const INPUT = 'xpath=descendant-or-self::input';

const countComplaints = async () =>
  ((await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM complaints'))[0] as { n: number }).n;

/** Clicks a workflow action on the detail page, fills its form and waits for the new status. */
async function act(page: Page, action: string, status: string, fill?: () => Promise<void>) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-ok').waitFor();
  await fill?.();
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/transitions') && r.request().method() === 'POST'),
    page.getByTestId('action-ok').click(),
  ]);
  assert.equal(res.status(), 200, `${action}: ${await res.text()}`);
  await page.getByTestId('complaint-status').filter({ hasText: status }).waitFor();
}

test('public files on the portal, the s01 handler mediates it to closed, the person tracks the result', async () => {
  const publicSession = await openSession(browser, app);
  const portal = publicSession.page;
  await portal.goto('/portal/complaint');
  await portal.getByTestId('portal-name').fill('李市民');
  await portal.getByTestId('portal-phone').fill('13912345678');
  await portal.getByTestId('portal-business-uscc').fill(entity.uscc);
  await portal.getByTestId('portal-amount').locator(INPUT).fill('128.50');
  await portal.getByTestId('portal-description').fill('在该店就餐后发现菜品变质，要求退款并赔偿。');
  await portal.screenshot({ path: '/tmp/complaints-portal-form.png', fullPage: true });

  // A double click sends the same Idempotency-Key twice at most: one record.
  const before = await countComplaints();
  await portal.getByTestId('portal-submit').dblclick();
  const code = (await textOf(portal.getByTestId('portal-tracking-code'))).trim();
  assert.match(code, /^TS\d{8}[2-9A-Z]{6}$/);
  assert.match(await textOf(portal.getByTestId('portal-result')), /桂城市场监管所/);
  assert.equal(await countComplaints(), before + 1);
  await portal.screenshot({ path: '/tmp/complaints-portal-submitted.png', fullPage: true });

  const staff = await openSession(browser, app);
  const { page } = staff;
  await loginViaUi(page, 's01.inspector');
  await page.getByTestId('side-menu').getByText('投诉举报', { exact: true }).click();
  const row = page.getByTestId('complaints-table').locator('tr', { hasText: code });
  await row.waitFor();
  assert.match(await textOf(row), /投诉[\s\S]*待受理[\s\S]*李市民[\s\S]*桂城好味餐饮店/);
  await page.screenshot({ path: '/tmp/complaints-queue.png', fullPage: true });

  await row.getByRole('link', { name: code }).click();
  await page.getByTestId('complaint-status').filter({ hasText: '待受理' }).waitFor();
  assert.match(await textOf(page.getByTestId('complaint-rule-set')), /国家市场监督管理总局令/);
  assert.match(await textOf(page.getByTestId('complaint-deadlines')), /受理/);
  await page.screenshot({ path: '/tmp/complaints-detail.png', fullPage: true });

  await act(page, 'accept', '已受理');
  await act(page, 'startMediation', '调解中');
  // A required field left empty is caught before sending.
  await page.getByTestId('action-mediationSucceeded').click();
  await page.getByTestId('action-field-recovered').locator(INPUT).fill('');
  await page.getByTestId('action-ok').click();
  await page.getByText('请填写挽回金额，没有则填0').waitFor();
  await page.locator('.ant-modal-close').click();
  await page.getByTestId('action-ok').waitFor({ state: 'detached' });
  await act(page, 'mediationSucceeded', '调解成功', async () => {
    await page.getByTestId('action-field-recovered').locator(INPUT).fill('100');
  });
  await act(page, 'feedback', '已办结', async () => {
    await page.getByTestId('action-field-feedback').fill('经调解，商家退款并赔偿100元，投诉人表示认可。');
  });
  assert.match(
    await textOf(page.getByTestId('complaint-timeline')),
    /登记[\s\S]*受理[\s\S]*组织调解[\s\S]*调解成功[\s\S]*反馈办结/,
  );
  assert.match(await textOf(page.getByTestId('complaint-facts')), /¥100\.00/);
  await page.screenshot({ path: '/tmp/complaints-detail-closed.png', fullPage: true });

  await portal.goto('/portal/track');
  await portal.getByTestId('track-code').fill(code);
  await portal.getByTestId('track-last4').fill('5678');
  await portal.getByTestId('track-submit').click();
  await portal.getByTestId('track-status').filter({ hasText: '已办结' }).waitFor();
  const progress = await textOf(portal.getByTestId('track-progress'));
  assert.match(progress, /桂城市场监管所/);
  assert.match(progress, /商家退款并赔偿100元/);
  assert.match(progress, /¥100\.00/);
  assert.doesNotMatch(progress, /检查员/, 'the public never sees staff names');
  const [rated] = await Promise.all([
    portal.waitForResponse((r) => r.url().endsWith('/satisfaction')),
    portal.getByTestId('track-satisfaction').locator('.ant-rate-star').nth(4).click(),
  ]);
  assert.equal(rated.status(), 200);
  await portal.getByText('已评价').waitFor();
  await portal.screenshot({ path: '/tmp/complaints-portal-track.png', fullPage: true });

  assert.deepEqual(publicSession.errors, []);
  assert.deepEqual(staff.errors, []);
  await publicSession.context.close();
  await staff.context.close();
});

test('the portal shows server errors: an unregistered USCC on its field, a wrong phone as one message', async () => {
  const { context, page, errors } = await openSession(browser, app);
  await page.goto('/portal/complaint');
  await page.getByTestId('portal-name').fill('王市民');
  await page.getByTestId('portal-phone').fill('13700001111');
  await page.getByTestId('portal-business-uscc').fill(makeEntity().uscc);
  await page.getByTestId('portal-description').fill('购买的电器无法使用，商家拒绝退换。');
  await page.getByTestId('portal-submit').click();
  const fieldError = page.locator('.ant-form-item', { has: page.getByTestId('portal-business-uscc') });
  await fieldError.locator('.ant-form-item-explain-error').waitFor();

  await page.goto('/portal/track?code=TS20260101ABCDEF&last4=0000');
  await page.getByTestId('track-submit').click();
  await page.getByTestId('form-error').filter({ hasText: '查询码或手机号后4位不正确' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
