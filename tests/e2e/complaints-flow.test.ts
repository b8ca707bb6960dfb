import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, pickOption, startWebApp, textOf } from './helpers.ts';

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
  ]).catch(async (err: unknown) => {
    await page.screenshot({ path: `/tmp/complaints-fail-${action}.png` });
    throw err;
  });
  assert.equal(res.status(), 200, `${action}: ${await res.text()}`);
  await page.getByTestId('complaint-status').filter({ hasText: status }).waitFor();
}

test('public files on the portal, the s01 handler mediates it to closed, the person tracks the result', async () => {
  const publicSession = await openSession(browser, app);
  const portal = publicSession.page;
  const portalUrls: string[] = [];
  portal.on('request', (r) => portalUrls.push(r.url()));
  await portal.goto('/portal/complaint');
  await portal.getByTestId('portal-name').fill('李市民');
  await portal.getByTestId('portal-phone').fill('13912345678');
  await portal.getByTestId('portal-business-uscc').fill(entity.uscc);
  await portal.getByTestId('portal-amount').locator(INPUT).fill('128.50');
  await portal.getByTestId('portal-description').fill('在该店就餐后发现菜品变质，要求退款并赔偿。');
  // Evidence goes up as soon as it is chosen; the submission then claims it.
  const photo = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]);
  await portal
    .getByTestId('portal-attachments')
    .locator('input[type=file]')
    .setInputFiles({ name: '菜品照片.png', mimeType: 'image/png', buffer: photo });
  await portal.getByTestId('portal-attachments').getByText('菜品照片.png').waitFor();
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
  // The queue and the detail show the complainant masked, to the handler too.
  assert.match(await textOf(row), /投诉[\s\S]*待受理[\s\S]*李\*\* 139\*\*\*\*5678[\s\S]*桂城好味餐饮店/);
  await page.screenshot({ path: '/tmp/complaints-queue.png', fullPage: true });

  await row.getByRole('link', { name: code }).click();
  await page.getByTestId('complaint-status').filter({ hasText: '待受理' }).waitFor();
  assert.match(await textOf(page.getByTestId('complaint-rule-set')), /国家市场监督管理总局令/);
  assert.match(await textOf(page.getByTestId('complaint-deadlines')), /受理/);
  assert.match(await textOf(page.getByTestId('complaint-attachments')), /菜品照片\.png[\s\S]*SHA-256 [0-9a-f]{64}/);
  assert.equal(await textOf(page.getByTestId('complaint-person')), '李** 139****5678');
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

  // 查看完整信息: a reason is required, then the handler sees the number to call back.
  await page.getByTestId('identity-reveal').click();
  await page.getByTestId('identity-ok').click();
  await page.getByText('请说明查看原因').waitFor();
  await page.getByTestId('identity-reason').fill('电话联系投诉人了解情况');
  await page.getByTestId('identity-ok').click();
  await page.getByTestId('complaint-person').filter({ hasText: '李市民 13912345678' }).waitFor();
  await page.getByText('本次查看已留痕').waitFor();

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

  // Neither the code nor the phone digits ever went into a URL the browser requested (logs, history, referrers).
  assert.deepEqual(
    portalUrls.filter((u) => u.includes(code) || /last4|phone/i.test(u)),
    [],
  );

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

  // Corrected, it goes through; 查询进度 hands the code and phone digits over in router state, not in the URL.
  await page.getByTestId('portal-business-uscc').fill(entity.uscc);
  await page.getByTestId('portal-submit').click();
  await page.getByTestId('portal-tracking-code').waitFor();
  await page.getByRole('link', { name: '查询进度' }).click();
  await page.getByTestId('track-status').filter({ hasText: '待受理' }).waitFor();
  assert.equal(new URL(page.url()).search, '');

  await page.goto('/portal/track');
  await page.getByTestId('track-code').fill('TS20260101ABCDEF');
  await page.getByTestId('track-last4').fill('0000');
  await page.getByTestId('track-submit').click();
  await page.getByTestId('form-error').filter({ hasText: '查询码或手机号后4位不正确' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the 12315 handler registers a phone complaint with a category and sees the analysis dashboard', async () => {
  const { context, page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'hotline');
  await page.goto('/complaints/new');
  await page.getByTestId('intake-person-name').fill('赵市民');
  await page.getByTestId('intake-person-phone').fill('13600002222');
  await page.getByTestId('intake-business-name').locator(INPUT).fill('桂城某小吃店');
  await page.getByTestId('intake-business-address').fill('南海区桂城街道海八路3号');
  await page.getByTestId('intake-amount').locator(INPUT).fill('35');
  await pickOption(page, 'intake-category', '餐饮', '餐饮和住宿服务', page.locator('h4').first());
  await page.getByTestId('intake-description').fill('外卖送达时餐品洒漏，商家不予退款，请问如何维权？');
  await page.screenshot({ path: '/tmp/complaints-intake.png', fullPage: true });
  const [res] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/complaints') && r.request().method() === 'POST'),
    page.getByTestId('intake-submit').click(),
  ]);
  assert.equal(res.status(), 201, await res.text());
  const body = (await res.json()) as { items: { kind: string; stationName: string }[] };
  assert.equal(body.items[0]?.stationName, '桂城市场监管所');
  assert.match(await textOf(page.getByTestId('intake-result')), /查询码 TS\d{8}/);

  // An item received long ago is past its acceptance deadline: its queue row is red and tagged.
  const hotline = await loginAs(app, 'hotline');
  const late = await hotline.post<{ items: { trackingCode: string }[] }>('/api/v1/complaints', {
    kind: 'complaint',
    channel: 'letter',
    person: { name: '钱市民', phone: '13500003333' },
    business: { uscc: entity.uscc },
    description: '来信反映该店售卖过期食品，要求退款。',
    receivedOn: '2025-09-26',
  });
  assert.equal(late.status, 201, JSON.stringify(late.body));
  await page.getByTestId('side-menu').getByText('投诉举报', { exact: true }).click();
  const lateRow = page.getByTestId('complaints-table').locator('tr', { hasText: late.body.items[0]!.trackingCode });
  await lateRow.waitFor();
  assert.match((await lateRow.getAttribute('class')) ?? '', /complaint-due-overdue/);
  assert.match(await textOf(lateRow), /超期/);
  await page.screenshot({ path: '/tmp/complaints-queue-overdue.png', fullPage: true });

  // The dashboard reads monthly aggregates, which a background job refreshes; refresh them now.
  await app.services.complaintAnalysis.rebuildStats();
  await page.getByTestId('side-menu').getByText('投诉举报分析').click();
  // ECharts draws on a canvas: the charts are there once their canvases are.
  for (const chart of ['analysis-trend', 'analysis-by-category', 'analysis-by-station', 'analysis-hot-topics-chart'])
    await page.getByTestId(chart).locator('canvas').first().waitFor();
  await page.getByText('挽回经济损失').first().waitFor();
  await page.screenshot({ path: '/tmp/complaints-analysis.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});
