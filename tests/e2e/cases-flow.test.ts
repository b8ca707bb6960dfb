import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit, TUser } from '../../src/contracts/org.ts';
import { makeEntity } from '../helpers/factories.ts';
import { ApiClient, loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();

/** antd 6 puts an InputNumber's data-testid on the input itself; older versions on the wrapper. */
const INPUT = 'xpath=descendant-or-self::input';

async function pickIn(page: Page, testId: string, text: string, search?: string) {
  const select = page.getByTestId(testId);
  await select.click();
  if (search) await select.locator('input').fill(search);
  const option = page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
  await option.click();
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

/**
 * The rest of the general procedure through the API (the pages for these steps are the same action modal): 调查终结
 * → 法制审核 (a 法制审核 user approves) → 告知 with the penalty → 陈述申辩 → 决定 (所长, 局领导) → 送达 → 缴款 → 结案
 * (所长) → 公示.
 */
async function finishCase(caseId: number) {
  const admin = await loginAs(web.app, 'admin');
  const roles = (await admin.get<{ id: number; code: string }[]>('/api/v1/org/roles')).body;
  const units = (await admin.get<{ id: number; kind: string }[]>('/api/v1/org/units')).body;
  const created = await admin.post('/api/v1/org/users', {
    username: 'legal.reviewer',
    displayName: '法制审核员',
    unitId: units.find((u) => u.kind === 'bureau')?.id,
    roleIds: [roles.find((r) => r.code === 'legal_reviewer')?.id],
    password: 'Legal@2026x',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const legal = new ApiClient(web.app.baseUrl);
  assert.equal((await legal.login('legal.reviewer', 'Legal@2026x')).status, 200);
  const inspector = await loginAs(web.app, 's01.inspector');
  const chief = await loginAs(web.app, 's01.chief');
  const leader = await loginAs(web.app, 'leader');
  const step = async (action: string, fields: Record<string, unknown> = {}) => {
    const { version } = (await inspector.get<{ version: number }>(`/api/v1/cases/${caseId}`)).body;
    const res = await inspector.post(`/api/v1/cases/${caseId}/transitions`, { action, version, ...fields });
    assert.equal(res.status, 200, `${action}: ${JSON.stringify(res.body)}`);
  };
  const approve = async (approver: ApiClient) => {
    const inbox = (await approver.get<{ items: { id: number; caseId: number }[] }>('/api/v1/case-approvals')).body;
    const mine = inbox.items.filter((a) => a.caseId === caseId);
    assert.ok(mine.length > 0, 'an approval waits');
    for (const a of mine) {
      const res = await approver.post(`/api/v1/case-approvals/${a.id}/decision`, {
        outcome: 'approved',
        comment: '同意',
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
    }
  };
  const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  await step('finishInvestigation', { report: '经查，当事人销售假冒饮料，事实清楚，证据确凿。' });
  await step('legalReview');
  await approve(legal);
  await step('notify', { penalties: [{ kind: 'fine', amountFen: 5_000_00, discretion: 'standard' }] });
  await step('recordStatement', { note: '当事人表示无异议，放弃陈述申辩' });
  await step('decide', { decisionKind: 'penalty' });
  await approve(chief);
  await approve(leader);
  await step('serve', { servedOn: today, serveMethod: 'direct' });
  const { version } = (await inspector.get<{ version: number }>(`/api/v1/cases/${caseId}`)).body;
  const paid = await inspector.post(`/api/v1/cases/${caseId}/payments`, {
    kind: 'fine',
    amountFen: 5_000_00,
    paidOn: today,
    version,
  });
  assert.equal(paid.status, 200, JSON.stringify(paid.body));
  await step('close');
  await approve(chief);
  const list = (
    await chief.get<{ items: { id: number; caseId: number; version: number }[] }>('/api/v1/case-disclosures?limit=50')
  ).body;
  const disclosure = list.items.find((d) => d.caseId === caseId);
  assert.ok(disclosure, 'the decision awaits publication');
  const published = await chief.post(`/api/v1/case-disclosures/${disclosure.id}/publish`, {
    version: disclosure.version,
  });
  assert.equal(published.status, 200, JSON.stringify(published.body));
}

test('a 12315 report → lead → 立案 (approved) → photo evidence → … → 结案 → public page; an illegal step refused', async () => {
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
  const report = (await inspectorApi.get<{ version: number }>(`/api/v1/complaints/${reportId}`)).body;
  const opened = await inspectorApi.post<{ caseLeadRef: string }>(`/api/v1/complaints/${reportId}/transitions`, {
    action: 'openCase',
    version: report.version,
  });
  assert.equal(opened.status, 200, JSON.stringify(opened.body));
  const lead = { body: { id: Number(opened.body.caseLeadRef.slice(2)) } };

  const inspector = await openSession(web.browser, web.app);
  await loginViaUi(inspector.page, 's01.inspector');
  const page = inspector.page;
  await page.goto('/cases/leads');
  await page.getByTestId(`lead-open-${lead.body.id}`).click();
  await page.getByTestId('lead-action-file').click();
  await page.getByTestId('propose-party-name').fill('张某（无照摊贩）');
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
  await page.getByTestId('propose-ok').click();
  await page.waitForURL(/\/cases\/\d+$/);
  const caseId = Number(new URL(page.url()).pathname.split('/').pop());
  assert.match(await textOf(page.getByTestId('case-status')), /待立案/);

  // 立案 goes to the station chief's inbox; the page says so and offers nothing else meanwhile.
  await page.getByTestId('case-action-file').click();
  await page.getByTestId('case-action-ok').click();
  await page.getByTestId('case-pending').waitFor();

  const chief = await openSession(web.browser, web.app);
  await loginViaUi(chief.page, 's01.chief');
  await chief.page.goto('/cases/approvals');
  await chief.page.getByTestId(`approval-case-${caseId}`).waitFor();
  await chief.page.locator('[data-testid^="approve-"]').first().click();
  await chief.page.getByTestId('approval-comment').fill('同意立案');
  const [decided] = await Promise.all([
    chief.page.waitForResponse((r) => r.url().endsWith('/decision') && r.request().method() === 'POST'),
    chief.page.getByTestId('approval-ok').click(),
  ]);
  assert.equal(decided.status(), 200, await decided.text());
  await chief.page.getByTestId(`approval-case-${caseId}`).waitFor({ state: 'detached' });

  await page.reload();
  await page.getByTestId('case-status').filter({ hasText: '调查取证' }).waitFor();
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

  // An illegal step: a decision straight from investigation is refused and the case stays where it was.
  const detail = await inspectorApi.get<{ version: number; status: string }>(`/api/v1/cases/${caseId}`);
  const refused = await inspectorApi.post(`/api/v1/cases/${caseId}/transitions`, {
    action: 'decide',
    version: detail.body.version,
    decisionKind: 'penalty',
  });
  assert.equal(refused.status, 409, JSON.stringify(refused.body));
  assert.equal((await inspectorApi.get<{ status: string }>(`/api/v1/cases/${caseId}`)).body.status, 'investigating');

  await finishCase(caseId);
  await page.reload();
  await page.getByTestId('case-status').filter({ hasText: '已结案' }).waitFor();
  const decisionNo = (await inspectorApi.get<{ decisionNo: string }>(`/api/v1/cases/${caseId}`)).body.decisionNo;
  assert.match(decisionNo, /处罚〔\d{4}〕\d+号/);
  assert.match(await textOf(page.getByTestId('case-facts')), new RegExp(decisionNo.replace(/[〔〕]/g, '.')));

  // The public page (SAMR Order 45) shows the published decision, without a login.
  const visitor = await openSession(web.browser, web.app);
  await visitor.page.goto(`/portal/penalties?no=${encodeURIComponent(decisionNo)}`);
  await visitor.page.getByText(decisionNo).first().waitFor();
  await visitor.context.close();

  for (const s of [inspector, chief, phone]) {
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
  await page.getByTestId('summary-place').click();
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
