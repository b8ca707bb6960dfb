import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TConflict, TDrawProof, TInspector } from '../../src/contracts/spot-checks.ts';
import { verifyDrawProof } from '../../src/domain/draw-proof.ts';
import { assignVisitTo, insertEntities, unitId } from '../helpers/spot-check-factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, pickOption, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const db = app.testDb.db;
  await insertEntities(db, { count: 20, stationCode: 's01', riskClass: 'C' });
  await insertEntities(db, { count: 20, stationCode: 's02', riskClass: null });
  const admin = await loginAs(app, 'admin');
  const pool = await admin.post('/api/v1/spot-checks/pools', {
    name: '桂城大沥名录库',
    filter: { stationIds: [await unitId(db, 's01'), await unitId(db, 's02')] },
  });
  assert.equal(pool.status, 201);
  const plan = await admin.post('/api/v1/spot-checks/plans', {
    name: '浏览器测试计划',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
  });
  assert.equal(plan.status, 201);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** antd Select without search: open it, click the option by its label, wait until the dropdown has closed. */
async function choose(page: Page, testId: string, label: string) {
  const select = page.getByTestId(testId);
  await select.click();
  // Only a dropdown that has finished opening: a previous one may still be fading out with its own options.
  const open = page.locator(
    '.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"]):not([class*="-leave"])',
  );
  await open.first().waitFor();
  await open.last().locator('.ant-select-item-option').filter({ hasText: label }).first().click();
  await select.locator(`[title="${label}"]`).waitFor();
  await page.locator('.ant-select-dropdown:visible').first().waitFor({ state: 'hidden' });
}

test('a joint task is created in the wizard, drawn with a verifiable proof, a result recorded on a phone and published', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'admin');

  await page.goto('/spot-checks/tasks/new');
  await choose(page, 'task-plan', '浏览器测试计划');
  await page.getByTestId('task-name').fill('食品与公示信息联合抽查');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('item-SP-01').click();
  await page.getByTestId('item-DJ-01').click();
  await page.getByTestId('wizard-next').click();
  await choose(page, 'task-pool', '桂城大沥名录库');
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-save').click();
  await page.waitForURL(/\/spot-checks\/tasks\/\d+$/);

  await page.getByTestId('task-freeze').click();
  await page.getByTestId('task-status').filter({ hasText: '名录库已冻结' }).waitFor();
  await page.getByTestId('task-draw').click();
  await page.getByTestId('task-status').filter({ hasText: '已抽取' }).waitFor();
  await page.getByTestId('draw-seed').waitFor();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('proof-download').click()]);
  const proof = JSON.parse(await readFile((await download.path())!, 'utf8')) as TDrawProof;
  assert.equal(proof.pool.length, 40);
  assert.equal(verifyDrawProof(proof).ok, true);

  // Results on a phone-sized screen, by the visit's inspector (the draw is random: fix who that is).
  const taskId = Number(page.url().split('/').pop());
  const [visit] = await app.testDb.db.query<{ id: number }>(
    'SELECT id FROM spot_check_visits WHERE task_ids @> ARRAY[$1::bigint] ORDER BY id LIMIT 1',
    [taskId],
  );
  await assignVisitTo(app.testDb.db, visit!.id, ['s03.inspector']);
  const inspector = await openSession(browser, app);
  await loginViaUi(inspector.page, 's03.inspector');
  await inspector.page.setViewportSize({ width: 390, height: 844 });
  const phone = inspector.page;
  await phone.goto(`/spot-checks/visits/${visit!.id}`);
  await phone.getByTestId('visit-status').filter({ hasText: '待检查' }).waitFor();
  const saves = phone.locator('[data-testid^="save-"]');
  const n = await saves.count();
  assert.equal(n, 2, 'one card per item of the joint task');
  for (let i = 0; i < n; i++) {
    const itemId = (await saves.nth(i).getAttribute('data-testid'))!.slice('save-'.length);
    await choose(phone, `result-${itemId}`, '未发现问题');
    await Promise.all([
      phone.waitForResponse((r) => r.url().endsWith('/results') && r.status() === 200),
      saves.nth(i).click(),
    ]);
  }
  await phone.getByTestId('visit-complete').click();
  await phone.getByTestId('visit-status').filter({ hasText: '已检查待公示' }).waitFor();
  await phone.getByTestId('visit-publish').click();
  await phone.getByTestId('visit-status').filter({ hasText: '已公示' }).waitFor();
  if (process.env.E2E_SHOTS) {
    mkdirSync(process.env.E2E_SHOTS, { recursive: true });
    await phone.screenshot({ path: `${process.env.E2E_SHOTS}/spot-check-visit-mobile.png` });
  }

  const visitId = visit!.id;
  const res = await fetch(`${app.baseUrl}/api/v1/public/spot-checks/results?limit=50`);
  const published = (await res.json()) as { items: { visitId: number; items: { categoryLabel: string }[] }[] };
  const mine = published.items.find((p) => p.visitId === visitId);
  assert.ok(mine, 'the published result is on the public API without login');
  assert.deepEqual(
    mine.items.map((i) => i.categoryLabel),
    ['未发现问题', '未发现问题'],
  );
  assert.deepEqual(errors, []);
  assert.deepEqual(inspector.errors, []);
  await inspector.context.close();
});

