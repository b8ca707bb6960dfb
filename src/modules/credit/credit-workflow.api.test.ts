import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TBatch, TEntityCredit, TListing, TRepair } from '../../contracts/credit.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { latestClosedReportYear } from '../../domain/credit-rules.ts';
import { shanghaiToday } from '../../domain/deadlines.ts';

const today = shanghaiToday();
const year = latestClosedReportYear(today);
const decision = {
  decisionNo: `桂市监异〔${year + 1}〕18号`,
  reason: '经查未在规定期限内报送年度报告',
  decidedOn: today,
};
/** How pdfkit writes a non-ASCII metadata string: UTF-16BE after a byte-order mark. */
const utf16be = (s: string) => Buffer.from(`\ufeff${s}`, 'utf16le').swap16();

describe('credit workflow: annual reports → abnormal list batch → decision PDF → credit repair', () => {
  let app: TestApp;
  let staff: ApiClient;
  let otherChief: ApiClient;
  let entities: TEntityDetail[];
  let batch: TBatch;

  before(async () => {
    app = await startTestApp();
    const admin = await loginAs(app, 'admin');
    staff = await loginAs(app, 'credit.staff');
    otherChief = await loginAs(app, 's02.chief');
    const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
    entities = [];
    for (let i = 0; i < 3; i++) {
      const res = await admin.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ establishedOn: `${year - 1}-03-15`, stationId: s01.id }),
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      entities.push(res.body);
    }
  });
  after(() => app.close());

  const credit = async (id: number) => (await staff.get<TEntityCredit>(`/api/v1/credit/entities/${id}`)).body;

  test('annual reports are checked row by row and all-or-nothing', async () => {
    const bad = await staff.post<{ errors: { path: string }[] }>('/api/v1/credit/annual-reports', {
      items: [
        { uscc: entities[2]!.uscc, reportYear: year, filedOn: `${year + 1}-04-01` },
        { uscc: entities[2]!.uscc, reportYear: year - 2, filedOn: `${year - 1}-04-01` },
      ],
    });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]!.path, 'items.1.reportYear');
    const ok = await staff.post('/api/v1/credit/annual-reports', {
      items: [{ uscc: entities[2]!.uscc, reportYear: year, filedOn: `${year + 1}-04-01` }],
    });
    assert.deepEqual(ok.body, { recorded: 1, unchanged: 0 });
  });

  test('a year whose window is still open cannot be proposed', async () => {
    const res = await staff.post<{ detail: string }>('/api/v1/credit/batches', {
      list: 'abnormal',
      reportYear: year + 1,
    });
    assert.equal(res.status, 422);
    assert.match(res.body.detail, /尚未届满/);
  });

  test('propose: the non-filers of the station form one batch; one is taken out on review', async () => {
    const res = await staff.post<TBatch>('/api/v1/credit/batches', {
      list: 'abnormal',
      reportYear: year,
      stationId: entities[0]!.stationId,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal(res.body.itemCount, 2);
    const items = await staff.get<{ items: TListing[] }>(`/api/v1/credit/listings?batchId=${res.body.id}`);
    assert.deepEqual(items.body.items.map((l) => l.entityId).sort(), [entities[0]!.id, entities[1]!.id].sort());
    const second = items.body.items.find((l) => l.entityId === entities[1]!.id)!;
    const out = await staff.post<TListing>(`/api/v1/credit/listings/${second.id}/discard`, {
      reason: '已核实在期限内报送',
      version: second.version,
    });
    assert.equal(out.body.status, 'discarded');
    batch = (await staff.get<TBatch>(`/api/v1/credit/batches/${res.body.id}`)).body;
    assert.equal(batch.itemCount, 1);
    assert.equal(
      (await otherChief.get(`/api/v1/credit/batches/${batch.id}`)).status,
      404,
      'another station does not see it',
    );
  });

  test('approve needs the decision fields, lists the entity, issues a PDF with an embedded CJK font, reclassifies', async () => {
    const prior = await credit(entities[0]!.id);
    const missing = await staff.post<{ errors: { path: string }[] }>(`/api/v1/credit/batches/${batch.id}/approve`, {
      reason: 'x',
      version: batch.version,
    });
    assert.equal(missing.status, 422);
    const res = await staff.post<TBatch>(`/api/v1/credit/batches/${batch.id}/approve`, {
      ...decision,
      version: batch.version,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'approved');
    const again = await staff.post(`/api/v1/credit/batches/${batch.id}/approve`, {
      ...decision,
      version: res.body.version,
    });
    assert.equal(again.status, 409);

    const file = await fetch(`${app.baseUrl}/api/v1/files/${res.body.documentFileId}`, {
      headers: { cookie: staff.cookie },
    });
    assert.equal(file.status, 200);
    const pdf = Buffer.from(await file.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/FontFile[23]?\b/);
    assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+NotoSansCJK/);
    assert.ok(pdf.includes(utf16be(decision.decisionNo)), 'decision number in the document');

    const listed = await credit(entities[0]!.id);
    assert.equal(listed.listings[0]!.status, 'listed');
    assert.equal(listed.listings[0]!.decisionNo, decision.decisionNo);
    assert.equal(listed.current!.riskClass, 'D', 'abnormal list 30 + two missed reports 20');
    assert.notEqual(prior.current?.riskClass, 'D');
    assert.deepEqual(listed.breakdown.parts.map((p) => p.code).sort(), ['abnormal', 'reportMissed']);
    assert.equal(listed.history[0]!.riskClass, 'D');
    assert.equal(listed.documents[0]!.decisionNo, decision.decisionNo);
    const [audit] = await app.services.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action = 'credit.batch.approve' AND target_id = $1`,
      [String(batch.id)],
    );
    assert.equal(audit!.n, 1);
  });

  test('credit repair: refused while the report is missing, granted once it is filed; the listing is removed', async () => {
    const listing = (await credit(entities[0]!.id)).listings[0]!;
    const applied = await staff.post<TRepair>('/api/v1/credit/repairs', {
      listingId: listing.id,
      applicantName: '陈测试',
      applicationText: '已补报年度报告，申请移出经营异常名录',
    });
    assert.equal(applied.status, 201, JSON.stringify(applied.body));
    const dup = await staff.post('/api/v1/credit/repairs', {
      listingId: listing.id,
      applicantName: '陈',
      applicationText: '重复申请',
    });
    assert.equal(dup.status, 409);
    const reviewed = await staff.post<TRepair>(`/api/v1/credit/repairs/${applied.body.id}/review`, {
      opinion: '材料齐全',
      version: applied.body.version,
    });
    assert.deepEqual(
      reviewed.body.conditions!.map((c) => [c.code, c.met]),
      [
        ['dutyMet', false],
        ['within3Years', true],
      ],
    );
    const repairNo = `桂市监修〔${year + 1}〕3号`;
    const body = {
      decision: 'approve',
      decisionNo: repairNo,
      reason: '已履行公示义务',
      decidedOn: today,
      version: reviewed.body.version,
    };
    const refused = await staff.post<{ detail: string }>(`/api/v1/credit/repairs/${applied.body.id}/decide`, body);
    assert.equal(refused.status, 422);
    assert.match(refused.body.detail, /不符合信用修复条件/);

    await staff.post('/api/v1/credit/annual-reports', {
      items: [{ entityId: entities[0]!.id, reportYear: year, filedOn: today }],
    });
    const granted = await staff.post<TRepair>(`/api/v1/credit/repairs/${applied.body.id}/decide`, body);
    assert.equal(granted.status, 200, JSON.stringify(granted.body));
    assert.equal(granted.body.status, 'approved');
    assert.ok(granted.body.documentFileId);
    const view = await credit(entities[0]!.id);
    assert.equal(view.listings[0]!.status, 'removed');
    assert.equal(view.listings[0]!.removalDecisionNo, repairNo);
    assert.equal(view.current!.riskClass, 'B', 'one missed report left: 10 points');
    // Filing the report took 10 points off (C), the removal 30 more (B).
    assert.deepEqual(
      view.history.slice(0, 3).map((h) => h.riskClass),
      ['B', 'C', 'D'],
    );
  });

  test('serious list: only listings past 3 years are proposed', async () => {
    const none = await staff.post('/api/v1/credit/batches', { list: 'serious' });
    assert.equal(none.status, 422);
    const p = await staff.post<TBatch>('/api/v1/credit/batches', { list: 'abnormal', reportYear: year - 1 });
    await staff.post(`/api/v1/credit/batches/${p.body.id}/approve`, {
      ...decision,
      decisionNo: '桂市监异〔旧〕1号',
      version: p.body.version,
    });
    // Back-date the listing, as if decided four years ago (test set-up, not a workflow step).
    await app.services.db.query(
      `UPDATE credit_listings SET listed_on = listed_on - interval '4 years' WHERE batch_id = $1`,
      [p.body.id],
    );
    const serious = await staff.post<TBatch>('/api/v1/credit/batches', { list: 'serious' });
    assert.equal(serious.status, 201, JSON.stringify(serious.body));
    assert.equal(serious.body.itemCount, p.body.itemCount);
    assert.equal(serious.body.groundLabel, '列入经营异常名录届满3年仍未履行相关义务');
  });

  test('no CJK font: a Chinese 422 instead of a PDF with boxes', async () => {
    const noFont = await startTestApp({ env: { CJK_FONT_PATH: '/nonexistent/font.ttc' } });
    try {
      const s = await loginAs(noFont, 'credit.staff');
      const admin = await loginAs(noFont, 'admin');
      const s01 = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body.find((u) => u.code === 's01')!;
      const e = await admin.post(
        '/api/v1/entities',
        makeEntity({ establishedOn: `${year - 1}-03-15`, stationId: s01.id }),
      );
      assert.equal(e.status, 201);
      const b = await s.post<TBatch>('/api/v1/credit/batches', { list: 'abnormal', reportYear: year });
      assert.equal(b.status, 201, JSON.stringify(b.body));
      const res = await s.post<{ detail: string }>(`/api/v1/credit/batches/${b.body.id}/approve`, {
        ...decision,
        version: b.body.version,
      });
      assert.equal(res.status, 422);
      assert.match(res.body.detail, /中文字体/);
      assert.equal((await s.get<TBatch>(`/api/v1/credit/batches/${b.body.id}`)).body.status, 'proposed');
    } finally {
      await noFont.close();
    }
  });
});
