import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TEntityFood } from '../../src/contracts/food.ts';
import type { TFoodInspection } from '../../src/contracts/food-inspections.ts';
import type { TKitchenVendorWithSecret } from '../../src/contracts/food-kitchen.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { type ApiClient, loginAs, type TestApp } from '../helpers/test-app.ts';
import { addStationInspector, deliverKitchenAlert, sign, startWithPartner } from './food-chain-steps.ts';
import { type BrowserSession, launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

/**
 * Issue 13 point 14: the food-safety flow as its users drive it, in order, on one app and one browser:
 * plan → phone inspection (photo, signatures) → grade → placard → scan 有效 → downgrade → old placard 已被取代 →
 * appeal on the portal, decided by the chief and shown publicly → a kitchen alert with a bad signature refused.
 */
const name = '桂城全流程测试餐厅';
const licenceNo = 'JY24406050077771';
const partnerName = '周晓峰';
const today = shanghaiToday();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

let app: TestApp;
let browser: Browser;
let inspectorApi: ApiClient;
let businessId = 0;
let entityId = 0;
let chief: BrowserSession;
let phone: BrowserSession;
const sessions: BrowserSession[] = [];
const state = { plannedId: 0, plannedOn: '', placardPath: '', accessCode: '' };

async function session(opts: { phone?: boolean } = {}) {
  const s = await openSession(browser, app, opts);
  sessions.push(s);
  return s;
}
const errors = () => sessions.flatMap((s) => s.errors);

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name, stationId: s01.id }))).body;
  entityId = entity.id;
  const chiefApi = await loginAs(app, 's01.chief');
  // Licensed 400 days ago: past the new-licence embargo, so the first inspection gives a grade.
  const licence = await chiefApi.post('/api/v1/food/licences', {
    entityId,
    kind: 'operation',
    licenceNo,
    categories: ['hotFood'],
    issuedOn: shift(-400),
    validUntil: shift(1000),
  });
  assert.equal(licence.status, 200, JSON.stringify(licence.body));
  businessId = (await chiefApi.get<TEntityFood>(`/api/v1/food/entities/${entityId}`)).body.business!.id;
  const [me] = await app.testDb.db.query<{ id: number }>(`SELECT id FROM users WHERE username = 's01.inspector'`);
  const patched = await chiefApi.patch(`/api/v1/food/businesses/${businessId}`, { inspectorId: me!.id });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  inspectorApi = await loginAs(app, 's01.inspector');
  await addStationInspector(app, admin, s01.id, partnerName);
});

after(async () => {
  await browser?.close();
  await app?.close();
});

test('1. plan: the chief generates the station plan in the calendar; the visit is on its day', async () => {
  chief = await session();
  await loginViaUi(chief.page, 's01.chief');
  await chief.page.getByTestId('side-menu').getByText('年度检查计划', { exact: true }).click();
  const started = Date.now();
  const [res] = await Promise.all([
    chief.page.waitForResponse((r) => r.url().endsWith('/food/plan/generate')),
    chief.page.getByTestId('food-plan-generate').click(),
  ]);
  assert.equal(res.status(), 200);
  await chief.page
    .locator('.ant-message-notice')
    .getByText(/计划已生成/)
    .waitFor();
  console.log(`plan for s01 generated in ${Date.now() - started} ms (answer and message)`);
  const rows = await app.testDb.db.query<{ id: number; plannedOn: string }>(
    `SELECT id, planned_on::text AS "plannedOn" FROM food_inspections
      WHERE business_id = $1 AND status = 'planned' ORDER BY planned_on, id`,
    [businessId],
  );
  assert.ok(rows.length >= 1, 'the new business is planned this year');
  state.plannedId = Number(rows[0]!.id);
  state.plannedOn = rows[0]!.plannedOn;

  await chief.page.goto(`/food/plan?day=${state.plannedOn}`);
  await chief.page.locator(`[data-plan-day="${state.plannedOn}"]`).waitFor();
  const day = chief.page.getByTestId('food-plan-day');
  await day.getByTestId(`plan-visit-${state.plannedId}`).getByText(name).waitFor();
  await day.getByTestId(`plan-visit-${state.plannedId}`).click();
  await chief.page.waitForURL(`**/food/inspections/${state.plannedId}`);
  await chief.page.getByTestId('inspection-start').waitFor();
  assert.deepEqual(errors(), []);
});

