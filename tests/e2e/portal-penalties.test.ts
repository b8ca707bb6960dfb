import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import type { TDisclosure } from '../../src/contracts/case-disclosures.ts';
import { onCaseDecided } from '../../src/modules/cases/services/disclosures.ts';
import { insertCase } from '../helpers/case-factories.ts';
import { loginAs, type TestApp } from '../helpers/test-app.ts';
import { launchBrowser, loginViaUi, openSession, startWebApp, textOf } from './helpers.ts';

let app: TestApp;
let browser: Browser;
const published: TDisclosure[] = [];

type Party = { kind: 'person' | 'organisation'; name: string; uscc?: string };

/** A decided general-procedure case with a fine in station s01: its disclosure is pending. */
async function decidedCase(party: Party, n: number, decidedOn = '2026-11-20') {
  const db = app.testDb.db;
  const [station] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
  const decisionNo = `南海市监处罚〔2026〕${700 + n}号`;
  const caseId = await insertCase(db, {
    stationId: station!.id,
    status: 'decided',
    officers: ['s01.inspector'],
    partyKind: party.kind,
    partyName: party.name,
    extra: {
      party_uscc: party.uscc ?? null,
      decision_kind: 'penalty',
      decision_no: decisionNo,
      decided_on: decidedOn,
    },
  });
  await db.query(`INSERT INTO case_penalties (case_id, kind, amount_fen) VALUES ($1, 'fine', $2)`, [
    caseId,
    30_000_00 + n,
  ]);
  await db.transaction((tx) => onCaseDecided(tx, caseId));
  return caseId;
}

/** A decided case whose disclosure the station chief published. */
async function publishedDecision(party: Party, n: number) {
  const db = app.testDb.db;
  const caseId = await decidedCase(party, n);
  const chief = await loginAs(app, 's01.chief');
  const [row] = await db.query<{ id: number; version: number }>(
    'SELECT id, version FROM case_disclosures WHERE case_id = $1',
    [caseId],
  );
  const res = await chief.post<TDisclosure>(`/api/v1/case-disclosures/${row!.id}/publish`, { version: row!.version });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

before(async () => {
  [app, browser] = await Promise.all([startWebApp(), launchBrowser()]);
  published.push(await publishedDecision({ kind: 'person', name: '王小明' }, 1));
  published.push(
    await publishedDecision(
      { kind: 'organisation', name: '佛山市南海区公示测试餐饮有限公司', uscc: '91440605MA4UPEN01X' },
      2,
    ),
  );
});
after(async () => {
  await browser?.close();
  await app?.close();
});

test('a citizen on a 375 px phone finds a penalty by USCC, opens it, and a QR link opens a decision directly', async () => {
  const { page, errors } = await openSession(browser, app, { phone: true });
  await page.setViewportSize({ width: 375, height: 812 });
  await page.goto('/portal/penalties');
  assert.ok(page.url().endsWith('/portal/penalties'), 'no redirect to the login page');
  await page.getByText('行政处罚信息公示').first().waitFor();
  const cards = page.getByTestId('public-penalty');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 2);
  const text = (await page.locator('body').textContent()) ?? '';
  assert.ok(text.includes('王**'), 'the individual is masked');
  assert.ok(!text.includes('王小明'));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no sideways scrolling on a phone (${overflow}px too wide)`);
  await page.screenshot({ path: '/tmp/portal-penalties-375.png', fullPage: true });

  await page.getByTestId('penalties-search').locator('input').fill('91440605MA4UPEN01X');
  await page.getByTestId('penalties-search').locator('input').press('Enter');
  await page.waitForURL(/\?q=/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="public-penalty"]').length === 1);
  await cards.first().getByTestId('penalty-open').click();
  const detail = page.getByTestId('penalty-detail');
  await detail.waitFor();
  assert.ok(((await detail.textContent()) ?? '').includes('佛山市南海区公示测试餐饮有限公司'));
  assert.ok(((await detail.textContent()) ?? '').includes('罚款人民币30,000.02元'));

  // The QR code on the decision: ?no= opens that decision's detail at once.
  await page.goto(`/portal/penalties?no=${encodeURIComponent(published[0]!.decisionNo)}`);
  await detail.waitFor();
  assert.equal(await detail.getByTestId('penalty-no').textContent(), published[0]!.decisionNo);
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(wide <= 0, `the detail fits the phone (${wide}px too wide)`);
  await page.screenshot({ path: '/tmp/portal-penalty-detail-375.png', fullPage: true });

  // An unknown number says so.
  await page.goto('/portal/penalties?no=NOPE-1');
  await page.getByText('未查到文号为 NOPE-1 的公示信息').waitFor();
  assert.deepEqual(errors, []);
});

test('the station chief publishes a pending decision from 公示管理; an overdue one is flagged red', async () => {
  const late = await decidedCase({ kind: 'organisation', name: '佛山市南海区逾期公示测试商行' }, 3, '2026-10-09');
  const fresh = await decidedCase({ kind: 'organisation', name: '佛山市南海区待公示测试商行' }, 4);
  const [lateRow, freshRow] = await Promise.all(
    [late, fresh].map(
      async (caseId) =>
        (await app.testDb.db.query<{ id: number }>('SELECT id FROM case_disclosures WHERE case_id = $1', [caseId]))[0]!
          .id,
    ),
  );
  const { page, errors } = await openSession(browser, app);
  await loginViaUi(page, 's01.chief');
  await page.goto('/cases/disclosures');
  const table = page.getByTestId('case-disclosures-table');
  const overdue = table.locator('tr', { hasText: '逾期公示测试商行' });
  await overdue.waitFor();
  assert.match(await textOf(overdue), /已超期/);
  assert.ok((await overdue.locator('.ant-tag-red').count()) > 0, 'the overdue tag is red');

  const row = table.locator('tr', { hasText: '佛山市南海区待公示测试商行' });
  assert.match(await textOf(row), /待公示/);
  await page.getByTestId(`disclosure-publish-${freshRow}`).click();
  await page.getByTestId('disclosure-publish-ok').click();
  await row.getByText('公示中').waitFor();
  const portal = page.getByTestId(`disclosure-portal-${freshRow}`);
  assert.equal(await portal.getAttribute('href'), `/portal/penalties?id=${freshRow}`);
  assert.equal(
    await page.getByTestId(`disclosure-case-${lateRow}`).getAttribute('href'),
    `/cases/${late}`,
    'each row opens its case',
  );
  await page.goto(`/portal/penalties?id=${freshRow}`);
  await page.getByTestId('penalty-detail').getByText('南海市监处罚〔2026〕704号').waitFor();
  assert.deepEqual(errors, []);
});
