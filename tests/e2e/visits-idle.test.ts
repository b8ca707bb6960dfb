import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { drawnTask, insertEntities } from '../helpers/spot-check-factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp } from './helpers.ts';

let app: TestApp;
let browser: Browser;

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  const db = app.testDb.db;
  await insertEntities(db, { count: 12, stationCode: 's01', riskClass: 'C' });
  await insertEntities(db, { count: 12, stationCode: 's02', riskClass: 'C' });
  const admin = await loginAs(app, 'admin');
  await drawnTask(admin, db, { name: '空闲测试任务', stationCodes: ['s01', 's02'], itemCodes: ['SP-01', 'DJ-01'] });
});
after(async () => {
  await browser?.close();
  await app?.close();
});

/** API requests the page sends during `ms` of doing nothing. */
async function apiRequestsWhileIdle(page: Page, ms: number): Promise<string[]> {
  const seen: string[] = [];
  const onRequest = (r: { url(): string }) => {
    const path = new URL(r.url()).pathname;
    // The header bell's 30 s count timer is not the page requesting.
    if (path.startsWith('/api/') && path !== '/api/v1/notifications/unread-count') seen.push(r.url());
  };
  page.on('request', onRequest);
  await page.waitForTimeout(ms);
  page.off('request', onRequest);
  return seen;
}

// The three users at once, each in its own context: their 5 s idle windows overlap instead of adding up.
describe('检查与公示 for three users', { concurrency: true }, () => {
  for (const username of ['admin', 's01.chief', 's01.inspector']) {
    test(`检查与公示 settles for ${username}: no API request over 5 s of idle`, async () => {
      const { context, page, errors } = await openSession(browser, app);
      try {
        await loginViaUi(page, username);
        await page.goto('/spot-checks/visits');
        // Settled: rows shown (the inspector may have none: then the empty state) and no spinner over the table.
        // Waiting for either would race: the empty state can show for a moment before the first page arrives.
        await page
          .locator(username === 's01.inspector' ? '.ant-table-row, .ant-empty' : '.ant-table-row')
          .first()
          .waitFor();
        await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
        const requests = await apiRequestsWhileIdle(page, 5_000);
        assert.deepEqual(requests.slice(0, 5), [], `${requests.length} API requests while idle`);
        assert.deepEqual(errors, []);
      } finally {
        await context.close();
      }
    });
  }
});

test('the jobs page polls a queued job while shown and stops while the tab is hidden', async () => {
  // No workers run in tests: the job stays queued, so the page keeps polling it.
  await app.services.jobs.enqueue({ kind: 'credit.recompute', payload: {} });
  const { context, page, errors } = await openSession(browser, app);
  try {
    await loginViaUi(page, 'admin');
    await page.goto('/jobs');
    await page.getByTestId('jobs-table').locator('.ant-table-row').first().waitFor();
    assert.ok((await apiRequestsWhileIdle(page, 5_000)).length > 0, 'deliberate polling while shown');
    // A string, not a function: tsx would wrap a function's inner arrows in a helper the page does not have.
    await page.evaluate(`Object.defineProperty(document, 'hidden', { configurable: true, value: true });
      document.dispatchEvent(new Event('visibilitychange'));`);
    await page.waitForTimeout(2_500); // a request already under way may still finish
    assert.deepEqual(await apiRequestsWhileIdle(page, 5_000), []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
