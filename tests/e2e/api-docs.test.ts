import assert from 'node:assert/strict';
import { test } from 'node:test';
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

test('Swagger UI at /api/docs renders its operations under the CSP', async () => {
  const { context, page, errors } = await openSession(web.browser, web.app);
  await page.addInitScript(recordViolations);
  const res = await page.goto('/api/docs');
  assert.match(res?.headers()['content-security-policy'] ?? '', /script-src 'self'/);
  await page.locator('.opblock').first().waitFor();
  assert.ok((await page.locator('.opblock').count()) > 50, 'every route is listed');
  await page.locator('.opblock-summary-path', { hasText: '/api/v1/auth/login' }).first().waitFor();
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
  await page.getByTestId('users-table').getByText('s01.inspector').waitFor();
  assert.deepEqual(await page.evaluate(violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