test('2. phone: the inspector opens the planned visit, checks every item with a photo, both sign, 符合', async () => {
  phone = await session({ phone: true });
  const page = phone.page;
  await loginViaUi(page, 's01.inspector');
  await page.goto('/food/inspections');
  await page.getByTestId(`inspection-name-${state.plannedId}`).click();
  await startWithPartner(page, partnerName);
  assert.ok((await page.getByTestId('key-mark').count()) >= 5, '重点 marks on the checklist');

  const item = page.getByTestId('item-CY-1.1');
  await item.locator('input[type=file]').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: png });
  await item.getByText(/照片 \d+/).waitFor();
  await page.getByTestId('inspection-all-pass').click();
  await page.getByTestId('inspection-save').click();
  await page.locator('.ant-message-notice').getByText('已保存').waitFor();
  const saved = (await inspectorApi.get<TFoodInspection>(`/api/v1/food/inspections/${state.plannedId}`)).body;
  assert.equal(saved.checklist!.items.find((x) => x.code === 'CY-1.1')!.fileIds.length, 1, 'the photo is on the item');

  await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
  await page.getByTestId('signer-name').fill('王建国');
  await sign(page);
  await page.getByTestId('signer-entity').getByText('已签名').waitFor();
  await page.getByTestId('signer-kind').getByText('本人签名').click();
  await sign(page);
  await page.getByTestId(`signer-${saved.inspectors[0]!.id}`).getByText('已签名').waitFor();

  // The partner signs on their own phone, on the same inspection page.
  const partner = await session({ phone: true });
  await loginViaUi(partner.page, 's01.partner');
  await partner.page.goto(`/food/inspections/${state.plannedId}`);
  await partner.page.getByTestId('signature-pad').scrollIntoViewIfNeeded();
  await partner.page.getByTestId('signer-kind').getByText('本人签名').click();
  await sign(partner.page);
  const partnerId = saved.inspectors.find((x) => x.name === partnerName)!.id;
  await partner.page.getByTestId(`signer-${partnerId}`).getByText('已签名').waitFor();
  await partner.context.close();

  await page.getByTestId('inspection-submit').click();
  const result = page.getByTestId('inspection-result');
  await result.getByText('符合', { exact: true }).waitFor();
  await result.getByTestId('grade-face-excellent').waitFor();
  const done = (await inspectorApi.get<TFoodInspection>(`/api/v1/food/inspections/${state.plannedId}`)).body;
  assert.equal(done.result, 'pass');
  assert.equal(done.score, 100);
  const record = await page.request.get(`/api/v1/spot-checks/visits/${done.visitId}/record.pdf`);
  assert.equal(record.status(), 200);
  const drawn = (await record.body()).toString('latin1').match(/\/SMask \d+ 0 R/g)?.length;
  assert.equal(drawn, 3, 'the record carries the representative and both inspectors');
  assert.deepEqual(errors(), []);
});

test('3–5. the business page shows the grade; the chief prints a placard; a phone scan says 有效', async () => {
  const page = chief.page;
  await page.goto(`/food/businesses/${businessId}?tab=grades`);
  await page.getByTestId('food-grade-history').getByTestId('grade-face-excellent').waitFor();

  await page.goto(`/food/businesses/${businessId}?tab=placards`);
  const card = page.getByTestId('food-placards');
  await card.getByTestId('placard-issue').click();
  await card.getByTestId('placard-pdf-A5').first().waitFor();
  for (const size of ['A4', 'A5']) {
    const href = await card.getByTestId(`placard-pdf-${size}`).first().getAttribute('href');
    const pdf = await page.request.get(href!);
    assert.equal(pdf.status(), 200);
    assert.equal(pdf.headers()['content-type'], 'application/pdf');
    assert.equal((await pdf.body()).subarray(0, 4).toString('latin1'), '%PDF', `${size} is a PDF`);
  }
  const url = await card.locator('a[href*="/portal/placard?"]').first().getAttribute('href');
  state.placardPath = new URL(url!).pathname + new URL(url!).search;

  const scan = await session({ phone: true });
  await scan.page.goto(state.placardPath);
  const verdict = scan.page.getByTestId('placard-verdict');
  await verdict.waitFor();
  assert.equal(await verdict.getAttribute('data-status'), 'valid');
  assert.match(await textOf(scan.page.getByTestId('placard-verify')), new RegExp(`${name}[\\s\\S]*${licenceNo}`));
  await scan.context.close();
  assert.deepEqual(errors(), []);
});

