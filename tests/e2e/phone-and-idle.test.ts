import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { loginViaUi, openSession, webAppFixture } from './helpers.ts';

const web = webAppFixture();
/** A folder for the phone screenshots of every menu page; unset (CI), none are taken. */
const shotsDir = process.env.E2E_SHOTS;
if (shotsDir) mkdirSync(shotsDir, { recursive: true });

/**
 * Counts the page's API requests and tells when the page has been quiet for `quietMs`: nothing in flight, of any
 * kind (a lazy route's script chunk comes before its API calls).
 */
function watchApi(page: Page) {
  const apiCalls: string[] = [];
  let pending = 0;
  let lastActivity = Date.now();
  const done = () => {
    pending = Math.max(0, pending - 1);
    lastActivity = Date.now();
  };
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith('/api/')) apiCalls.push(`${r.method()} ${url.pathname}${url.search}`);
    pending++;
    lastActivity = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    count: () => apiCalls.length,
    callsSince: (mark: number) => apiCalls.slice(mark),
    /**
     * Waits until the page has been quiet for `quietMs` and its main thread is idle (a looping page never is: then
     * it just returns). Quiet on the network alone is not enough on a loaded machine: the bundle can still be
     * parsing, seconds before the page's first call (/auth/me), which would then land in the idle window.
     */
    async settle(quietMs: number, timeoutMs: number) {
      // The page's first calls may start only after `load`: the quiet time counts from now at the earliest.
      lastActivity = Math.max(lastActivity, Date.now());
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (pending > 0 || Date.now() - lastActivity < quietMs) {
          await new Promise((r) => setTimeout(r, 100));
          continue;
        }
        const before = lastActivity;
        await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(null))));
        if (pending === 0 && lastActivity === before) return;
      }
    },
  };
}

/** The menu's page paths (antd keeps the item key at the end of data-menu-id). */
async function menuPaths(page: Page): Promise<string[]> {
  const ids = await page.locator('.ant-menu-item').evaluateAll((els) => els.map((e) => e.getAttribute('data-menu-id')));
  return ids.map((id) => (id ?? '').replace(/^.*?-(\/.*)$/, '$1')).filter((p) => p.startsWith('/'));
}

const overflowsX = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

test('phone: the inspector reads the header, picks each page from the menu, and the menu closes', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app, { phone: true });
  await loginViaUi(page, 's01.inspector');
  const unit = await page.getByTestId('header-unit').boundingBox();
  const user = await page.getByTestId('user-menu').boundingBox();
  assert.ok(unit && user, 'header shows the unit and the user menu');
  assert.ok(unit.height < 32, `the unit name stays on one line (height ${unit.height})`);
  assert.ok(unit.x + unit.width <= user.x, 'the unit name does not run under the user menu');
  assert.equal(await overflowsX(page), false, 'no horizontal scrolling on the home page');

  await page.getByTestId('menu-toggle').click();
  await page.getByTestId('side-menu').waitFor();
  const paths = await menuPaths(page);
  for (const want of ['/entities', '/complaints', '/spot-checks/visits']) assert.ok(paths.includes(want), want);
  for (const path of paths) {
    if (!(await page.getByTestId('side-menu').isVisible())) await page.getByTestId('menu-toggle').click();
    await page.locator(`.ant-menu-item[data-menu-id$="-${path}"]`).click();
    await page.waitForURL((u) => u.pathname === path);
    await page.getByTestId('side-menu').waitFor({ state: 'hidden' });
    await page.waitForLoadState('networkidle');
    assert.equal(await overflowsX(page), false, `${path}: no horizontal scrolling`);
    // Full-page screenshots cost seconds each: only when asked for (E2E_SHOTS=folder).
    if (shotsDir)
      await page.screenshot({ path: `${shotsDir}/e2e-phone${path.replaceAll('/', '-')}.png`, fullPage: true });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Opens each of the role's menu pages in its own tab, lets it settle, then counts its API calls over 5 s of idle.
 * Tabs load in a pool of `TABS`; a settled tab's idle window runs on its own while its worker loads the next page,
 * so the waiting overlaps (the pool bounds how many pages load, and use the CPU, at once; not how many are watched).
 * Each window is still 5 s of the settled page doing nothing: other tabs loading do not make this page request.
 */
const TABS = 4;
const IDLE_MS = 5_000;
async function idleRequestsPerPage(context: BrowserContext, paths: string[]): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  const windows: Promise<void>[] = [];
  const queue = [...paths];
  const worker = async () => {
    for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
      const page = await context.newPage();
      const api = watchApi(page);
      await page.goto(path);
      await api.settle(3_000, 30_000);
      const mark = api.count();
      const current = path;
      const watching = (async () => {
        // A hidden tab may stop its timers: the window only counts if the page stayed visible throughout.
        assert.equal(await page.evaluate(() => document.visibilityState), 'visible', `${current}: visible`);
        await new Promise((r) => setTimeout(r, IDLE_MS));
        assert.equal(await page.evaluate(() => document.visibilityState), 'visible', `${current}: visible`);
        out[current] = api.callsSince(mark);
        await page.close();
      })();
      watching.catch(() => {}); // awaited below, after the pool: no unhandled rejection meanwhile
      windows.push(watching);
    }
  };
  await Promise.all(Array.from({ length: TABS }, worker));
  await Promise.all(windows);
  return out;
}

for (const role of ['admin', 's01.chief', 's01.inspector']) {
  test(`no page keeps requesting while idle (${role})`, async () => {
    const { context, page } = await openSession(web.browser, web.app);
    await loginViaUi(page, role);
    const paths = await menuPaths(page);
    assert.ok(paths.length >= 5, `menu of ${role}: ${paths.join(',')}`);
    const idle = await idleRequestsPerPage(context, paths);
    // The bell re-reads its count every 30 s by design: once in a 5 s window is that timer, more would be a loop.
    const isBellPoll = (c: string) => c === 'GET /api/v1/notifications/unread-count';
    const looping = Object.entries(idle).filter(
      ([, calls]) => calls.filter((c) => !isBellPoll(c)).length > 0 || calls.filter(isBellPoll).length > 1,
    );
    assert.deepEqual(looping, [], `API requests during 5 s of idle: ${JSON.stringify(looping)}`);
    await context.close();
  });
}
