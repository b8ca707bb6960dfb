import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Locator, Page, Response } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit, TUser } from '../../src/contracts/org.ts';
import { leadCode } from '../../src/domain/case-workflow.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();

/** antd 6 puts an InputNumber's data-testid on the input itself; older versions on the wrapper. */
const INPUT = 'xpath=descendant-or-self::input';

async function pickIn(page: Page, testId: string, text: string, search?: string) {
  const select = page.getByTestId(testId);
  await select.click();
  if (search) await select.locator('input').fill(search);
  // While the dropdown still slides in, its list re-renders and a click can land on a replaced node (see pickOption).
  await page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])').waitFor();
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
}

/** Closes an open (multiple) select's dropdown by clicking `target`, and waits until it has gone. */
async function closeDropdown(page: Page, target: Locator) {
  await target.click();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'detached' });
}

/** The demo users hold no 执法证: two inspectors of different stations get one (a case needs two officers). */
async function giveCredentials() {
  const admin = await loginAs(web.app, 'admin');
  const users = (await admin.get<{ items: TUser[] }>('/api/v1/org/users?limit=50')).body.items;
  for (const username of ['s01.inspector', 's03.inspector', 's01.chief']) {
    const user = users.find((u) => u.username === username);
    assert.ok(user, username);
    const res = await admin.patch(`/api/v1/org/users/${user.id}`, {
      version: user.version,
      enforcementCredentialNo: `4406${user.id}2026`,
      enforcementCredentialExpiresOn: '2030-12-31',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  }
}

const shotsDir = process.env.E2E_SHOTS;
let shotNo = 0;
/** With E2E_SHOTS=<dir>, each step's page is kept as a numbered PNG to look at (off by default: it costs time). */
async function shot(page: Page, name: string) {
  if (!shotsDir) return;
  mkdirSync(shotsDir, { recursive: true });
  shotNo += 1;
  console.log(`${(performance.now() / 1000).toFixed(1)}s ${name}`);
  await page.screenshot({ path: `${shotsDir}/${String(shotNo).padStart(2, '0')}-${name}.png`, fullPage: true });
}

const isTransition = (caseId: number) => (r: Response) =>
  r.request().method() === 'POST' && new RegExp(`/api/v1/cases/${caseId}/(transitions|payments)$`).test(r.url());

/**
 * One case action as the officer does it on the case page: the button, the modal's fields, 确定 (or 提交审批),
 * the API's answer, then the status the page shows.
 */
async function act(
  page: Page,
  caseId: number,
  action: string,
  fill: (page: Page) => Promise<void>,
  expect: { status?: RegExp; pending?: boolean },
) {
  await page.getByTestId(`case-action-${action}`).click();
  const ok = page.getByTestId('case-action-ok');
  await ok.waitFor();
  await fill(page);
  await shot(page, `${action}-modal`);
  const [res] = await Promise.all([page.waitForResponse(isTransition(caseId)), ok.click()]);
  assert.equal(res.status(), 200, `${action}: ${await res.text()}`);
  await ok.waitFor({ state: 'hidden' });
  if (expect.pending) await page.getByTestId('case-pending').waitFor();
  if (expect.status) await page.getByTestId('case-status').filter({ hasText: expect.status }).waitFor();
  await shot(page, `${action}-done`);
}

/** Waits for the answer to 同意 in the approval modal (on the inbox or on the case page). */
async function confirmApproval(page: Page, comment: string) {
  await page.getByTestId('approval-comment').fill(comment);
  const [decided] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST'),
    page.getByTestId('approval-ok').click(),
  ]);
  assert.equal(decided.status(), 200, await decided.text());
}

/** An approver's 待我审批 page: the case's row, 同意 with a comment; the row leaves the inbox. */
async function approve(page: Page, caseId: number, comment: string) {
  await page.goto('/cases/approvals');
  const row = page
    .getByTestId('approvals-table')
    .locator('tr')
    .filter({ has: page.getByTestId(`approval-case-${caseId}`) });
  await row.waitFor();
  await shot(page, 'approvals');
  await row.locator('[data-testid^="approve-"]').click();
  await confirmApproval(page, comment);
  await row.waitFor({ state: 'detached' });
}