test('6. a second inspection with three 一般 failures: 基本符合, 良好; the old placard now says 已被取代', async () => {
  const page = phone.page;
  const adHoc = await inspectorApi.post<TFoodInspection>('/api/v1/food/inspections', { businessId });
  assert.equal(adHoc.status, 201);
  const id = adHoc.body.id;
  await page.goto(`/food/inspections/${id}`);
  await startWithPartner(page, '冯少芳');
  const started = (await inspectorApi.get<TFoodInspection>(`/api/v1/food/inspections/${id}`)).body;
  const general = started.checklist!.items.filter((x) => !x.key).slice(0, 3);
  for (const x of general) {
    await page.getByTestId(`outcome-${x.code}`).getByText('不符合').click();
    await page.getByTestId(`notes-${x.code}`).fill('现场发现问题，已当场指出');
  }
  await page.getByTestId('inspection-all-pass').click();
  await page.getByTestId('inspection-save').click();
  await page.locator('.ant-message-notice').getByText('已保存').first().waitFor();
  await page.getByTestId('visit-signatures').waitFor();
  await page.getByTestId('inspection-submit').click();
  const result = page.getByTestId('inspection-result');
  await result.getByText('基本符合').waitFor();
  await result.getByTestId('grade-face-good').waitFor();
  const done = (await inspectorApi.get<TFoodInspection>(`/api/v1/food/inspections/${id}`)).body;
  assert.equal(done.result, 'basicPass');
  assert.equal(done.score, 85);
  assert.ok(done.rectifyDueOn && done.followupId, '责令整改 with a planned follow-up');
  await page.getByTestId('inspection-publish').click();
  await result.getByText('已公示').waitFor();

  // The answer may be cached for a minute by a browser: a new visit asks again.
  const later = await session({ phone: true });
  await later.page.goto(state.placardPath);
  await later.page.getByTestId('placard-verdict').waitFor();
  assert.equal(await later.page.getByTestId('placard-verdict').getAttribute('data-status'), 'superseded');
  assert.match(await textOf(later.page.getByTestId('placard-detail')), new RegExp(`已于${today}被“良好`));
  await later.page.goto(state.placardPath.replace('g=excellent', 'g=good'));
  await later.page.locator('[data-status="forged"]').waitFor();
  assert.match(await textOf(later.page.getByTestId('placard-verify')), /伪造\/无效/);
  await later.context.close();

  await chief.page.goto(`/food/businesses/${businessId}?tab=placards`);
  await chief.page.getByTestId('food-placards').getByText('已被新等级取代（请更换）').waitFor();
  assert.deepEqual(errors(), []);
});

