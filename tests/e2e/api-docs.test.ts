import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { loginViaUi, openSession, webAppFixture } from './helpers.ts';

const web = webAppFixture();

/** Records every Content-Security-Policy violation the page reports, before any of its scripts run. */
const recordViolations = () => {
  const w = window as unknown as { cspViolations: string[] };
  w.cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
  );
};
const violations = () => (window as unknown as { cspViolations: string[] }).cspViolations;

/** Every operation in the OpenAPI document Swagger UI serves, as `method path`. */
async function specOperations(page: Page): Promise<string[]> {
  const res = await page.request.get('/api/docs/json');
  assert.equal(res.status(), 200);
  const spec = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
  const methods = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']);
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => methods.has(m))
      .map((m) => `${m} ${path}`),
  );
}

interface RenderedOperation {
  /** The path and summary as the block shows them. */
  text: string;
  /** The window's scroll offset at which the block was in the DOM. */
  scrollY: number;
}

/**
 * Scrolls the page most of a viewport at a time to the bottom, collecting the operation blocks rendered on the way
 * (by element id). Swagger UI (swagger-ui-dist 5.34) virtualizes the operation list once it has 150 entries (tags
 * plus operations): only the blocks near the viewport are in the DOM, so a count of `.opblock` at one moment sees
 * about ten whatever the size of the API.
 */
async function scrollThroughOperations(page: Page): Promise<Map<string, RenderedOperation>> {
  const seen = new Map<string, RenderedOperation>();
  for (let step = 0; step < 1000; step++) {
    const { blocks, scrollY, atBottom } = await page.evaluate(async () => {
      const blocks = [...document.querySelectorAll('.opblock')].map((el) => ({
        id: el.id,
        text: (el.querySelector('.opblock-summary')?.textContent ?? '').replaceAll('\u200b', ''),
      }));
      const scrollY = window.scrollY;
      window.scrollBy(0, Math.floor(window.innerHeight * 0.8));
      // The virtualized list re-renders on the scroll event: two frames later the new blocks are in the DOM.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return { blocks, scrollY, atBottom: window.scrollY === scrollY };
    });
    for (const { id, text } of blocks) if (!seen.has(id)) seen.set(id, { text, scrollY });
    if (atBottom) break;
  }
  return seen;
}

test('Swagger UI at /api/docs renders every operation under the CSP, the late ones as they scroll into view', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  await page.addInitScript(recordViolations);
  const res = await page.goto('/api/docs');
  assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  const operations = await specOperations(page);
  // Past 150 list entries Swagger UI renders the list virtualized: this test covers that mode.
  assert.ok(operations.length >= 150, `${operations.length} operations`);
  await page.locator('#operations-auth-post_api_v1_auth_login').waitFor({ timeout: 60_000 });
  const rendered = await scrollThroughOperations(page);
  assert.equal(rendered.size, operations.length, 'every operation of the document is rendered once scrolled to');
  // A late operation (of the case routes, which took the list past 150 entries) shows its path and summary.
  const measures = rendered.get('operations-cases-get_api_v1_cases__id__measures');
  assert.match(measures?.text ?? '', /GET\s*\/api\/v1\/cases\/\{id\}\/measures\s*行政强制措施/);
  await page.evaluate((y) => window.scrollTo(0, y), measures?.scrollY ?? 0);
  await page.locator('#operations-cases-get_api_v1_cases__id__measures').waitFor();
  await page.screenshot({ path: '/tmp/e2e-api-docs.png' });
  assert.deepEqual(await page.evaluate(violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the web app signs in and renders under the CSP with no violation', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  await page.addInitScript(recordViolations);
  await loginViaUi(page, 'admin');
  await page.getByTestId('side-menu').getByText('用户管理').click();
  await page.getByTestId('users-table').getByText('s01.inspector', { exact: true }).waitFor();
  assert.deepEqual(await page.evaluate(violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
