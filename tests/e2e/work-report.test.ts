import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadDemoComplaints } from '../../src/demo/demo-complaints.ts';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { makeEntity } from '../helpers/factories.ts';
import { pdfTextFlat } from '../helpers/pdf-text.ts';
import { insertEntities } from '../helpers/spot-check-factories.ts';
import { loginAs } from '../helpers/test-app.ts';
import { loginViaUi, openSession, textOf, webAppFixture } from './helpers.ts';

const web = webAppFixture();
const screens = fileURLToPath(new URL('../../docs/screens/', import.meta.url));

test('the leader opens 工作总结, sees the preview and downloads the PDF with the entity count in it', async () => {
  const today = shanghaiToday();
  const year = today.slice(0, 4);
  const db = web.app.testDb.db;
  const admin = await loginAs(web.app, 'admin');
  const [s01] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
  for (const code of ['s01', 's02']) await insertEntities(db, { count: 15, stationCode: code });
  for (const type of ['enterprise', 'individualBusiness', 'farmerCooperative'] as const) {
    await admin.post('/api/v1/entities', makeEntity({ type, stationId: s01!.id, establishedOn: `${year}-01-02` }));
    await admin.post(
      '/api/v1/entities',
      makeEntity({ type, stationId: s01!.id, establishedOn: `${Number(year) - 1}-01-02` }),
    );
  }
  await loadDemoComplaints(db, { perYear: 60, years: 2, today });
  const [{ n: entityCount } = { n: 0 }] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM entities WHERE status IN ('active', 'suspended') AND established_on <= $1`,
    [today],
  );
  assert.ok(entityCount > 30);

  const { context, page, errors } = await openSession(web.browser, web.app);
  try {
    await loginViaUi(page, 'leader');
    await page.getByTestId('side-menu').getByText('工作总结').click();
    await page.waitForURL('**/reports/work');
    const preview = page.getByTestId('work-report-preview');
    await preview.waitFor();
    assert.match(await textOf(preview), new RegExp(`实有市场主体${entityCount}户`));
    await page.getByTestId('work-report-figures').getByText('新增市场主体').first().waitFor();
    mkdirSync(screens, { recursive: true });
    await page.screenshot({ path: `${screens}work-report.png`, fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('work-report-pdf').click()]);
    assert.match(download.suggestedFilename(), /工作总结.*\.pdf$/);
    const pdf = await readFile((await download.path())!);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const text = pdfTextFlat(pdf);
    assert.ok(text.includes(`实有市场主体${entityCount}户`), `the PDF names ${entityCount} entities`);

    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('work-report-docx').click()]);
    assert.match(docx.suggestedFilename(), /工作总结.*\.docx$/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
