import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import type { TChecklist } from '../../src/contracts/station-ratings.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let checklist: TChecklist;
let s01: TOrgUnit;
const thisYear = new Date().getFullYear();

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const admin = await loginAs(app, 'admin');
  s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  checklist = (await admin.get<TChecklist>('/api/v1/station-ratings/checklist')).body;
});
after(async () => {
  await browser?.close();
  await app?.close();
});

const scoreInput = (page: Page, code: string) =>
  page.locator(`input[data-testid="score-${code}"], [data-testid="score-${code}"] input`).first();

test('the chief scores this year with evidence and submits; the leader compares the stations and approves', async () => {
  const chief = await openSession(browser, app);
  await loginViaUi(chief.page, 's01.chief');
  await chief.page.goto(`/stations/rating?year=${thisYear}`);
  await chief.page.getByTestId(`rating-start-${s01.id}`).click();
  await chief.page.waitForURL(/\/stations\/rating\/\d+$/);
  const ratingId = Number(chief.page.url().split('/').at(-1));

  // Full marks but two points: 98 → five stars under the default bands.
  const items = checklist.standards.flatMap((s) => s.items);
  for (const [k, item] of items.entries()) {
    await scoreInput(chief.page, item.code).fill(String(item.maxPoints - (k < 2 ? 1 : 0)));
  }
  const [saved] = await Promise.all([
    chief.page.waitForResponse((r) => r.url().endsWith(`/station-ratings/${ratingId}/scores`)),
    chief.page.getByTestId('rating-save').click(),
  ]);
  assert.equal(saved.status(), 200);
  // The total re-renders after the saved answer is applied: wait for it rather than read the previous render.
  await chief.page
    .getByTestId('rating-total')
    .filter({ hasText: /^98 \/ 100/ })
    .waitFor({ timeout: 10_000 });
  assert.match(await textOf(chief.page.getByTestId('rating-total')), /^98 \/ 100/);

  const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 5)]);
  const [uploaded] = await Promise.all([
    chief.page.waitForResponse((r) => r.url().endsWith(`/station-ratings/${ratingId}/files`)),
    chief.page
      .getByTestId('upload-equipment.enforcement')
      .locator('xpath=ancestor::span[contains(@class,"ant-upload")]//input[@type="file"]')
      .first()
      .setInputFiles({ name: '执法装备清单.png', mimeType: 'image/png', buffer: png }),
  ]);
  assert.equal(uploaded.status(), 201);
  await chief.page.getByRole('link', { name: '执法装备清单.png' }).waitFor();

  const [submitted] = await Promise.all([
    chief.page.waitForResponse((r) => r.url().endsWith(`/station-ratings/${ratingId}/transitions`)),
    chief.page.getByTestId('rating-action-submit').click(),
  ]);
  assert.equal(submitted.status(), 200);
  await chief.page.getByText('待审核').first().waitFor();
  assert.deepEqual(chief.errors, []);

  const leader = await openSession(browser, app);
  await loginViaUi(leader.page, 'leader');
  const card = leader.page.getByTestId('home-station-rating');
  await card.getByTestId('station-rating-chart').locator('canvas').first().waitFor();
  // The demo's best station last year: s01 with five stars.
  assert.equal(await card.getByTestId(`comparison-stars-${s01.id}`).getAttribute('data-stars'), '5');

  await leader.page.goto('/stations/rating');
  await leader.page.getByTestId('home-station-rating').getByTestId('station-rating-chart').waitFor();
  await leader.page.screenshot({ path: '/tmp/e2e-station-rating.png', fullPage: true });

  await leader.page.goto(`/stations/rating?year=${thisYear}`);
  await leader.page.getByTestId(`rating-open-${s01.id}`).click();
  await leader.page.getByTestId('rating-opinion').fill('材料齐全，同意评为五星所');
  const [approved] = await Promise.all([
    leader.page.waitForResponse((r) => r.url().endsWith(`/station-ratings/${ratingId}/transitions`)),
    leader.page.getByTestId('rating-action-approve').click(),
  ]);
  assert.equal(approved.status(), 200);
  await leader.page.getByTestId('rating-stars').waitFor();
  assert.equal(await leader.page.getByTestId('rating-stars').getAttribute('data-stars'), '5');
  assert.deepEqual(leader.errors, []);
});

test('the admin edits the checklist: a band out of order is refused naming the field, a valid one saves a version', async () => {
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 'admin');
  await page.goto('/stations/rating/checklist');
  const band = (stars: number) =>
    page.locator(`input[data-testid="band-${stars}"], [data-testid="band-${stars}"] input`).first();
  await band(5).fill('80');
  const [refused] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/station-ratings/checklist') && r.request().method() === 'PUT'),
    page.getByTestId('checklist-save').click(),
  ]);
  assert.equal(refused.status(), 422);
  assert.match(await textOf(page.getByTestId('form-error')), /bands\.\d\.minScore.*5星的分数线应高于4星/);
  await band(5).fill('96');
  const [saved] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/station-ratings/checklist') && r.request().method() === 'PUT'),
    page.getByTestId('checklist-save').click(),
  ]);
  assert.equal(saved.status(), 200);
  // The page's version line, not the toast that also names the version ("评定标准已保存为第 N 版").
  await page.getByText(new RegExp(`^第 ${checklist.version + 1} 版 · 总分`)).waitFor();
  assert.deepEqual(errors, []);
});