test('7. the business appeals with its printed code; the chief (not an inspector) decides; the public page shows it', async () => {
  await chief.page.goto(`/food/businesses/${businessId}?tab=access-code`);
  await chief.page.getByTestId('access-code-issue').click();
  // A click while the confirm still zooms in (its first opening) is lost: wait until it has settled.
  await chief.page.locator('.ant-modal-confirm:not([class*="-appear"]):not([class*="-enter"])').waitFor();
  const [issued] = await Promise.all([
    chief.page.waitForResponse((r) => r.url().endsWith('/access-code') && r.request().method() === 'POST'),
    chief.page.getByTestId('access-code-confirm').click(),
  ]);
  assert.equal(issued.status(), 200);
  state.accessCode = (await textOf(chief.page.getByTestId('access-code'))).trim();
  assert.match(state.accessCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);

  const biz = await session({ phone: true });
  await biz.page.goto('/portal/food-business');
  await biz.page.getByTestId('portal-food-code').fill('WRNG-0000-0000');
  await biz.page.getByTestId('portal-food-open').click();
  await biz.page.getByText('访问码不正确或已失效').first().waitFor();
  await biz.page.getByTestId('portal-food-code').fill(state.accessCode.toLowerCase());
  await biz.page.getByTestId('portal-food-open').click();
  const business = biz.page.getByTestId('portal-food-business');
  await business.getByText(name).waitFor();
  await business.getByText('良好（微笑）').waitFor();
  await business.getByText('已被取代').waitFor(); // the 优秀 it replaced, in words
  await business.getByText('申诉', { exact: true }).click();
  await biz.page.getByTestId('portal-appeal-grounds').fill('检查当日冷藏柜温度计故障，评分偏低，请求复核');
  await biz.page.getByTestId('portal-appeal-submit').click();
  await business.getByText('待决定').first().waitFor();
  await business.locator('input[type=file]').setInputFiles({
    name: '维修单.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n% repair note\n'),
  });
  await biz.page.getByText('已提交').first().waitFor();
  const [stored] = await app.testDb.db.query<{ n: number }>(
    'SELECT cardinality(file_ids) AS n FROM food_grade_appeals WHERE business_id = $1',
    [businessId],
  );
  assert.equal(Number(stored!.n), 1);

  await chief.page.getByTestId('side-menu').getByText('等级申诉与复评', { exact: true }).click();
  const table = chief.page.getByTestId('food-appeals-table');
  await table.getByText(name).waitFor();
  await table.getByRole('button', { name: /决\s*定/ }).click();
  const reason = '经复核检查记录与照片，扣分认定无误，维持原等级';
  await chief.page.getByTestId('appeal-reason').fill(reason);
  await chief.page.getByTestId('appeal-decide-ok').click();
  await table.getByText('维持原等级').waitFor();

  await biz.page.getByTestId('portal-food-open').click();
  await business.getByText(reason).waitFor();
  await biz.page.goto(`/portal/food/${businessId}`);
  const outcome = biz.page.getByTestId('food-appeal-outcome');
  await outcome.getByText(reason).waitFor();
  assert.match(await textOf(outcome), /维持原等级/);
  assert.deepEqual(errors(), []);
});

test('8. a kitchen alert with a bad signature is refused and stores nothing; a signed one is taken', async () => {
  const admin = await loginAs(app, 'admin');
  const vendor = (
    await admin.post<TKitchenVendorWithSecret>('/api/v1/food/kitchen/vendors', { code: 'chain-cam', name: '链测视觉' })
  ).body;
  const chiefApi = await loginAs(app, 's01.chief');
  const enrolled = await chiefApi.post('/api/v1/food/kitchen/enrollments', {
    businessId,
    vendorId: vendor.id,
    enrolledOn: today,
    cameras: [{ cameraId: 'CHAIN-CAM-1', area: 'processing' }],
  });
  assert.equal(enrolled.status, 200, JSON.stringify(enrolled.body));
  const count = async () =>
    (
      await app.testDb.db.query<{ events: number; alerts: number }>(
        `SELECT (SELECT count(*) FROM kitchen_events)::int AS events, (SELECT count(*) FROM kitchen_alerts)::int AS alerts`,
      )
    )[0]!;
  const deliver = (secret: string) => deliverKitchenAlert(app.baseUrl, vendor.code, secret, 'CHAIN-CAM-1');
  const before = await count();
  assert.equal(await deliver('a-wrong-key'), 401);
  assert.deepEqual(await count(), before, 'nothing stored for a bad signature');
  assert.equal(await deliver(vendor.secret), 201);
  const afterSigned = await count();
  assert.equal(afterSigned.events, before.events + 1);
  assert.equal(afterSigned.alerts, before.alerts + 1);
  assert.deepEqual(errors(), []);
});
