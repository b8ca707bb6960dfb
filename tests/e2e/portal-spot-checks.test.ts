import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TPublicResult } from '../../src/contracts/spot-checks.ts';
import { loadDemoSpotChecks } from '../../src/demo/demo-spot-checks.ts';
import { resultCategories } from '../../src/domain/spot-check-workflow.ts';
import { createFileService } from '../../src/modules/files/service.ts';
import { insertEntities } from '../helpers/spot-check-factories.ts';
import type { TestApp } from '../helpers/test-app.ts';
import { launchBrowser, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;
let published: { id: number; name: string; uscc: string }[];
let unpublished: { id: number; uscc: string }[];

const labels: string[] = resultCategories.map((c) => c.label);

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const db = app.testDb.db;
  // The demo draws 1 % of class D: 30 visits, a fifth of them left unpublished.
  await insertEntities(db, { count: 3000, stationCode: 's01', riskClass: 'D' });
  const { visits } = await loadDemoSpotChecks(db, {
    calendar: app.services.calendar.calendar,
    files: createFileService(db, { maxBytes: 1 }),
  });
  assert.ok(visits > 0);
  const rows = await db.query<{ id: number; name: string; uscc: string; status: string }>(
    `SELECT v.id, e.name, e.uscc, v.status FROM spot_check_visits v JOIN entities e ON e.id = v.entity_id ORDER BY v.id DESC`,
  );
  published = rows.filter((r) => r.status === 'published');
  unpublished = rows.filter((r) => r.status !== 'published');
  // More than one page of 20, and some left unpublished: both the "load more" button and the filter are exercised.
  assert.ok(published.length > 20, `published ${published.length}`);
  assert.ok(unpublished.length > 0);
});
after(async () => {
  await browser?.close();
  await app?.close();
});

async function publicPage(query: string): Promise<{ items: TPublicResult[]; nextCursor: string | null }> {
  const res = await fetch(`${app.baseUrl}/api/v1/public/spot-checks/results?${query}`);
  assert.equal(res.status, 200);
  return (await res.json()) as { items: TPublicResult[]; nextCursor: string | null };
}

test('a citizen on a phone sees published results without logging in, searches, and loads more', async () => {
  const { page, errors } = await openSession(browser, app);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/portal/spot-checks');
  assert.ok(page.url().endsWith('/portal/spot-checks'), 'no redirect to the login page');
  await page.getByText('双随机抽查结果公示').first().waitFor();
  const cards = page.getByTestId('public-result');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 20);
  assert.equal(await cards.first().getByTestId('result-entity').textContent(), published[0]!.name);
  const category = (await cards.first().getByTestId('result-category').first().textContent())!;
  assert.ok(labels.includes(category), category);
  const firstCard = (await cards.first().textContent())!;
  assert.ok(firstCard.includes('企业公示信息与食品销售联合抽查'), 'the task name is shown');
  assert.ok(firstCard.includes(published[0]!.uscc));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px too wide)`);
  await page.screenshot({ path: '/tmp/portal-spot-checks-mobile.png' });

  await page.getByTestId('results-more').click();
  await page.waitForFunction(
    (n) => document.querySelectorAll('[data-testid="public-result"]').length === n,
    published.length,
  );
  assert.equal(await page.getByTestId('results-more').count(), 0, 'no more pages');

  const target = published.at(-1)!;
  await page.getByTestId('results-search').locator('input').fill(target.uscc);
  await page.getByTestId('results-search').locator('input').press('Enter');
  await page.waitForURL(/\?q=/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="public-result"]').length === 1);
  assert.equal(await cards.first().getByTestId('result-entity').textContent(), target.name);

  // An unpublished visit's entity is not found, even by its exact code.
  await page.getByTestId('results-search').locator('input').fill(unpublished[0]!.uscc);
  await page.getByTestId('results-search').locator('input').press('Enter');
  await page.getByText('未查到该市场主体的公示结果').waitFor();
  assert.equal(await cards.count(), 0);

  // The portal pages link to each other.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/portal/complaint');
  await page.getByRole('menuitem', { name: '抽查结果公示' }).click();
  await page.waitForURL(/\/portal\/spot-checks$/);
  await page.getByRole('menuitem', { name: '我要投诉举报' }).click();
  await page.waitForURL(/\/portal\/complaint$/);
  assert.deepEqual(errors, []);
});

test('the public API lists exactly the published visits, newest first, without internal data', async () => {
  const seen: TPublicResult[] = [];
  let cursor: string | null = null;
  do {
    const page = await publicPage(`limit=7${cursor ? `&cursor=${cursor}` : ''}`);
    seen.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  assert.deepEqual(
    seen.map((r) => r.visitId),
    published.map((p) => p.id),
  );
  for (const hidden of unpublished) {
    assert.equal((await publicPage(`q=${hidden.uscc}`)).items.length, 0, `visit ${hidden.id} is not public`);
  }
  const byName = await publicPage(`q=${encodeURIComponent(published[0]!.name)}`);
  assert.deepEqual(
    byName.items.map((r) => r.visitId),
    [published[0]!.id],
  );
  for (const r of seen) {
    assert.deepEqual(Object.keys(r).sort(), [
      'entityName',
      'inspectedOn',
      'items',
      'planName',
      'publishedAt',
      'taskNames',
      'uscc',
      'visitId',
    ]);
    for (const item of r.items) {
      assert.deepEqual(Object.keys(item).sort(), ['categoryLabel', 'departmentName', 'name']);
      assert.ok(labels.includes(item.categoryLabel), item.categoryLabel);
    }
  }
});
