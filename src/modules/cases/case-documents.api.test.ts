import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { zipEntries } from '../../../tests/helpers/zip-entries.ts';
import type { TCaseDocument, TSummaryBody, TSummaryResult } from '../../contracts/case-documents.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import { disclosureUrl } from '../../domain/case-documents.ts';
import { makeIdCard } from '../../domain/id-card.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { issueDocument, takeCaseNo } from './services/documents.ts';
import { qrPng } from './templates/qr.ts';

const today = shanghaiToday();
const year = Number(today.slice(0, 4));
/** How pdfkit writes a non-ASCII metadata string: UTF-16BE after a byte-order mark. */
const utf16be = (s: string) => Buffer.from(`\ufeff${s}`, 'utf16le').swap16();

type Problem = { status: number; detail: string; errors: { path: string; message: string }[] };

describe('case documents: numbering, PDF/DOCX, 简易程序', () => {
  let app: TestApp;
  let inspector: ApiClient;
  let otherStation: ApiClient;
  let entity: TEntityDetail;
  let ids: { s01: number; inspector: number; chief: number; expired: number; violation: number };

  const count = async (sql: string) => Number((await app.services.db.query<{ n: number }>(sql))[0]!.n);

  before(async () => {
    app = await startTestApp();
    const admin = await loginAs(app, 'admin');
    inspector = await loginAs(app, 's01.inspector');
    otherStation = await loginAs(app, 's02.inspector');
    const db = app.services.db;
    const [s01] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    const users = await db.query<{ id: number; username: string }>(
      `SELECT id, username FROM users WHERE username IN ('s01.inspector', 's01.chief', 's02.chief')`,
    );
    const user = (name: string) => users.find((u) => u.username === name)!.id;
    await db.query(
      `UPDATE users SET enforcement_credential_no = '44060500' || id, enforcement_credential_expires_on = $2
        WHERE id = ANY($1::bigint[])`,
      [[user('s01.inspector'), user('s01.chief')], `${year + 2}-12-31`],
    );
    await db.query(
      `UPDATE users SET enforcement_credential_no = 'EXPIRED1', enforcement_credential_expires_on = '2020-01-01'
        WHERE id = $1`,
      [user('s02.chief')],
    );
    const [v] = await db.query<{ id: number }>(
      `INSERT INTO case_violation_types (code, area, name, legal_basis, penalty_basis)
       VALUES ('TEST-DOC-1', 'pricing', '未明码标价', '《中华人民共和国价格法》第十三条第一款',
               '《明码标价和禁止价格欺诈规定》第二十一条') RETURNING id`,
    );
    ids = {
      s01: s01!.id,
      inspector: user('s01.inspector'),
      chief: user('s01.chief'),
      expired: user('s02.chief'),
      violation: v!.id,
    };
    const e = await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: s01!.id }));
    assert.equal(e.status, 201, JSON.stringify(e.body));
    entity = e.body;
  });
  after(() => app.close());

  const orgBody = (amountFen: number): TSummaryBody => ({
    party: { kind: 'organisation', entityId: entity.id, name: entity.name },
    violationTypeIds: [ids.violation],
    facts: '经营的商品未按规定明码标价',
    place: '佛山市南海区桂城街道南海大道1号店内',
    actOn: today,
    penalties: [{ kind: 'fine', amountFen }],
    officerIds: [ids.inspector, ids.chief],
  });
  const personBody = (penalties: TSummaryBody['penalties']): TSummaryBody => ({
    party: {
      kind: 'person',
      name: '张三',
      idNo: makeIdCard('440605', '19850412', '123'),
      address: '佛山市南海区桂城街道',
    },
    stationId: ids.s01,
    violationTypeIds: [ids.violation],
    facts: '流动摊点销售商品未明码标价',
    place: '桂城街道夜市',
    actOn: today,
    penalties,
    officerIds: [ids.inspector],
  });

  test('20 concurrent issues in separate transactions number 1..20; a rolled-back one leaves no gap', async () => {
    const db = app.services.db;
    const issue = (n: number) =>
      db.transaction((tx) =>
        issueDocument(tx, {
          kind: 'hearingNotice',
          unitId: ids.s01,
          issuedOn: '2031-05-0' + ((n % 9) + 1),
          data: { n },
          createdBy: ids.inspector,
        }),
      );
    const issued = await Promise.all(Array.from({ length: 20 }, (_, i) => issue(i)));
    const seqs = issued.map((d) => Number(d.docNo.match(/〕(\d+)号$/)![1])).sort((a, b) => a - b);
    assert.deepEqual(
      seqs,
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    assert.equal(new Set(issued.map((d) => d.docNo)).size, 20);
    assert.match(issued[0]!.docNo, /^南海市监听告〔2031〕\d+号$/);

    await assert.rejects(
      db.transaction(async (tx) => {
        const d = await issueDocument(tx, {
          kind: 'hearingNotice',
          unitId: ids.s01,
          issuedOn: '2031-06-01',
          data: {},
          createdBy: null,
        });
        assert.equal(d.docNo, '南海市监听告〔2031〕21号');
        throw new Error('rolled back');
      }),
      /rolled back/,
    );
    const next = await issue(0);
    assert.equal(next.docNo, '南海市监听告〔2031〕21号');
    // Another kind and another year run on their own counters; the 立案号 too.
    const caseNo = await db.transaction((tx) => takeCaseNo(tx, ids.s01, 2031));
    assert.equal(caseNo, '南海市监立〔2031〕1号');
    const form = await db.transaction((tx) =>
      issueDocument(tx, {
        kind: 'filingApproval',
        unitId: ids.s01,
        issuedOn: '2031-06-02',
        data: { caseNo },
        createdBy: null,
      }),
    );
    assert.equal(form.docNo, caseNo, 'the 立案审批表 bears the 立案号');
  });

  test('a fine above the organisation limit (¥3,000.01) is refused with 422 and nothing is written', async () => {
    const before = await count('SELECT count(*) AS n FROM cases');
    const docs = await count('SELECT count(*) AS n FROM case_documents');
    const audit = await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.summaryDecide'`);
    const res = await inspector.post<Problem>('/api/v1/cases/summary', orgBody(300_001));
    assert.equal(res.status, 422, JSON.stringify(res.body));
    assert.equal(res.body.errors[0]!.path, 'penalties.0.amountFen');
    assert.match(res.body.detail, /3,000\.00元/);
    assert.match(res.body.detail, /普通程序/);
    assert.equal(await count('SELECT count(*) AS n FROM cases'), before);
    assert.equal(await count('SELECT count(*) AS n FROM case_documents'), docs);
    assert.equal(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.summaryDecide'`), audit);
  });

  let decision: TSummaryResult;

  test('¥3,000 for an organisation: decided and served on the spot, numbered, with its step, audit and 备案 due', async () => {
    const res = await inspector.post<TSummaryResult>('/api/v1/cases/summary', orgBody(300_000));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    decision = res.body;
    assert.equal(decision.decisionNo, `南海市监简罚〔${year}〕1号`);
    assert.equal(decision.fineFen, 300_000);
    assert.ok(decision.paymentDueOn && decision.paymentDueOn > today);
    assert.ok(decision.filingDueOn > today);
    const [c] = await app.services.db.query<Record<string, unknown>>(
      `SELECT procedure, status, decision_no, fine_due_fen, summary_filing_due_on, served_on, station_id
         FROM cases WHERE id = $1`,
      [decision.caseId],
    );
    assert.deepEqual(c, {
      procedure: 'summary',
      status: 'served',
      decision_no: decision.decisionNo,
      fine_due_fen: 300_000,
      summary_filing_due_on: decision.filingDueOn,
      served_on: today,
      station_id: ids.s01,
    });
    const steps = await app.services.db.query<{ action: string; document_id: number }>(
      'SELECT action, document_id FROM case_steps WHERE case_id = $1',
      [decision.caseId],
    );
    assert.deepEqual(steps, [{ action: 'summaryDecide', document_id: decision.documentId }]);
    assert.equal(
      await count(
        `SELECT count(*) AS n FROM audit_log WHERE action = 'case.summaryDecide' AND target_id = '${decision.caseId}'`,
      ),
      1,
    );
    assert.equal(await count(`SELECT count(*) AS n FROM case_officers WHERE case_id = ${decision.caseId}`), 2);
  });

  test('the documents of a case are listed for its station, hidden from another', async () => {
    const list = await inspector.get<{ items: TCaseDocument[] }>(`/api/v1/cases/${decision.caseId}/documents`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((d) => [d.kind, d.docNo, d.title]),
      [['summaryDecision', decision.decisionNo, '当场行政处罚决定书']],
    );
    assert.equal((await otherStation.get(`/api/v1/cases/${decision.caseId}/documents`)).status, 404);
    assert.equal((await otherStation.get(`/api/v1/case-documents/${decision.documentId}/pdf`)).status, 404);
  });

  test('PDF: the CJK font embedded, the number in the metadata, a Chinese file name', async () => {
    const res = await fetch(`${app.baseUrl}${decision.pdfUrl}`, { headers: { cookie: inspector.cookie } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/pdf');
    assert.match(
      res.headers.get('content-disposition')!,
      new RegExp(
        `^inline; .*filename\\*=UTF-8''${encodeURIComponent(`当场行政处罚决定书（${decision.decisionNo}）.pdf`)}`,
      ),
    );
    const pdf = Buffer.from(await res.arrayBuffer());
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.match(pdf.toString('latin1'), /\/FontFile[23]?\b/);
    assert.match(pdf.toString('latin1'), /\/BaseFont \/[A-Z]{6}\+Noto/);
    assert.ok(pdf.includes(utf16be(decision.decisionNo)), 'decision number in the document');
    assert.match(pdf.toString('latin1'), /\/Subtype \/Image/, 'the QR code is drawn');
  });

  test('DOCX: a zip whose word/document.xml holds the number, with the QR code of the disclosure page', async () => {
    const res = await fetch(`${app.baseUrl}${decision.docxUrl}`, { headers: { cookie: inspector.cookie } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition')!, /^attachment; /);
    const docx = Buffer.from(await res.arrayBuffer());
    assert.equal(docx.subarray(0, 2).toString(), 'PK');
    const entries = zipEntries(docx);
    const xml = entries.get('word/document.xml')!.toString('utf8');
    assert.ok(xml.includes(decision.decisionNo), 'decision number in word/document.xml');
    assert.ok(xml.includes('六十日内'), 'the 复议 right');
    assert.ok(xml.includes('百分之三'), 'the 加处罚款');
    const media = [...entries].filter(([name]) => name.startsWith('word/media/'));
    assert.equal(media.length, 1);
    // The QR code is deterministic: the embedded PNG is exactly the code of the decision's public page.
    const expected = await qrPng(disclosureUrl(app.baseUrl, decision.decisionNo));
    assert.ok(media[0]![1].equals(expected), 'the QR code opens /portal/penalties?no=<decision number>');
  });

  test("a document is filled from the case snapshot under the caller's data and renders the same every time", async () => {
    const doc = await app.services.db.transaction((tx) =>
      issueDocument(tx, {
        kind: 'penaltyDecision',
        caseId: decision.caseId,
        unitId: ids.s01,
        issuedOn: today,
        data: { evidence: ['现场检查笔录', '询问笔录'], decisionKind: 'penalty' },
        createdBy: ids.inspector,
      }),
    );
    assert.equal(doc.docNo, `南海市监处罚〔${year}〕1号`);
    const get = async () => {
      const res = await fetch(`${app.baseUrl}/api/v1/case-documents/${doc.id}/docx`, {
        headers: { cookie: inspector.cookie },
      });
      const xml = zipEntries(Buffer.from(await res.arrayBuffer()))
        .get('word/document.xml')!
        .toString('utf8');
      // The docx package numbers drawings process-wide; the content is what must not change.
      return xml.replace(/docPr id="\d+"/g, 'docPr id=""');
    };
    const xml = await get();
    for (const text of [
      entity.name,
      '《中华人民共和国价格法》第十三条第一款',
      '《明码标价和禁止价格欺诈规定》第二十一条',
      '罚款人民币3,000.00元（大写：叁仟元整）',
      '现场检查笔录',
      '佛山市南海区人民政府',
      '佛山市南海区市场监督管理局',
    ]) {
      assert.ok(xml.includes(text), `decision holds ${text}`);
    }
    // The case changes afterwards; the issued document does not.
    await app.services.db.query(`UPDATE cases SET party_name = '改名后的公司' WHERE id = $1`, [decision.caseId]);
    assert.equal(await get(), xml);
  });

  test('a person: ¥200 is decided, ¥201 is refused; a warning alone is decided without payment', async () => {
    const over = await inspector.post<Problem>(
      '/api/v1/cases/summary',
      personBody([{ kind: 'fine', amountFen: 20_100 }]),
    );
    assert.equal(over.status, 422, JSON.stringify(over.body));
    assert.equal(over.body.errors[0]!.path, 'penalties.0.amountFen');
    assert.match(over.body.detail, /200\.00元/);

    const ok = await inspector.post<TSummaryResult>(
      '/api/v1/cases/summary',
      personBody([{ kind: 'fine', amountFen: 20_000 }]),
    );
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal(ok.body.decisionNo, `南海市监简罚〔${year}〕2号`, 'the refused one took no number');
    const [row] = await app.services.db.query<{ party_id_no_enc: string; data: { party: { idNoMasked: string } } }>(
      `SELECT c.party_id_no_enc, d.data FROM cases c JOIN case_documents d ON d.case_id = c.id WHERE c.id = $1`,
      [ok.body.caseId],
    );
    assert.match(row!.party_id_no_enc, /^v1:/, 'the ID number is stored encrypted');
    assert.match(row!.data.party.idNoMasked, /^440\*{11}/, 'the document holds it masked');

    const warning = await inspector.post<TSummaryResult>(
      '/api/v1/cases/summary',
      personBody([{ kind: 'warning', amountFen: 0 }]),
    );
    assert.equal(warning.status, 201, JSON.stringify(warning.body));
    assert.equal(warning.body.paymentDueOn, null);
    assert.equal(warning.body.fineFen, 0);
  });

  test("a lead's 不予立案审批表: filled from the lead, readable as the lead is", async () => {
    const db = app.services.db;
    const [lead] = await db.query<{ id: number }>(
      `INSERT INTO case_leads (source_type, source_ref, entity_id, station_id, summary, received_on)
       VALUES ('staff', 'TEST-DOC-LEAD', $1, $2, '日常巡查发现未明码标价', $3) RETURNING id`,
      [entity.id, ids.s01, today],
    );
    const doc = await db.transaction((tx) =>
      issueDocument(tx, {
        kind: 'notFilingApproval',
        leadId: lead!.id,
        unitId: ids.s01,
        issuedOn: today,
        data: { ground: '违法行为轻微并及时改正，没有造成危害后果（行政处罚法第三十三条第一款）' },
        createdBy: ids.inspector,
      }),
    );
    assert.equal(doc.docNo, `南海市监不立〔${year}〕1号`);
    const list = await inspector.get<{ items: TCaseDocument[] }>(`/api/v1/case-leads/${lead!.id}/documents`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((d) => d.title),
      ['不予立案审批表'],
    );
    assert.equal((await otherStation.get(`/api/v1/case-leads/${lead!.id}/documents`)).status, 404);
    assert.equal((await otherStation.get(`/api/v1/case-documents/${doc.id}/docx`)).status, 404);
    const docx = await fetch(`${app.baseUrl}/api/v1/case-documents/${doc.id}/docx`, {
      headers: { cookie: inspector.cookie },
    });
    const xml = zipEntries(Buffer.from(await docx.arrayBuffer()))
      .get('word/document.xml')!
      .toString('utf8');
    assert.ok(xml.includes(entity.name), "the party from the lead's entity");
    assert.ok(xml.includes('日常巡查发现未明码标价'), "the lead's summary");
    assert.ok(xml.includes('违法行为轻微并及时改正'), 'the ground given by the caller');
  });

  test('officers: an expired credential, none, or a penalty kind other than warning/fine is refused', async () => {
    const expired = await inspector.post<Problem>('/api/v1/cases/summary', {
      ...orgBody(10_000),
      officerIds: [ids.expired],
    });
    assert.equal(expired.status, 422);
    assert.equal(expired.body.errors[0]!.path, 'officerIds.0');
    assert.match(expired.body.detail, /执法证已过期/);
    const none = await inspector.post<Problem>('/api/v1/cases/summary', { ...orgBody(10_000), officerIds: [] });
    assert.equal(none.status, 422);
    const revoke = await inspector.post<Problem>('/api/v1/cases/summary', {
      ...orgBody(10_000),
      penalties: [{ kind: 'revoke_licence', amountFen: 0 }],
    });
    assert.equal(revoke.status, 422);
    assert.equal(revoke.body.errors[0]!.path, 'penalties.0.kind');
  });

  test("the abbreviation set in the case settings numbers the bureau's next documents", async () => {
    const admin = await loginAs(app, 'admin');
    const view = await admin.get<{ settings: Record<string, unknown>; version: number }>('/api/v1/case-settings');
    assert.equal(view.status, 200);
    const [bureau] = await app.services.db.query<{ code: string }>(
      `SELECT b.code FROM org_units b JOIN org_units s ON s.path LIKE b.path || '%' WHERE s.id = $1 AND b.kind = 'bureau'`,
      [ids.s01],
    );
    const put = await admin.put('/api/v1/case-settings', {
      settings: { ...view.body.settings, documentAuthorityAbbr: { [bureau!.code]: '南海区局' } },
      version: view.body.version,
    });
    assert.equal(put.status, 200, JSON.stringify(put.body));
    const doc = await app.services.db.transaction((tx) =>
      issueDocument(tx, { kind: 'hearingNotice', unitId: ids.s01, issuedOn: '2031-07-01', data: {}, createdBy: null }),
    );
    assert.equal(doc.docNo, '南海区局听告〔2031〕22号');
  });
});
