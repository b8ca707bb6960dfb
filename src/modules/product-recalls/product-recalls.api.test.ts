import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import type { TAlertImportResult, TAlertMatch, TRecallDetail } from '../../contracts/product-recalls.ts';
import { bigramTsvector } from '../../domain/bigrams.ts';
import { makeUscc } from '../../domain/uscc.ts';

type Problem = { errors: { path: string; message: string }[]; detail: string };
type Page<T> = { items: T[] };
const header =
  '通报编号,通报来源,通报日期,产品名称,风险描述,生产者名称,生产者统一社会信用代码,销售者名称,销售者统一社会信用代码';

async function upload<T>(
  app: TestApp,
  client: ApiClient,
  path: string,
  name: string,
  bytes: Uint8Array<ArrayBuffer> | string,
) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await fetch(`${app.baseUrl}${path}`, {
    method: 'POST',
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    body: form,
  });
  return { status: res.status, body: (await res.json()) as T };
}

describe('product recalls: plan, progress, completion, publication; risk alert import, matching, review → lead', () => {
  let app: TestApp;
  let chief: ApiClient;
  let otherChief: ApiClient;
  const seq = process.pid % 1000;
  const producerName = `召回测试${seq}电器厂`;
  const sellerUscc = makeUscc('92', '440605', `T${String(seq).padStart(3, '0')}0001`);
  let producerId = 0;

  before(async () => {
    app = await startTestApp();
    chief = await loginAs(app, 's01.chief');
    otherChief = await loginAs(app, 's02.chief');
    const rows = await app.testDb.db.query<{ id: number }>(
      `INSERT INTO entities (uscc, type, name, name_bigrams, station_id, established_on)
       SELECT u, t, n, b::tsvector, (SELECT id FROM org_units WHERE code = 's01'), '2020-01-01'
         FROM (VALUES ($1, 'enterprise', $2, $3), ($4, 'individualBusiness', $5, $6)) v(u, t, n, b)
       RETURNING id`,
      [
        makeUscc('91', '440605', `P${String(seq).padStart(3, '0')}0001`),
        producerName,
        bigramTsvector(producerName),
        sellerUscc,
        `召回测试${seq}商行`,
        bigramTsvector(`召回测试${seq}商行`),
      ],
    );
    producerId = rows[0]!.id;
  });
  after(() => app.close());

  test('an alert file with bad rows is refused whole, each bad row named; a clean one is matched set-based', async () => {
    const bad = [
      header,
      `SG-1,Safety Gate,2026-11-20,玩具车,纽扣电池,${producerName},,,`,
      'SG-2,Safety Gate,2026-11-20,暖风机,过热,,91440605MA00000000,,',
      'SG-3,Safety Gate,2026-13-01,,过热,某厂,,,',
    ].join('\n');
    const refused = await upload<Problem>(app, chief, '/api/v1/product/alerts/imports', 'alerts.csv', bad);
    assert.equal(refused.status, 422);
    const paths = refused.body.errors.map((e) => e.path);
    assert.ok(paths.includes('rows[3].producerUscc'), paths.join());
    assert.ok(paths.includes('rows[4].publishedOn'));
    assert.ok(paths.includes('rows[4].productName'));
    assert.match(refused.body.detail, /未导入任何数据/);
    const none = await chief.get<Page<TAlertMatch>>('/api/v1/product/alerts/matches?limit=200');
    assert.equal(none.body.items.length, 0);

    const good = [
      header,
      `SG-1,Safety Gate,2026-11-20,玩具车,纽扣电池,${producerName},,,`,
      `SG-2,SAMR,2026-11-21,暖风机,过热,外地某厂,,,${sellerUscc}`,
      'SG-3,SAMR,2026-11-22,电水壶,触电,查无此厂,,,',
    ].join('\n');
    const ok = await upload<TAlertImportResult>(app, chief, '/api/v1/product/alerts/imports', 'alerts.csv', good);
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.equal(ok.body.alertCount, 3);
    assert.equal(ok.body.matchCount, 2);
  });

  test('staff confirm a match (→ case lead) or dismiss it with a reason; the inbox lists what waits', async () => {
    // Due in 5 days may fall after this week's end: bring the clock to today to see the inbox list it.
    await app.testDb.db.query("UPDATE product_alert_matches SET due_on = (now() AT TIME ZONE 'Asia/Shanghai')::date");
    const inbox = await chief.get<TInbox>('/api/v1/inbox');
    assert.ok(JSON.stringify(inbox.body).includes('风险通报匹配待核实'));
    const list = await chief.get<Page<TAlertMatch>>('/api/v1/product/alerts/matches?status=pending');
    const byName = list.body.items.find((m) => m.matchedBy === 'name')!;
    const byUscc = list.body.items.find((m) => m.matchedBy === 'uscc')!;
    assert.equal(byName.entityId, producerId);
    assert.equal(byUscc.role, 'seller');
    assert.equal((await otherChief.get(`/api/v1/product/alerts/matches/${byName.id}`)).status, 404);

    const confirmed = await chief.post<TAlertMatch>(`/api/v1/product/alerts/matches/${byName.id}/confirm`, {
      version: byName.version,
    });
    assert.equal(confirmed.status, 200);
    assert.match(confirmed.body.leadCode ?? '', /^AY\d+/);
    const again = await chief.post<Problem>(`/api/v1/product/alerts/matches/${byName.id}/dismiss`, {
      version: confirmed.body.version,
      note: 'x',
    });
    assert.equal(again.status, 409);
    const noReason = await chief.post<Problem>(`/api/v1/product/alerts/matches/${byUscc.id}/dismiss`, {
      version: byUscc.version,
    });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.errors[0]?.path, 'note');
    const dismissed = await chief.post<TAlertMatch>(`/api/v1/product/alerts/matches/${byUscc.id}/dismiss`, {
      version: byUscc.version,
      note: '同名不同主体',
    });
    assert.equal(dismissed.body.status, 'dismissed');
  });

  test('a recall: plan, progress within the quantity, attachment, completion; nothing after completion', async () => {
    const created = await chief.post<TRecallDetail>('/api/v1/product/recalls', {
      entityId: producerId,
      productName: '暖风机 NF-2000',
      batches: '20260901–20260930',
      defect: '温控器失效导致过热',
      quantity: 100,
      plan: '停止销售，通过经销商回收并更换温控器',
      planFiledOn: '2026-10-08',
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const r = created.body;
    assert.equal(r.status, 'planned');
    assert.equal((await otherChief.get(`/api/v1/product/recalls/${r.id}`)).status, 404);

    const first = await chief.post<TRecallDetail>(`/api/v1/product/recalls/${r.id}/reports`, {
      version: r.version,
      reportedOn: '2026-10-20',
      quantityRecovered: 60,
    });
    assert.equal(first.body.status, 'inProgress');
    assert.equal(first.body.recovered, 60);
    const over = await chief.post<Problem>(`/api/v1/product/recalls/${r.id}/reports`, {
      version: first.body.version,
      reportedOn: '2026-10-25',
      quantityRecovered: 41,
    });
    assert.equal(over.status, 422);
    assert.equal(over.body.errors[0]?.path, 'quantityRecovered');
    assert.match(over.body.detail, /最多可报告 40/);

    const reportId = first.body.reports[0]!.id;
    const pdf = new TextEncoder().encode('%PDF-1.4\n% progress\n');
    const attached = await upload<TRecallDetail>(
      app,
      chief,
      `/api/v1/product/recalls/${r.id}/reports/${reportId}/file`,
      '进展报告.pdf',
      pdf,
    );
    assert.equal(attached.status, 200, JSON.stringify(attached.body));
    const fileId = attached.body.reports[0]!.fileId!;
    assert.equal((await chief.get(`/api/v1/files/${fileId}`)).status, 200);
    assert.equal((await otherChief.get(`/api/v1/files/${fileId}`)).status, 404);

    const done = await chief.post<TRecallDetail>(`/api/v1/product/recalls/${r.id}/complete`, {
      version: attached.body.version,
      completedOn: '2026-11-01',
    });
    assert.equal(done.body.status, 'completed');
    const late = await chief.post<Problem>(`/api/v1/product/recalls/${r.id}/reports`, {
      version: done.body.version,
      reportedOn: '2026-11-02',
      quantityRecovered: 1,
    });
    assert.equal(late.status, 409);
    assert.match(late.body.detail, /已完成召回.*报告召回进展/);
    const after = await chief.get<TRecallDetail>(`/api/v1/product/recalls/${r.id}`);
    assert.equal(after.body.recovered, 60);
    assert.equal(after.body.reports.length, 1);
    assert.deepEqual(
      after.body.events.map((e) => e.action),
      ['file', 'report', 'complete'],
    );

    const anon = await fetch(`${app.baseUrl}/api/v1/public/product/recalls`).then((x) => x.json());
    assert.ok(!(anon as Page<{ id: number }>).items.some((x) => x.id === r.id));
    await chief.post(`/api/v1/product/recalls/${r.id}/publish`, { version: done.body.version });
    const pub = await fetch(`${app.baseUrl}/api/v1/public/product/recalls`).then((x) => x.json());
    assert.ok((pub as Page<{ id: number }>).items.some((x) => x.id === r.id));
  });

  test('the recall list exports as XLSX with the list filters and scope, audited with its row count', async () => {
    const xlsx = async (client: ApiClient, query: string) => {
      const res = await fetch(`${app.baseUrl}/api/v1/product/recalls/export${query}`, {
        headers: { cookie: client.cookie },
      });
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
      assert.match(res.headers.get('content-disposition') ?? '', /product_recalls_\d{8}\.xlsx/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await res.arrayBuffer());
      const sheet = book.worksheets[0]!;
      return Array.from({ length: sheet.rowCount }, (_, i) =>
        (sheet.getRow(i + 1).values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString() : v)),
      );
    };
    const rows = await xlsx(chief, '?status=completed');
    assert.equal(rows[0]![0], '产品名称');
    const mine = rows.find((row) => row[0] === '暖风机 NF-2000');
    assert.ok(mine, JSON.stringify(rows));
    assert.equal(mine[1], producerName);
    assert.equal(mine[6], 100);
    assert.equal(mine[7], 60);
    assert.equal(mine[9], '已完成召回');
    assert.equal(String(mine[10]).slice(0, 10), '2026-11-01');
    assert.equal((await xlsx(chief, '?status=planned')).filter((row) => row[0] === '暖风机 NF-2000').length, 0);
    // Another station's chief reads the same endpoint without this station's recall.
    assert.ok(!(await xlsx(otherChief, '')).some((row) => row[0] === '暖风机 NF-2000'));
    const bad = await fetch(`${app.baseUrl}/api/v1/product/recalls/export?status=nope`, {
      headers: { cookie: chief.cookie },
    });
    assert.equal(bad.status, 422);
    // The audit row is written when the stream ends, just after the last byte: wait for it briefly.
    let audit: { detail: { rowCount: number; complete: boolean } } | undefined;
    for (let i = 0; i < 50 && !audit; i++) {
      [audit] = await app.testDb.db.query<{ detail: { rowCount: number; complete: boolean } }>(
        "SELECT detail FROM audit_log WHERE action = 'productRecall.export' ORDER BY id DESC LIMIT 1",
      );
      if (!audit) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.equal(audit?.detail.complete, true);
    assert.ok((audit?.detail.rowCount ?? 0) >= 0);
  });
});
