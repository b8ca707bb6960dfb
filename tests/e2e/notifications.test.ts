import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TComplaintDetail } from '../../src/contracts/complaints.ts';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();

test('a 12315 item handed to an inspector shows on their bell; opening it goes to the item and clears the count', async () => {
  const admin = await loginAs(web.app, 'admin');
  const hotline = await loginAs(web.app, 'hotline');
  const chief = await loginAs(web.app, 's01.chief');
  const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
  const s01 = units.find((u) => u.code === 's01')!.id;
  const entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: s01 }))).body;

  const { context, page, errors } = await openSession(web.browser, web.app);
  let countReadAt = Date.now();
  page.on('response', (r) => {
    if (r.url().endsWith('/api/v1/notifications/unread-count')) countReadAt = Date.now();
  });
  await loginViaUi(page, 's01.inspector');
  await page.getByTestId('notification-bell').waitFor();
  assert.equal(await page.getByTestId('notification-count').locator('.ant-badge-count').count(), 0);

  const filed = await hotline.post<{ items: { id: number }[] }>('/api/v1/complaints', {
    kind: 'complaint',
    channel: 'phone',
    person: { name: '测试', phone: '13900000000' },
    business: { entityId: entity.id },
    description: '浏览器测试：预付卡无法退款。',
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  const id = filed.body.items[0]!.id;
  const item = (await chief.get<TComplaintDetail>(`/api/v1/complaints/${id}`)).body;
  const [inspector] = await web.app.testDb.db.query<{ id: number }>(
    `SELECT id FROM users WHERE username = 's01.inspector'`,
  );
  const moved = await chief.post(`/api/v1/complaints/${id}/reassign`, {
    handlerId: Number(inspector!.id),
    reason: '请核实',
    version: item.version,
  });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));

  // The bell re-reads its count when the tab comes back into view (and every 30 s while visible), once the count
  // it has is older than its 10 s staleTime: wait that out, rather than for the next 30 s poll.
  await page.waitForTimeout(Math.max(0, countReadAt + 10_500 - Date.now()));
  // A string, not a function: tsx's name helpers do not exist in the page.
  await page.evaluate(`(() => {
    const hidden = (value) => Object.defineProperty(document, 'hidden', { configurable: true, get: () => value });
    hidden(true);
    document.dispatchEvent(new Event('visibilitychange'));
    hidden(false);
    document.dispatchEvent(new Event('visibilitychange'));
  })()`);
  // Read the badge's title, not its digits: antd rolls digits through hidden spans while it animates.
  await page.waitForFunction(
    () => document.querySelector('[data-testid="notification-count"] .ant-badge-count')?.getAttribute('title') === '1',
    undefined,
    // Should a slow machine miss the view change, the next 30 s poll still brings it.
    { timeout: 45_000 },
  );
  await page.getByTestId('notification-bell').click();
  const entry = page.getByTestId('notification-item').first();
  assert.match(await textOf(entry), new RegExp(item.trackingCode));
  await entry.click();
  await page.waitForURL(new RegExp(`/complaints/${id}$`));
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="notification-count"] .ant-badge-count'),
    undefined,
    { timeout: 10_000 },
  );
  // The full list keeps it, read.
  await page.goto('/notifications');
  await page.getByTestId('notifications-table').getByText(item.trackingCode, { exact: false }).first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
