import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { usccCheckChar } from '../../src/domain/uscc.ts';
import { rowFor, xlsxOf } from '../fixtures/entity-files.ts';
import { makeEntity } from '../helpers/factories.ts';
import { type ApiClient, loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let admin: ApiClient;
let s01: number;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  admin = await loginAs(app, 'admin');
  const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
  s01 = units.find((u) => u.code === 's01')?.id ?? 0;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const total = async () => (await admin.get<{ total: number }>('/api/v1/entities?limit=1')).body.total;

test('search a Chinese name fragment, open the entity: profile, masked ID, history after a change', async () => {
  const created = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({
      name: '佛山市南海区桂城老陈湘味餐饮店',
      type: 'individualBusiness',
      stationId: s01,
      industryCode: '6210',
    }),
  );
  assert.equal(created.status, 201);
  for (const name of ['南海区大沥五金制品有限公司', '西樵山茶叶贸易有限公司']) {
    await admin.post('/api/v1/entities', makeEntity({ name, stationId: s01 }));
  }
  const patched = await admin.patch(`/api/v1/entities/${created.body.id}`, {
    address: '佛山市南海区桂城街道灯湖东路8号',
    version: created.body.version,
  });
  assert.equal(patched.status, 200);

  const { context, page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'admin');
  await page.getByTestId('side-menu').getByText('市场主体').click();
  const table = page.getByTestId('entities-table');
  await table.getByText('西樵山茶叶贸易有限公司').waitFor();
  assert.match(await textOf(page.getByTestId('entity-total')), /共 3 户/);
  // The list shows masked personal data only.
  assert.match(await textOf(table), /440\*{11}\d{3}[\dX]/);
  assert.match(await textOf(table), /138\*{4}8000/);

  const search = page.getByTestId('entity-search').locator('input');
  await search.fill('湘味');
  await search.press('Enter');
  await table.getByText('西樵山茶叶贸易有限公司').waitFor({ state: 'detached' });
  await table.getByText('佛山市南海区桂城老陈湘味餐饮店').waitFor();
  assert.match(await textOf(page.getByTestId('entity-total')), /共 1 户/);
  await page.screenshot({ path: '/tmp/entities-list.png', fullPage: true });
  // The export buttons are plain links carrying the list's filters.
  const href = (await page.getByTestId('entity-export-csv').getAttribute('href')) ?? '';
  assert.equal(href, `/api/v1/entities/export?q=${encodeURIComponent('湘味')}&format=csv`);
  const csv = await admin.get<string>(href);
  assert.equal(csv.status, 200);
  assert.match(csv.body, /桂城老陈湘味餐饮店/);
  assert.doesNotMatch(csv.body, /西樵山/);

  await table.getByText('佛山市南海区桂城老陈湘味餐饮店').click();
  await page.waitForURL(`**/entities/${created.body.id}`);
  const profile = page.getByTestId('entity-profile');
  await profile.getByText(created.body.uscc).waitFor();
  const text = await textOf(profile);
  assert.match(text, /个体工商户/);
  assert.match(text, /桂城市场监管所/);
  assert.match(text, /6210 正餐服务/);
  const history = page.getByTestId('entity-history');
  await history.getByText('变更', { exact: true }).waitFor();
  assert.match(await textOf(history), /灯湖东路8号/);
  assert.match(await textOf(history), /设立/);

  // 查看完整证件号 asks first, then shows the number the server reveals.
  await page.getByTestId('entity-reveal').click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '查看完整证件号' }).click();
  await page
    .getByTestId('entity-legal-rep-id')
    .getByText(/^\d{17}[\dX]$/)
    .waitFor();
  await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
  await page.screenshot({ path: '/tmp/entities-detail.png', fullPage: true });

  // The search lives in the URL: the back button brings the filtered list back, search box included.
  await page.goBack();
  await page.waitForURL(`**/entities?q=${encodeURIComponent('湘味')}`);
  await table.getByText('佛山市南海区桂城老陈湘味餐饮店').waitFor();
  assert.match(await textOf(page.getByTestId('entity-total')), /共 1 户/);
  assert.equal(await search.inputValue(), '湘味');
  // A link with a status filter opens the list filtered (no 注销 entity among the three).
  await page.goto('/entities?status=deregistered');
  await page
    .getByTestId('entity-total')
    .getByText(/共 0 户/)
    .waitFor();
  assert.equal(await table.getByText('佛山市南海区桂城老陈湘味餐饮店').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('import in mode 全部: one row with a wrong USCC check character shows its error; nothing is imported', async () => {
  const good = makeEntity({ name: '佛山市南海区导入测试甲有限公司' });
  const bad = makeEntity({ name: '佛山市南海区导入测试乙有限公司' });
  const wrong = bad.uscc.at(-1) === '0' ? '1' : '0';
  bad.uscc = `${bad.uscc.slice(0, 17)}${wrong}`;
  const file = await xlsxOf([rowFor(good, { stationCode: 's01' }), rowFor(bad, { stationCode: 's01' })]);
  const before = await total();

  const { context, page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'admin');
  await page.goto('/entities');
  await page.getByTestId('entity-import').click();
  await page.getByTestId('import-next').click();
  await page.locator('input[type=file]').setInputFiles({
    name: '市场主体导入.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: file,
  });
  assert.ok(await page.getByRole('radio', { name: /全部校验通过才导入/ }).isChecked());
  const [accepted] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/entities/imports') && r.request().method() === 'POST'),
    page.getByTestId('import-start').click(),
  ]);
  assert.equal(accepted.status(), 202, await accepted.text());
  // Workers are off in tests: run the queued job here; the page keeps polling until it is done.
  await app.services.jobRunner.drain();

  const result = page.getByTestId('import-result');
  await result.waitFor({ timeout: 15_000 });
  assert.match(await textOf(page.getByTestId('import-summary')), /未导入任何数据/);
  const errorRow = page.getByTestId('import-errors').locator('tbody tr', { hasText: '统一社会信用代码' });
  await errorRow.waitFor();
  const rowText = await textOf(errorRow);
  assert.match(rowText, /^3/);
  assert.ok(rowText.includes(`第18位校验码应为 ${usccCheckChar(bad.uscc.slice(0, 17))}`), rowText);
  await page.getByTestId('import-error-report').waitFor();
  await page.screenshot({ path: '/tmp/entities-import.png', fullPage: true });

  assert.equal(await total(), before);
  assert.deepEqual(errors, []);
  await context.close();
});

