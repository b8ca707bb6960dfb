import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import type { TProductSettings } from '../../src/contracts/product-quality.ts';
import { makeEntity } from '../helpers/factories.ts';
import { testLicenceNo } from '../helpers/pharmacy-factory.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const fx = webAppFixture();
const INPUT = 'xpath=descendant-or-self::input';

test('on a phone: a chief registers a pharmacy (a bad licence number is named on its field) and edits it; an inspector enters a GSP result', async () => {
  const { app, browser } = fx;
  const admin = await loginAs(app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const name = '桂城登记测试大药房有限公司';
  const made = await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ name, stationId: s01.id }));
  assert.equal(made.status, 201, JSON.stringify(made.body));

  const chief = await openSession(browser, app, { phone: true });
  const { page } = chief;
  await loginViaUi(page, 's01.chief');
  await page.goto('/drugs/pharmacies');
  await page.getByTestId('pharmacy-new').click();
  const form = page.getByTestId('pharmacy-form');
  await form.getByTestId('pharmacy-entity').locator('input').fill('桂城登记测试');
  await page.locator('.ant-select-item-option').getByText(name, { exact: false }).first().click();
  await form.getByTestId('pharmacy-latitude').locator(INPUT).fill('23.0215');
  await form.getByTestId('pharmacy-longitude').locator(INPUT).fill('113.1214');
  await form.getByTestId('pharmacy-licence-no').fill('JY14406050000001');
  await page.getByTestId('pharmacy-form-ok').click();
  // The API's problem+json names licenceNo: its message sits under that field.
  await form
    .locator('.ant-form-item-explain-error')
    .getByText(/格式不正确/)
    .waitFor();

  const licenceNo = testLicenceNo();
  await form.getByTestId('pharmacy-licence-no').fill(licenceNo);
  await page.getByTestId('pharmacy-form-ok').click();
  await page.waitForURL(/\/drugs\/pharmacies\/\d+$/);
  const licence = page.getByTestId('pharmacy-licence');
  await licence.getByText(licenceNo).waitFor();
  assert.match(await textOf(licence), /200 米（默认）/);
  assert.match(await textOf(licence), /08:00–22:00/);

  await page.getByTestId('pharmacy-edit').click();
  const edit = page.getByTestId('pharmacy-edit-form');
  await edit.getByTestId('pharmacy-geofence').locator(INPUT).fill('150');
  await page.getByTestId('pharmacy-edit-ok').click();
  await edit.waitFor({ state: 'hidden' });
  await licence.getByText('150 米', { exact: true }).waitFor();
  const pharmacyUrl = page.url();
  assert.deepEqual(chief.errors, []);
  await chief.context.close();

  // The GSP inspection: started and recorded by a drawn inspector on the pharmacy page.
  const [partner] = await app.testDb.db.query<{ name: string }>(
    `SELECT i.name FROM spot_check_inspectors i JOIN users u ON u.id = i.user_id WHERE u.username = 's01.inspector2'`,
  );
  const inspector = await openSession(browser, app, { phone: true });
  const ip = inspector.page;
  await loginViaUi(ip, 's01.inspector');
  await ip.goto(pharmacyUrl.slice(pharmacyUrl.indexOf('/drugs/')));
  await ip.getByTestId('gsp-start').click();
  await ip.getByTestId('gsp-partners').locator('input').fill(partner!.name);
  await ip.locator('.ant-select-item-option').getByText(partner!.name, { exact: false }).first().click();
  // A multiple select stays open after a pick: close it on the modal's title (Escape would close the modal).
  await ip.locator('.ant-modal-title').click();
  await ip.locator('.ant-select-dropdown:visible').waitFor({ state: 'detached' });
  await ip.getByTestId('gsp-start-ok').click();
  const gsp = ip.getByTestId('gsp-table');
  await gsp.getByText('检查中').waitFor();
  await gsp.locator('button[data-testid^="gsp-result-"]').click();
  await ip.getByTestId('gsp-result').getByText('限期整改').click();
  await ip.getByTestId('gsp-result-ok').click();
  await ip.locator('.ant-form-item-explain-error').getByText('不符合或限期整改须填写发现的问题').waitFor();
  await ip.getByTestId('gsp-findings').locator('xpath=descendant-or-self::textarea').fill('处方药未凭处方销售');
  await ip.getByTestId('gsp-result-ok').click();
  await gsp.getByText('处方药未凭处方销售').waitFor();
  assert.match(await textOf(gsp), /限期整改/);
  assert.equal(await gsp.getByText('检查中').count(), 0);
  assert.deepEqual(inspector.errors, []);
  await inspector.context.close();
});

test('on a phone: a settings holder adds a product category and changes an existing one’s risk grade', async () => {
  const { app, browser } = fx;
  const admin = await loginAs(app, 'admin');
  const before = (await admin.get<TProductSettings>('/api/v1/product/quality/settings')).body;
  const target = before.categories.find((c) => c.riskGrade !== 'D')!;

  const session = await openSession(browser, app, { phone: true });
  const { page } = session;
  await loginViaUi(page, 'admin');
  await page.goto('/product/settings');
  const table = page.getByTestId('category-table');
  await table.getByText(target.name, { exact: true }).waitFor();

  await page.getByTestId(`category-edit-${target.code}`).click();
  const form = page.getByTestId('category-form');
  await form.getByTestId('category-grade').click();
  // While the dropdown still slides in, a click can land on a re-rendered node: wait for it to settle.
  const dropdown = page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])');
  await dropdown.waitFor();
  await dropdown.locator('.ant-select-item-option').filter({ hasText: /^D / }).click();
  await form.getByTestId('category-grade').locator('[title^="D "]').waitFor({ timeout: 5000 });
  await page.getByTestId('category-form-ok').click();
  await form.waitFor({ state: 'hidden' });
  await table
    .locator('tr', { has: page.getByTestId(`category-edit-${target.code}`) })
    .getByText('D', { exact: true })
    .waitFor();

  await page.getByTestId('category-add').click();
  const add = page.getByTestId('category-form');
  await add.getByTestId('category-code').fill('1bad');
  await add.getByTestId('category-name').fill('电动自行车充电器');
  await page.getByTestId('category-form-ok').click();
  await add
    .locator('.ant-form-item-explain-error')
    .getByText(/类别代码应为英文字母开头/)
    .waitFor();
  await add.getByTestId('category-code').fill('eBikeChargerE2e');
  await page.getByTestId('category-form-ok').click();
  await add.waitFor({ state: 'hidden' });
  await table.getByText('eBikeChargerE2e').waitFor();

  const after = (await admin.get<TProductSettings>('/api/v1/product/quality/settings')).body;
  assert.equal(after.categories.find((c) => c.code === target.code)?.riskGrade, 'D');
  assert.equal(after.categories.find((c) => c.code === 'eBikeChargerE2e')?.riskGrade, 'B');
  assert.deepEqual(session.errors, []);
  await session.context.close();
});
