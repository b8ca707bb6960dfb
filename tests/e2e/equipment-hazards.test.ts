import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TPlate } from '../../src/contracts/equipment-hazards.ts';
import { addDays } from '../../src/domain/equipment-hazard-workflow.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEquipment } from '../helpers/equipment-factory.ts';
import { loginAs, startTestApp, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, webDist } from './helpers.ts';

let app: TestApp;
let browser: Browser;
/** The server's clock: the plate expires when it moves past the lift's inspection date. */
let clock = new Date();
const today = () => shanghaiToday(clock);

before(async () => {
  [app, browser] = await Promise.all([startTestApp({ webDist, now: () => clock }), launchBrowser()]);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('an overdue lift: hazard → 指令书 PDF → rectification → accepted with a re-inspection → 正常', async () => {
  const lift = await makeEquipment(app.testDb.db, {
    tag: 'E',
    nextInspectionDue: addDays(today(), -10),
    inspectionState: 'overdue',
  });
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.goto(`/equipment/directives?equipmentId=${lift.id}`);
  await page.getByTestId('hazard-record').click();
  await page.getByTestId('hazard-inspectors').fill('张三、李四');
  await page.getByTestId('hazard-description').fill('超期未检仍在使用，轿厢门安全触板失效');
  await page.getByTestId('hazard-save').click();
  // The first write of a fresh app (the case-lead calendar, the lead) may take a while on a loaded machine.
  await page.getByTestId('hazard-case-lead').waitFor({ timeout: 60_000 });
  await page.getByTestId('directive-issue').click();
  await page.waitForURL(/\/equipment\/directives\/\d+$/);
  const facts = page.getByTestId('directive-facts');
  await facts.locator('[data-testid="directive-status"][data-status="issued"]').waitFor();
  await facts.locator('[data-testid="inspection-state"][data-state="overdue"]').waitFor();

  const pdfHref = await page.getByTestId('directive-pdf').getAttribute('href');
  const pdf = await page.request.get(pdfHref!);
  assert.equal(pdf.status(), 200);
  assert.equal((await pdf.body()).subarray(0, 4).toString(), '%PDF');

  // 整改证据: a photo uploaded on the order's page, listed and downloadable; a text file is refused by name.
  const photo = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]);
  await page.getByTestId('evidence-upload').waitFor();
  const input = page.locator('input[type="file"]');
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('only words here') });
  await page.getByTestId('evidence-error').waitFor();
  await input.setInputFiles({ name: '整改照片.png', mimeType: 'image/png', buffer: photo });
  const link = page.getByTestId('evidence-files').getByRole('link', { name: '整改照片.png' });
  await link.waitFor();
  const got = await page.request.get((await link.getAttribute('href'))!);
  assert.equal(got.status(), 200);
  assert.deepEqual(await got.body(), photo);

  await page.getByTestId('directive-step-rectify').click();
  await page.getByTestId('directive-evidence').fill('已更换安全触板并报检，附照片与维保记录');
  await page.getByTestId('directive-step-submit').click();
  await facts.locator('[data-testid="directive-status"][data-status="rectified"]').waitFor();

  await page.getByTestId('directive-step-accept').click();
  for (const [id, value] of [
    ['#reinspectedOn', today()],
    ['#nextInspectionDue', addDays(today(), 365)],
  ] as const) {
    await page.locator(`.ant-modal:visible ${id}`).click();
    await page.locator(`.ant-modal:visible ${id}`).fill(value);
    await page.locator(`.ant-modal:visible ${id}`).press('Enter');
  }
  await page.getByTestId('directive-step-submit').click();
  await facts.locator('[data-testid="directive-status"][data-status="closed"]').waitFor();
  await facts.locator('[data-testid="inspection-state"][data-state="normal"]').waitFor();
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a supervision visit on a phone: the inspector starts it, records a hazard on the user’s lift, completes it', async () => {
  const lift = await makeEquipment(app.testDb.db, { tag: 'E' });
  const chief = await loginAs(app, 's01.chief');
  const planned = await chief.post<{ id: number }>('/api/v1/equipment/supervisions', { entityId: lift.entityId });
  assert.equal(planned.status, 200, JSON.stringify(planned.body));
  const { page, errors } = await openSession(browser, app, { phone: true });
  await loginViaUi(page, 's01.inspector');
  await page.goto(`/equipment/supervisions/${planned.body.id}`);
  await page.getByTestId('supervision-partners').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
  await page.keyboard.press('Escape');
  await page.getByTestId('supervision-start').click();
  await page.locator('[data-testid="supervision-status"][data-status="inProgress"]').waitFor();
  await page.getByTestId(`visit-record-${lift.id}`).click();
  await page.getByTestId('visit-hazard-description').fill('限速器校验过期');
  await page.getByTestId('visit-hazard-save').click();
  await page.getByTestId('visit-hazards').getByText('限速器校验过期').waitFor();
  await page.getByTestId('supervision-findings').fill('发现一处隐患');
  await page.getByTestId('supervision-complete').click();
  await page.locator('[data-testid="supervision-status"][data-status="done"]').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);
  assert.deepEqual(errors, []);
  await page.context().close();
});

test('a lift plate on a phone: valid, expired once the inspection date passes, a forged URL detected', async () => {
  const lift = await makeEquipment(app.testDb.db, { tag: 'E', nextInspectionDue: addDays(today(), 5) });
  const chief = await loginAs(app, 's01.chief');
  const issued = await chief.post<TPlate>('/api/v1/equipment/plates', { equipmentId: lift.id });
  assert.equal(issued.status, 200, JSON.stringify(issued.body));
  const url = new URL(issued.body.url);
  const { page, errors } = await openSession(browser, app, { phone: true });
  await page.goto(url.pathname + url.search);
  await page.locator('[data-testid="plate-verdict"][data-status="valid"]').waitFor();
  assert.equal((await page.getByTestId('plate-emergency').textContent())?.trim(), '96333');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no sideways scrolling on a phone (${width}px)`);

  const real = clock;
  clock = new Date(clock.getTime() + 7 * 86_400_000);
  try {
    // A new phone (the answer is cacheable for a minute, as the food placards' is).
    const later = await openSession(browser, app, { phone: true });
    await later.page.goto(url.pathname + url.search);
    await later.page.locator('[data-testid="plate-verdict"][data-status="expired"]').waitFor();
    await later.page.getByTestId('plate-valid-until').getByText(addDays(today(), -2)).waitFor();
    assert.deepEqual(later.errors, []);
    await later.context.close();
  } finally {
    clock = real;
  }

  const forged = new URL(url);
  forged.searchParams.set('v', '20991231');
  await page.goto(forged.pathname + forged.search);
  await page.locator('[data-testid="plate-verdict"][data-status="forged"]').waitFor();
  assert.deepEqual(errors, []);
});
