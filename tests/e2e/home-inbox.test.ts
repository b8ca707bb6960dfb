import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertCase } from '../helpers/case-factories.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';
import { fileOverdueComplaint } from './overdue-complaint.ts';

const web = webAppFixture();
let known: Promise<number> | undefined;

/**
 * A 12315 complaint at 桂城所 received in March 2025 and never accepted: its 受理 clock is long overdue. Made by the
 * first test that needs it (the fixture's app starts in its own hook).
 */
const overdueComplaint = () => {
  known ??= fileOverdueComplaintAtS01();
  return known;
};

async function fileOverdueComplaintAtS01(): Promise<number> {
  return (await fileOverdueComplaint(web.app, '佛山市南海区桂城逾期待办洗衣店')).id;
}

/** A case at 桂城所 filed in January whose decision clock ran out in April: overdue for whoever works cases. */
const overdueCase = () =>
  insertCase(web.app.testDb.db, { status: 'investigating', filedOn: '2026-01-05', decisionDueOn: '2026-04-05' });

/**
 * Each role's home page: the inbox opens on 逾期 with the known item, and the role's own card. The credit clerk reads
 * complaints but does not handle them, so theirs is an overdue case they work, and the 12315 item is not handed to them.
 */
const roles: { username: string; card: string; phone?: boolean; works?: 'cases' }[] = [
  { username: 'admin', card: 'home-system' },
  { username: 'leader', card: 'home-figures' },
  { username: 'hotline', card: 'home-hotline' },
  { username: 'credit.staff', card: 'home-figures', works: 'cases' },
  { username: 's01.chief', card: 'home-team' },
  { username: 's01.inspector', card: 'home-visits', phone: true },
];

for (const role of roles) {
  const what = role.works === 'cases' ? 'an overdue case, not the 12315 item' : 'the overdue 12315 item';
  test(`${role.username}: the home page shows the inbox with ${what}${role.phone ? ' (phone)' : ''}`, async () => {
    const complaintId = await overdueComplaint();
    const [module, id, step, path] =
      role.works === 'cases'
        ? (['cases', await overdueCase(), /立案|决定|办案/, 'cases'] as const)
        : (['complaints', complaintId, /受理决定/, 'complaints'] as const);
    const { context, page, errors } = await openSession(web.browser, web.app, { phone: role.phone });
    try {
      await loginViaUi(page, role.username);
      const card = page.getByTestId('inbox-card');
      await card.waitFor();
      const link = card.getByTestId(`inbox-link-${module}-${id}`);
      await link.waitFor();
      const overdue = Number(await textOf(page.getByTestId('inbox-count-overdue')));
      assert.ok(overdue >= 1, `overdue count ${overdue}`);
      const row = page.getByTestId('inbox-item').filter({ has: page.getByTestId(`inbox-link-${module}-${id}`) });
      assert.match(await textOf(row), step);
      assert.match(await textOf(row), /逾期 \d+ 天/);
      await page.getByTestId(role.card).waitFor();
      if (role.works) assert.equal(await card.getByTestId(`inbox-link-complaints-${complaintId}`).count(), 0);
      if (role.phone) {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 390, `the page is ${width} px wide on a 390 px phone`);
      }
      await link.click();
      await page.waitForURL(`**/${path}/${id}`);
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