/** From the inbox to the case (to read it first), then 同意 on the case page itself. */
async function approveOnCase(page: Page, caseId: number, comment: string) {
  await page.goto('/cases/approvals');
  await page.getByTestId(`approval-case-${caseId}`).click();
  await page.getByTestId('case-approve').click();
  await shot(page, 'approve-on-case');
  await confirmApproval(page, comment);
}

/** The officer's case page after someone else moved the case on: reloaded, showing `status`. */
async function reloadUntil(page: Page, status: RegExp) {
  await page.reload();
  await page.getByTestId('case-status').filter({ hasText: status }).waitFor();
}

test('a 12315 report → lead → 立案 → evidence → 告知 → 陈述申辩 → 决定 → 送达 → 缴款 → 结案 → public page, all in the UI; an illegal step refused', async () => {
  await giveCredentials();
  const inspectorApi = await loginAs(web.app, 's01.inspector');
  // A 12315 report about a business of 桂城 (the inspector's station), turned into a lead (诉转案).
  const hotline = await loginAs(web.app, 'hotline');
  const admin = await loginAs(web.app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01');
  assert.ok(s01, 'station s01 is seeded');
  const business = (
    await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name: '桂城某饮料店', stationId: s01.id }))
  ).body;
  const intake = await hotline.post<{ items: { id: number }[] }>('/api/v1/complaints', {
    kind: 'report',
    channel: 'phone',
    person: { name: '李四', phone: '13912345678' },
    categoryCode: 'service.catering',
    description: '举报桂城某摊贩销售假冒饮料。',
    business: { entityId: business.id },
  });
  assert.equal(intake.status, 201, JSON.stringify(intake.body));
  const reportId = intake.body.items[0]!.id;
  // The station's inspector turns the report into a lead (诉转案) on the report's page.
  const inspector = await openSession(web.browser, web.app);
  await loginViaUi(inspector.page, 's01.inspector');
  const page = inspector.page;
  await page.goto(`/complaints/${reportId}`);
  await page.getByTestId('action-openCase').click();
  await page.getByTestId('action-ok').waitFor();
  await shot(page, 'report-open-case');
  const [opened] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/complaints/${reportId}/transitions`)),
    page.getByTestId('action-ok').click(),
  ]);
  assert.equal(opened.status(), 200, await opened.text());
  const leadId = Number(((await opened.json()) as { caseLeadRef: string }).caseLeadRef.slice(2));

  await page.goto('/cases/leads');
  await page.getByTestId(`lead-open-${leadId}`).click();
  await shot(page, 'lead');
  await page.getByTestId('lead-action-file').click();
  // The report names a registered business: the case's party is that entity, as registered.
  assert.equal(await page.getByTestId('propose-party-name').inputValue(), '桂城某饮料店');
  assert.equal(await page.getByTestId('propose-party-name').isDisabled(), true);
  await page.getByTestId('propose-title').fill('销售假冒饮料案');
  await page.getByTestId('propose-act-on').click();
  await page.keyboard.type('2026-11-20');
  await page.keyboard.press('Enter');
  await pickIn(page, 'propose-violations', '', '');
  await page.getByTestId('propose-title').click();
  await pickIn(page, 'propose-officers', '陈检查员');
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: '黄检查员' })
    .first()
    .click();
  await page.getByTestId('propose-title').click();
  await shot(page, 'propose');
  // The proposal's answer, so a refusal fails with the server's words rather than a navigation timeout.
  const [proposed] = await Promise.all([
    page.waitForResponse(
      (r) => r.request().method() === 'POST' && /^\/api\/v1\/case-leads\/\d+\/case$/.test(new URL(r.url()).pathname),
    ),
    page.getByTestId('propose-ok').click(),
  ]);
  assert.equal(proposed.status(), 201, await proposed.text());
  await page.waitForURL(/\/cases\/\d+$/);
  const caseId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.match(await textOf(page.getByTestId('case-status')), /待立案/);

  // 立案 goes to the station chief's inbox; the page says so and offers nothing else meanwhile.
  await act(page, caseId, 'file', async () => {}, { pending: true });
  assert.equal(await page.getByTestId('case-actions').getByRole('button', { disabled: false }).count(), 0);

  const chief = await openSession(web.browser, web.app);
  await loginViaUi(chief.page, 's01.chief');
  await approve(chief.page, caseId, '同意立案');
  await reloadUntil(page, /调查取证/);
  assert.equal(await textOf(page.getByTestId('case-lead')), leadCode(leadId));
  // The reporter is told of the 立案 on the report's own record.
  const reportRecord = JSON.stringify((await hotline.get(`/api/v1/complaints/${reportId}`)).body);
  assert.match(reportRecord, /告知举报人已立案/);
  assert.match(await textOf(page.getByTestId('case-clocks')), /办案期限\d{4}-\d{2}-\d{2}/);

  // Evidence from the phone page: a photo of the scene, kept with its SHA-256.
  const phone = await openSession(web.browser, web.app, { phone: true });
  await loginViaUi(phone.page, 's01.inspector');
  await phone.page.goto('/cases/evidence');
  const { caseNo } = (await inspectorApi.get<{ caseNo: string }>(`/api/v1/cases/${caseId}`)).body;
  await pickIn(phone.page, 'capture-case', caseNo);
  const photo = '/tmp/cases-flow-photo.png';
  writeFileSync(
    photo,
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  await phone.page.getByTestId('capture-file').setInputFiles(photo);
  await phone.page.getByTestId('capture-title').fill('现场照片：货架上的假冒饮料');
  await phone.page.getByTestId('capture-submit').click();
  assert.match(await textOf(phone.page.getByTestId('capture-added')), /SHA-256 [0-9a-f]{64}/);
  await shot(phone.page, 'evidence-phone');

  // An illegal step: the page offers no 决定 during the investigation, and the API refuses one (409) with the case
  // left where it was.
  await reloadUntil(page, /调查取证/);
  await page.getByTestId('case-action-finishInvestigation').waitFor();
  assert.equal(await page.getByTestId('case-action-decide').count(), 0);
  const detail = await inspectorApi.get<{ version: number; status: string }>(`/api/v1/cases/${caseId}`);
  const refused = await inspectorApi.post<{ detail: string }>(`/api/v1/cases/${caseId}/transitions`, {
    action: 'decide',
    version: detail.body.version,
    decisionKind: 'penalty',
  });
  assert.equal(refused.status, 409, JSON.stringify(refused.body));
  assert.equal((await inspectorApi.get<{ status: string }>(`/api/v1/cases/${caseId}`)).body.status, 'investigating');

  // 调查终结 → 法制审核 (the bureau's 法制审核 officer approves on the approvals page).
  await act(
    page,
    caseId,
    'finishInvestigation',
    (m) => m.getByTestId('case-field-report').fill('经查，当事人销售假冒饮料，事实清楚，证据确凿。'),
    { status: /调查终结/ },
  );
  await act(page, caseId, 'legalReview', async () => {}, { pending: true });
  const legal = await openSession(web.browser, web.app);
  await loginViaUi(legal.page, 'legal');
  await approveOnCase(legal.page, caseId, '事实清楚，证据确凿，适用依据正确，程序合法。');
  await legal.page
    .getByTestId('case-status')
    .filter({ hasText: /法制审核通过/ })
    .waitFor();
  await reloadUntil(page, /法制审核通过/);

  // 告知 with the proposed fine (¥5,000: no hearing right for it, no 集体讨论), then the party's 陈述申辩.
  await act(
    page,
    caseId,
    'notify',
    async (m) => {
      await m.getByTestId('penalty-0-amount').locator(INPUT).fill('5000');
    },
    { status: /已告知/ },
  );
  // Deciding inside the 陈述申辩 period, before the party was heard, is refused on the form with the reason.
  assert.equal(await page.getByTestId('case-action-scheduleHearing').count(), 0, 'no hearing right for ¥5,000');
  await page.getByTestId('case-action-decide').click();
  const [early] = await Promise.all([
    page.waitForResponse(isTransition(caseId)),
    page.getByTestId('case-action-ok').click(),
  ]);
  assert.equal(early.status(), 422, await early.text());
  await page
    .locator('.ant-modal')
    .getByText(/陈述申辩期至 \d{4}-\d{2}-\d{2} 届满，期满或记录陈述申辩后方可决定/)
    .waitFor();
  await shot(page, 'decide-refused');
  await page.getByTestId('case-action-cancel').click();
  await page.getByTestId('case-action-ok').waitFor({ state: 'hidden' });
  await act(
    page,
    caseId,
    'recordStatement',
    (m) => m.getByTestId('case-field-note').fill('当事人表示无异议，放弃陈述申辩。'),
    {
      status: /已告知/,
    },
  );
  assert.match(await textOf(page.getByTestId('case-timeline')), /当事人表示无异议/);

  // 决定: the station chief, then the bureau's leader approve; the decision gets its number.
  await act(page, caseId, 'decide', async () => {}, { pending: true });
  await approve(chief.page, caseId, '同意');
  const leader = await openSession(web.browser, web.app);
  await loginViaUi(leader.page, 'leader');
  await approveOnCase(leader.page, caseId, '同意处罚');
  await leader.page
    .getByTestId('case-status')
    .filter({ hasText: /已作出决定/ })
    .waitFor();
  await reloadUntil(page, /已作出决定/);
  const decisionNo = /[^\s·]*处罚〔\d{4}〕\d+号/.exec(await textOf(page.getByTestId('case-facts')))?.[0];
  assert.ok(decisionNo, 'the decision has its number on the case page');

  // 送达 today in person, the fine paid in full, 结案 approved by the station chief.
  await act(page, caseId, 'serve', async () => {}, { status: /已送达/ });
  await act(
    page,
    caseId,
    'recordPayment',
    async (m) => {
      assert.equal(await m.getByTestId('case-field-amount').locator(INPUT).inputValue(), '5000.00');
      await m.getByTestId('case-field-receipt').fill('NH2026120300001');
    },
    {},
  );
  await page.getByTestId('case-tabs').getByRole('tab', { name: '执行' }).click();
  await page.getByTestId('case-execution').filter({ hasText: '¥5,000.00' }).waitFor();
  await act(page, caseId, 'close', async () => {}, { pending: true });
  await approve(chief.page, caseId, '同意结案');
  await reloadUntil(page, /已结案/);
  await shot(page, 'closed');

  // 公示: the station chief publishes the decision from 公示管理 (newest first, so it heads the list).
  const [row] = await web.app.testDb.db.query<{ id: number }>('SELECT id FROM case_disclosures WHERE case_id = $1', [
    caseId,
  ]);
  assert.ok(row, 'the decision awaits publication');
  await chief.page.goto('/cases/disclosures');
  await chief.page.getByTestId(`disclosure-publish-${row.id}`).click();
  await chief.page.getByTestId('disclosure-publish-ok').click();
  await chief.page.getByTestId(`disclosure-status-${row.id}`).getByText('公示中').waitFor();
  await shot(chief.page, 'published');

  // The public page (SAMR Order 45) shows the published decision, without a login.
  const visitor = await openSession(web.browser, web.app);
  await visitor.page.goto(`/portal/penalties?no=${encodeURIComponent(decisionNo)}`);
  await visitor.page.getByText(decisionNo).first().waitFor();
  await shot(visitor.page, 'portal');
  await visitor.context.close();

  for (const s of [inspector, chief, legal, leader, phone]) {
    assert.deepEqual(s.errors, []);
    await s.context.close();
  }
});

test('phone: a summary fine above the limit is refused on the amount field; within it the decision opens', async () => {
  await giveCredentials();
  const { context, page, errors } = await openSession(web.browser, web.app, { phone: true });
  await loginViaUi(page, 's01.inspector');
  await page.goto('/cases/summary');
  await page.getByTestId('summary-party-kind').getByText('个人').click();
  await page.getByTestId('summary-party-name').fill('王某');
  await page.getByTestId('summary-party-id').fill('11010519491231002X');
  await pickIn(page, 'summary-violation', '', '');
  await page.getByTestId('summary-facts').fill('在路边销售未标明价格的商品');
  await page.getByTestId('summary-place').fill('桂城南海大道');
  await page.getByTestId('summary-penalty').getByText('罚款').click();
  await page.getByTestId('summary-amount').locator(INPUT).fill('500');
  await pickIn(page, 'summary-officers', '陈检查员');
  await closeDropdown(page, page.getByTestId('summary-place'));
  await page.getByTestId('summary-submit').click();
  await page.getByText(/简易程序对公民的罚款不得超过200\.00元/).waitFor();

  await page.getByTestId('summary-amount').locator(INPUT).fill('150');
  const popup = context.waitForEvent('page');
  await page.getByTestId('summary-submit').click();
  const pdf = await popup;
  assert.match(pdf.url(), /\/api\/v1\/case-documents\/\d+\/pdf$/);
  await page.getByTestId('summary-pdf').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), true);
  assert.deepEqual(errors, []);
  await context.close();
});