test('a 回避 is declared on the catalog page (inspector from the pool, entity found by USCC) and listed', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'admin');
  const admin = await loginAs(app, 'admin');
  const ref = (await admin.get<{ departments: { id: number }[] }>('/api/v1/spot-checks/reference')).body;
  const created = await admin.post<TInspector>('/api/v1/spot-checks/inspectors', {
    name: '回避浏览器测试员',
    departmentId: ref.departments[0]!.id,
  });
  assert.equal(created.status, 201);
  const inspector = created.body;
  const [entity] = await app.testDb.db.query<{ id: number; name: string; uscc: string; station: string }>(
    `SELECT e.id, e.name, e.uscc, s.name AS station FROM entities e JOIN org_units s ON s.id = e.station_id
      WHERE s.code = 's01' ORDER BY e.id LIMIT 1`,
  );

  await page.goto('/spot-checks/catalog');
  await page.getByRole('tab', { name: '回避声明' }).click();
  await page.getByTestId('add-conflict').click();
  const modal = page.getByTestId('conflict-modal');
  const title = modal.locator('.ant-modal-title');
  const inspectorLabel = `${inspector.name}（${inspector.departmentName}，局机关）`;
  await pickOption(page, 'conflict-inspector', inspector.name, inspectorLabel, title);
  await pickOption(
    page,
    'conflict-entity',
    entity!.uscc,
    `${entity!.name}（${entity!.uscc}，${entity!.station}）`,
    title,
  );
  // Saved without a reason: the form says so and nothing is sent.
  await page.getByTestId('conflict-save').click();
  await modal.getByText('请填写回避理由').waitFor();
  await page.getByTestId('conflict-reason').fill('配偶在该企业任职');
  await page.getByTestId('conflict-save').click();
  await modal.waitFor({ state: 'hidden' });

  const row = page.getByTestId('conflicts-table').locator('tr').filter({ hasText: entity!.uscc });
  await row.filter({ hasText: '配偶在该企业任职' }).filter({ hasText: inspector.name }).waitFor();
  const listed = (await admin.get<TConflict[]>('/api/v1/spot-checks/conflicts')).body;
  assert.ok(listed.some((c) => c.inspectorId === inspector.id && c.entityId === entity!.id));

  // The inspector form offers the account link to a caller who may read users.
  await page.getByRole('tab', { name: /执法检查人员/ }).click();
  await page.getByTestId('add-inspector').click();
  await page.locator('.ant-modal-title', { hasText: '新增检查人员' }).waitFor();
  await page.getByText('关联系统账号').waitFor();
  assert.deepEqual(errors, []);
});
