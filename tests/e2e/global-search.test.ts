import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const fixture = webAppFixture();

async function seed() {
  const admin = await loginAs(fixture.app, 'admin');
  const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
  const s01 = units.find((u) => u.code === 's01')!.id;
  const res = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '佛山市南海区桂城锦绣茶庄', stationId: s01, legalRepName: '黎锦绣' }),
  );
  assert.equal(res.status, 201, JSON.stringify(res.body));
  await admin.post('/api/v1/entities', makeEntity({ name: '南海区大沥五金制品有限公司', stationId: s01 }));
  return res.body;
}

test('global search finds an entity by a 2-character fragment; Ctrl+K focuses it, a click opens the entity', async () => {
  const entity = await seed();
  const { context, page, errors } = await openSession(fixture.browser, fixture.app);
  await loginViaUi(page, 's01.chief');
  const box = page.getByTestId('global-search').locator('input');
  await page.keyboard.press('Control+k');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, 'Ctrl+K focuses the box');
  await box.pressSequentially('茶庄');
  const hit = page.locator('.ant-select-dropdown:visible [data-testid="global-search-hit"]').filter({
    hasText: '佛山市南海区桂城锦绣茶庄',
  });
  await hit.waitFor();
  // Grouped under 市场主体, with the legal representative's ID number masked.
  const dropdown = page.locator('.ant-select-dropdown:visible');
  assert.match(await textOf(dropdown), /市场主体/);
  assert.match(await textOf(hit), /黎锦绣 440\*{11}\d{3}[\dX]/);
  await hit.click();
  await page.waitForURL(`**/entities/${entity.id}`);
  assert.equal(await textOf(page.getByTestId('entity-title')), '佛山市南海区桂城锦绣茶庄');
  assert.equal(await box.inputValue(), '', 'the box is cleared after opening a hit');
  assert.deepEqual(errors, []);
  await context.close();
});

test('"/" focuses the box, Enter opens the first hit; a menu page is found by its name', async () => {
  const { context, page, errors } = await openSession(fixture.browser, fixture.app);
  await loginViaUi(page, 'admin');
  const box = page.getByTestId('global-search').locator('input');
  await page.keyboard.press('/');
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, '"/" focuses the box');
  await page.keyboard.type('工作日历');
  await page.locator('.ant-select-dropdown:visible [data-testid="global-search-hit"]').first().waitFor();
  await page.keyboard.press('Enter');
  await page.waitForURL('**/calendar');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone the box is an icon that opens a dialog', async () => {
  const { context, page, errors } = await openSession(fixture.browser, fixture.app, { phone: true });
  await loginViaUi(page, 'admin');
  assert.equal(await page.getByTestId('global-search').count(), 0);
  await page.getByTestId('global-search-open').click();
  const box = page.getByTestId('global-search').locator('input');
  await box.pressSequentially('五金');
  const hit = page
    .locator('.ant-select-dropdown:visible [data-testid="global-search-hit"]')
    .filter({ hasText: '南海区大沥五金制品有限公司' });
  await hit.click();
  await page.waitForURL(/\/entities\/\d+$/);
  await page.getByTestId('entity-title').waitFor();
  assert.equal(await page.locator('.ant-modal:visible').count(), 0, 'the dialog closes');
  assert.deepEqual(errors, []);
  await context.close();
});