test('create form: live check-digit messages, type from the USCC, explicit override of a historical code', async () => {
  const base = makeEntity({ type: 'individualBusiness', name: '佛山市南海区历史赋码五金店' });
  const expected = usccCheckChar(base.uscc.slice(0, 17));
  const wrong = expected === '0' ? '1' : '0';
  const id = base.legalRepIdNumber ?? '';
  const idWrong = `${id.slice(0, 17)}${id.at(-1) === '0' ? '1' : '0'}`;

  const { context, page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'admin');
  await page.goto('/entities');
  await page.getByTestId('entity-create').click();
  const form = page.getByTestId('entity-create-form');
  await page.getByTestId('entity-uscc').fill(`${base.uscc.slice(0, 17)}${wrong}`);
  await form.getByText(`第18位校验码应为 ${expected}，实际为 ${wrong}`).waitFor();
  // 92… is an individual business: the type is filled in from the code.
  assert.match(await textOf(page.getByTestId('entity-type')), /个体工商户/);
  await page.getByTestId('entity-id-number').fill(idWrong);
  await form.getByText(`第18位校验码应为 ${id.at(-1)}`).waitFor();
  await page.getByTestId('entity-id-number').fill(id);
  await page.getByTestId('entity-name').fill(base.name);
  await page.getByTestId('entity-address').fill(base.address);
  const date = page.getByTestId('entity-established');
  const dateInput = (await date.evaluate((el) => el.tagName)) === 'INPUT' ? date : date.locator('input');
  await dateInput.fill('2015-06-01');
  await dateInput.press('Enter');
  await page.getByTestId('entity-station').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '桂城市场监管所' }).click();

  await page.getByTestId('entity-override').check();
  await page.getByTestId('entity-override-reason').fill('历史赋码，已与登记档案核对');
  const [created] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/api/v1/entities') && r.request().method() === 'POST'),
    page.getByTestId('entity-create-submit').click(),
  ]);
  assert.equal(created.status(), 201, await created.text());
  const profile = page.getByTestId('entity-profile');
  await profile.getByText('历史赋码，已与登记档案核对').waitFor();
  assert.match(await textOf(profile), /个体工商户[\s\S]*2015-06-01/);
  assert.match(await textOf(page.getByTestId('entity-title')), /历史赋码五金店/);
  await page.screenshot({ path: '/tmp/entities-created.png', fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('变更 with a stale version shows the conflict; 停业 through the lifecycle modal lands in the history', async () => {
  const created = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '佛山市南海区并发修改测试有限公司', stationId: s01 }),
  );
  const { context, page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'admin');
  await page.goto(`/entities/${created.body.id}`);
  await page.getByTestId('entity-title').waitFor();

  // Someone else saves first: the page still holds the old version.
  const other = await admin.patch(`/api/v1/entities/${created.body.id}`, {
    address: '佛山市南海区桂城街道海八路1号',
    version: created.body.version,
  });
  assert.equal(other.status, 200);
  await page.getByTestId('entity-edit').click();
  await page.getByTestId('entity-edit-name').fill('佛山市南海区并发修改测试二有限公司');
  await page.getByTestId('entity-edit-ok').click();
  await page.getByTestId('form-error').getByText('该市场主体已被他人修改，请刷新后重试').waitFor();
  await page
    .locator('.ant-modal')
    .getByRole('button', { name: /取\s*消|Cancel/ })
    .click();

  await page.reload();
  await page.getByTestId('entity-lifecycle').click();
  await page.getByTestId('entity-lifecycle-kind').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '停业' }).click();
  await page.getByTestId('entity-lifecycle-ok').click();
  await page.locator('.ant-modal').waitFor({ state: 'detached' });
  const history = page.getByTestId('entity-history');
  await history.locator('strong', { hasText: /^停业$/ }).waitFor();
  assert.match(await textOf(history), /存续（在业）\s*→\s*停业/);
  assert.equal(await textOf(page.getByTestId('entity-status')), '停业');
  assert.deepEqual(errors, []);
  await context.close();
});
