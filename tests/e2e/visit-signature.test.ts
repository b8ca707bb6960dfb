import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import type { TVisitDetail, TVisitSummary } from '../../src/contracts/spot-checks.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { assignVisitTo, drawnTask, insertEntities, itemIds } from '../helpers/spot-check-factories.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, webAppFixture } from './helpers.ts';

const web = webAppFixture();

/** A stroke across the pad's box at the given fractions of its size, by the mouse. */
async function drawWithMouse(page: Page, testId: string, points: [number, number][]) {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 6 });
  await page.mouse.up();
}

/** The same with a finger: real touch events through the DevTools protocol (pointerType "touch"). */
async function drawWithFinger(page: Page, testId: string, points: [number, number][]) {
  const box = (await page.getByTestId(testId).boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const touch = ([fx, fy]: [number, number]) => [{ x: box.x + fx * box.width, y: box.y + fy * box.height, id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: touch(points[0]!) });
  for (const p of points.slice(1))
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: touch(p) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const wave: [number, number][] = [
  [0.1, 0.6],
  [0.2, 0.3],
  [0.3, 0.7],
  [0.45, 0.35],
  [0.6, 0.7],
  [0.75, 0.3],
  [0.9, 0.55],
];

test('phone: the entity signs with a finger, the inspector with the mouse, and the record PDF carries both', async () => {
  const { app } = web;
  const db = app.testDb.db;
  const admin = await loginAs(app, 'admin');
  await insertEntities(db, { count: 1, stationCode: 's02', riskClass: 'B' });
  const task = await drawnTask(admin, db, { name: '现场签名抽查', stationCodes: ['s02'], itemCodes: ['DJ-01'] });
  const list = (await admin.get<{ items: TVisitSummary[] }>(`/api/v1/spot-checks/visits?taskId=${task.id}`)).body;
  const visitId = list.items[0]!.id;
  await assignVisitTo(db, visitId, ['s03.inspector']);
  const inspector = await loginAs(app, 's03.inspector');
  const saved = await inspector.put<TVisitDetail>(`/api/v1/spot-checks/visits/${visitId}/results`, {
    itemId: (await itemIds(db, ['DJ-01']))[0],
    category: 'correctedOnOrder',
    notes: '年报未公示，已责令当场补报',
  });
  assert.equal(saved.status, 200, JSON.stringify(saved.body));
  const visit = saved.body;

  const { context, page, errors } = await openSession(web.browser, app, { phone: true });
  await loginViaUi(page, 's03.inspector');
  await page.goto(`/spot-checks/visits/${visitId}`);
  const section = page.getByTestId('visit-signatures');
  await section.waitFor();
  await page.getByTestId('signature-pad').scrollIntoViewIfNeeded();

  // The entity's representative signs on the inspector's phone, with a finger.
  await page.getByTestId('signer-name').fill('王建国');
  await drawWithFinger(page, 'signature-pad', wave);
  assert.equal(await page.getByTestId('signature-pad').getAttribute('data-empty'), 'false', 'the finger drew');
  const [entityRes] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/visits/${visitId}/signatures`) && r.request().method() === 'POST'),
    page.getByTestId('signature-pad-confirm').click(),
  ]);
  assert.equal(entityRes.status(), 201);
  await page.getByTestId('signer-entity').getByText('已签名').waitFor();

  // Then the inspector, with the mouse (a stroke, cleared once and drawn again).
  await page.getByTestId('signer-kind').getByText('本人签名').click();
  await drawWithMouse(page, 'signature-pad', [
    [0.1, 0.5],
    [0.5, 0.5],
  ]);
  await page.getByTestId('signature-pad-clear').click();
  assert.equal(await page.getByTestId('signature-pad').getAttribute('data-empty'), 'true');
  await drawWithMouse(page, 'signature-pad', wave);
  const [mineRes] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith(`/visits/${visitId}/signatures`) && r.request().method() === 'POST'),
    page.getByTestId('signature-pad-confirm').click(),
  ]);
  assert.equal(mineRes.status(), 201);
  const inspectorId = visit.inspectors[0]!.id;
  await page.getByTestId(`signer-${inspectorId}`).getByText('已签名').waitFor();
  await page.getByTestId(`signer-${inspectorId}`).locator('img').waitFor();
  assert.equal(await page.getByTestId('signature-pad').getAttribute('data-empty'), 'true', 'a blank pad for the next');
  await page.waitForLoadState('networkidle');
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screens/visit-signature-phone.png', fullPage: true });

  // The record opens in a new tab; its bytes are the PDF with both signatures.
  const href = await page.getByTestId('record-pdf').getAttribute('href');
  assert.equal(href, `/api/v1/spot-checks/visits/${visitId}/record.pdf`);
  const pdfRes = await page.request.get(href!);
  assert.equal(pdfRes.status(), 200);
  const pdf = Buffer.from(await pdfRes.body());
  await writeFile('/tmp/record-visit-signature.pdf', pdf);
  const text = pdfText(pdf);
  assert.ok(text.includes(visit.entityName), 'entity name in the record');
  assert.ok(text.includes('王建国'), 'the entity signer');
  assert.ok(text.includes(visit.inspectors[0]!.name), 'the inspector');
  assert.match(text, /年报未公示，已责令当场补报/);
  assert.equal(pdf.toString('latin1').match(/\/SMask \d+ 0 R/g)?.length, 2, 'both drawn signatures');
  const [stored] = await db.query<{ width: number }>(
    `SELECT (a.detail->>'width')::int AS width FROM audit_log a
      WHERE a.action = 'spotcheck.visit.sign' AND a.target_id = $1 ORDER BY a.id LIMIT 1`,
    [String(visitId)],
  );
  assert.ok(stored && stored.width >= 300, `drawn at the phone's pixel density (${stored?.width} px wide)`);
  assert.deepEqual(errors, []);
  await context.close();
});
