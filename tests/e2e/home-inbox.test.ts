import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TEntityDetail } from '../../src/contracts/entities.ts';
import type { TOrgUnit } from '../../src/contracts/org.ts';
import { makeEntity } from '../helpers/factories.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();
let known: Promise<number> | undefined;

/**
 * A 12315 complaint at 桂城所 received in March 2025 and never accepted: its 受理 clock is long overdue. Made by the
 * first test that needs it (the fixture's app starts in its own hook).
 */
const overdueComplaint = () => {
  known ??= fileOverdueComplaint();
  return known;
};

async function fileOverdueComplaint(): Promise<number> {
  const admin = await loginAs(web.app, 'admin');
  const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
  const entity = await admin.post<TEntityDetail>(
    '/api/v1/entities',
    makeEntity({ name: '佛山市南海区桂城逾期待办洗衣店', stationId: s01.id }),
  );
  assert.equal(entity.status, 201, JSON.stringify(entity.body));
  const hotline = await loginAs(web.app, 'hotline');
  const filed = await hotline.post<{ items: { id: number }[] }>('/api/v1/complaints', {
    kind: 'complaint',
    channel: 'phone',
    person: { name: '测试', phone: '13900000000' },
    business: { entityId: entity.body.id },
    description: '洗衣店洗坏羽绒服拒不赔偿。',
    receivedOn: '2025-03-10',
  });
  assert.equal(filed.status, 201, JSON.stringify(filed.body));
  return filed.body.items[0]!.id;
}

/** Each role's home page: the inbox opens on 逾期 with the known item, and the role's own card. */
const roles: { username: string; card: string; phone?: boolean }[] = [
  { username: 'admin', card: 'home-system' },
  { username: 'leader', card: 'home-figures' },
  { username: 'hotline', card: 'home-hotline' },
  { username: 'credit.staff', card: 'home-figures' },
  { username: 's01.chief', card: 'home-team' },
  { username: 's01.inspector', card: 'home-visits', phone: true },
];

for (const role of roles) {
  test(`${role.username}: the home page shows the inbox with the overdue 12315 item${role.phone ? ' (phone)' : ''}`, async () => {
    const complaintId = await overdueComplaint();
    const { context, page, errors } = await openSession(web.browser, web.app, { phone: role.phone });
    try {
      await loginViaUi(page, role.username);
      const card = page.getByTestId('inbox-card');
      await card.waitFor();
      const link = card.getByTestId(`inbox-link-complaints-${complaintId}`);
      await link.waitFor();
      const overdue = Number(await textOf(page.getByTestId('inbox-count-overdue')));
      assert.ok(overdue >= 1, `overdue count ${overdue}`);
      const row = page
        .getByTestId('inbox-item')
        .filter({ has: page.getByTestId(`inbox-link-complaints-${complaintId}`) });
      assert.match(await textOf(row), /受理决定/);
      assert.match(await textOf(row), /逾期 \d+ 天/);
      await page.getByTestId(role.card).waitFor();
      if (role.phone) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the page is ${width} px wide on a 390 px phone`);
      }
      await link.click();
      await page.waitForURL(`**/complaints/${complaintId}`);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
}

test('a chief of another station does not see the item', async () => {
  const complaintId = await overdueComplaint();
  const { context, page } = await openSession(web.browser, web.app);
  try {
    await loginViaUi(page, 's02.chief');
    await page.getByTestId('inbox-tab-overdue').waitFor();
    await page.getByTestId('home-team').waitFor();
    assert.equal(await page.getByTestId(`inbox-link-complaints-${complaintId}`).count(), 0);
  } finally {
    await context.close();
  }
});
