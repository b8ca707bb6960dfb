import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TEvidence, TExecution, TMeasure } from '../../contracts/case-execution.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const png = (fill: number) => Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(256, fill)]);

describe('cases: evidence, compulsory measures, execution', () => {
  let app: TestApp;
  let officer: ApiClient;
  let chief: ApiClient;
  let leader: ApiClient;
  let outsider: ApiClient;
  const today = shanghaiToday();

  const newCase = (status: Parameters<typeof insertCase>[1] extends infer S ? S : never) =>
    insertCase(app.services.db, { officers: ['s01.inspector', 's02.inspector'], ...status });

  const upload = async (as: ApiClient, caseId: number, data: Buffer, name = '现场照片.png') => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(data)]), name);
    const res = await fetch(`${app.baseUrl}/api/v1/cases/${caseId}/evidence/files`, {
      method: 'POST',
      body: form,
      headers: { cookie: as.cookie, 'x-csrf-token': as.csrfToken },
    });
    return { status: res.status, body: (await res.json()) as { id: number; sha256: string; code?: string } };
  };

  before(async () => {
    app = await startTestApp();
    officer = await loginAs(app, 's01.inspector');
    chief = await loginAs(app, 's01.chief');
    leader = await loginAs(app, 'leader');
    outsider = await loginAs(app, 's03.inspector');
  });
  after(() => app.close());

  describe('evidence', () => {
    it('records a photo with the SHA-256 of the stored file, served through the case', async () => {
      const caseId = await newCase({ status: 'investigating' });
      const data = png(1);
      const up = await upload(officer, caseId, data);
      assert.equal(up.status, 201);
      const sha = createHash('sha256').update(data).digest('hex');
      assert.equal(up.body.sha256, sha);
      const res = await officer.post<TEvidence>(`/api/v1/cases/${caseId}/evidence`, {
        kind: 'photo',
        title: '仓库现场照片',
        collectedOn: today,
        fileId: up.body.id,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.sha256, sha);
      assert.equal(res.body.file?.sha256, sha);
      assert.equal(res.body.kindLabel, '照片');

      const list = await officer.get<{ items: TEvidence[]; canRecord: boolean }>(`/api/v1/cases/${caseId}/evidence`);
      assert.deepEqual([list.body.items.length, list.body.canRecord], [1, true]);
      const file = await fetch(`${app.baseUrl}/api/v1/cases/${caseId}/evidence/${res.body.id}/file`, {
        headers: { cookie: officer.cookie },
      });
      assert.equal(file.status, 200);
      assert.equal(file.headers.get('x-content-sha256'), sha);
      assert.deepEqual(Buffer.from(await file.arrayBuffer()), data);
      // An officer of another station reads it through the case; the generic download does not serve it.
      const coOfficer = await loginAs(app, 's02.inspector');
      assert.equal((await coOfficer.get(`/api/v1/cases/${caseId}/evidence/${res.body.id}/file`)).status, 200);
      assert.equal((await officer.get(`/api/v1/files/${up.body.id}`)).status, 404);
      assert.equal((await outsider.get(`/api/v1/cases/${caseId}/evidence`)).status, 404);
      assert.equal((await outsider.get(`/api/v1/cases/${caseId}/evidence/${res.body.id}/file`)).status, 404);

      const [step] = await app.services.db.query<{ action: string; to_status: string; sha: string }>(
        `SELECT action, to_status, data->>'sha256' AS sha FROM case_steps WHERE case_id = $1`,
        [caseId],
      );
      assert.deepEqual(step, { action: 'recordEvidence', to_status: 'investigating', sha });
      const [audit] = await app.services.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.recordEvidence' AND target_id = $1`,
        [String(caseId)],
      );
      assert.equal(audit!.n, 1);
    });

    it('links a file once, and only to the case it was uploaded for', async () => {
      const a = await newCase({ status: 'investigating' });
      const b = await newCase({ status: 'investigating' });
      const up = await upload(officer, a, png(2));
      const body = { kind: 'file', title: '营业执照复印件', collectedOn: today, fileId: up.body.id };
      const other = await officer.post<{ errors: { path: string }[] }>(`/api/v1/cases/${b}/evidence`, body);
      assert.equal(other.status, 422);
      assert.equal(other.body.errors[0]?.path, 'fileId');
      assert.equal((await officer.post(`/api/v1/cases/${a}/evidence`, body)).status, 201);
      assert.equal((await officer.post(`/api/v1/cases/${a}/evidence`, body)).status, 422, 'already recorded');
      // A phone's HEIC photo is a picture (not the MP4 its container resembles); a PDF is no photo.
      const heic = Buffer.concat([Buffer.from('0000001866747970686569630000000068656963', 'hex'), Buffer.alloc(64, 1)]);
      const h = await upload(officer, a, heic, 'IMG_0001.HEIC');
      assert.equal(h.status, 201);
      const hp = await officer.post<TEvidence>(`/api/v1/cases/${a}/evidence`, {
        kind: 'photo',
        title: '手机拍摄的现场照片',
        collectedOn: today,
        fileId: h.body.id,
      });
      assert.deepEqual([hp.status, hp.body.file?.mimeType], [201, 'image/heic']);
      const pdf = await upload(officer, a, Buffer.from('%PDF-1.7 检验报告'), '报告.pdf');
      const notPhoto = await officer.post(`/api/v1/cases/${a}/evidence`, {
        kind: 'photo',
        title: '不是照片',
        collectedOn: today,
        fileId: pdf.body.id,
      });
      assert.equal(notPhoto.status, 422);
      const photo = await officer.post(`/api/v1/cases/${a}/evidence`, {
        kind: 'photo',
        title: '无照片',
        collectedOn: today,
      });
      assert.equal(photo.status, 422);
      const inquiry = await officer.post<TEvidence>(`/api/v1/cases/${a}/evidence`, {
        kind: 'inquiry',
        title: '对当事人的询问笔录',
        collectedOn: today,
      });
      assert.deepEqual([inquiry.status, inquiry.body.sha256], [201, null]);
      const future = await officer.post(`/api/v1/cases/${a}/evidence`, {
        kind: 'inquiry',
        title: '询问笔录',
        collectedOn: addDays(today, 1),
      });
      assert.equal(future.status, 422);
    });

    it('deletes uploads no evidence item took within the hours (job cases.evidence-uploads-cleanup)', async () => {
      const caseId = await newCase({ status: 'investigating' });
      const kept = await upload(officer, caseId, png(7));
      await officer.post(`/api/v1/cases/${caseId}/evidence`, {
        kind: 'file',
        title: '送检报告',
        collectedOn: today,
        fileId: kept.body.id,
      });
      const stale = await upload(officer, caseId, png(8));
      const { db } = app.services;
      await db.query(`UPDATE case_evidence_uploads SET uploaded_at = now() - interval '2 days' WHERE case_id = $1`, [
        caseId,
      ]);
      assert.deepEqual(await app.services.caseExec.evidence.deleteStaleUploads(24), { removed: 1 });
      const left = await db.query<{ id: number }>(
        'SELECT id FROM stored_files WHERE id = ANY($1::bigint[]) ORDER BY id',
        [[kept.body.id, stale.body.id]],
      );
      assert.deepEqual(
        left.map((r) => Number(r.id)),
        [kept.body.id],
      );
    });

    it('is refused after the decision (409), and before 立案', async () => {
      for (const status of ['decided', 'served', 'closed', 'draft'] as const) {
        const caseId = await newCase({ status });
        const res = await officer.post<{ code: string }>(`/api/v1/cases/${caseId}/evidence`, {
          kind: 'inquiry',
          title: '询问笔录',
          collectedOn: today,
        });
        assert.equal(res.status, 409, status);
        assert.equal(res.body.code, 'INVALID_STATE');
        assert.equal((await upload(officer, caseId, png(3))).status, 409);
      }
      const [n] = await app.services.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM case_evidence_uploads u JOIN cases c ON c.id = u.case_id WHERE c.status <> 'investigating'`,
      );
      assert.equal(n!.n, 0, 'nothing stored for a refused upload');
    });
  });

  describe('compulsory measures', () => {
    it('先行登记保存 over National Day 2026 is due on 10-14 and flagged overdue while in force', async () => {
      const caseId = await newCase({ status: 'investigating' });
      const res = await officer.post<TMeasure>(`/api/v1/cases/${caseId}/measures`, {
        kind: 'preservation',
        items: '涉嫌假冒注册商标的白酒 120 瓶',
        startedOn: '2026-09-29',
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      assert.equal(res.body.dueOn, '2026-10-14');
      assert.equal(res.body.overdue, today > '2026-10-14');
      assert.equal(res.body.canExtend, false);
      const ext = await officer.post<{ errors: { path: string }[] }>(`/api/v1/case-measures/${res.body.id}/extend`, {
        reason: '情况复杂',
      });
      assert.deepEqual([ext.status, ext.body.errors[0]?.path], [422, 'kind']);
      const inForce = await officer.get<{ items: TMeasure[] }>('/api/v1/case-measures?overdue=true');
      assert.equal(
        inForce.body.items.some((m) => m.id === res.body.id && m.overdue),
        today > '2026-10-14',
        'in force past its due day: listed as overdue',
      );
      const rel = await officer.post<TMeasure>(`/api/v1/case-measures/${res.body.id}/release`, {
        endedOn: '2026-10-13',
        outcome: '作出查封扣押决定',
      });
      assert.deepEqual([rel.status, rel.body.status, rel.body.overdue], [200, 'ended', false]);
      const overdue = await chief.get<{ items: { id: number; caseId: number }[] }>(
        '/api/v1/case-measures?overdue=true',
      );
      assert.equal(overdue.status, 200);
      assert.equal(
        overdue.body.items.some((m) => m.id === res.body.id),
        false,
        'released: no longer in force',
      );
      const again = await officer.post(`/api/v1/case-measures/${res.body.id}/release`, {
        endedOn: '2026-10-13',
        outcome: '再次解除',
      });
      assert.equal(again.status, 409);
      const steps = await app.services.db.query<{ action: string }>(
        'SELECT action FROM case_steps WHERE case_id = $1 ORDER BY id',
        [caseId],
      );
      assert.deepEqual(
        steps.map((s) => s.action),
        ['takeMeasure', 'releaseMeasure'],
      );
    });

    it('查封扣押: 30 days, extended once by 30 with a reason; a second extension is refused (422)', async () => {
      const caseId = await newCase({ status: 'investigating' });
      const start = addDays(today, -3);
      const res = await officer.post<TMeasure>(`/api/v1/cases/${caseId}/measures`, {
        kind: 'seizure',
        items: '无证生产的电热水壶 40 台',
        startedOn: start,
      });
      assert.equal(res.body.dueOn, addDays(start, 30));
      const noReason = await officer.post(`/api/v1/case-measures/${res.body.id}/extend`, {});
      assert.equal(noReason.status, 422);
      const ext = await officer.post<TMeasure>(`/api/v1/case-measures/${res.body.id}/extend`, {
        reason: '需送检验，情况复杂',
      });
      assert.equal(ext.status, 200);
      assert.deepEqual(
        [ext.body.dueOn, ext.body.firstDueOn, ext.body.extended, ext.body.extensionReason],
        [addDays(start, 60), addDays(start, 30), true, '需送检验，情况复杂'],
      );
      const open = await chief.get<{ items: { id: number; caseNo: string | null }[] }>(
        '/api/v1/case-measures?kind=seizure',
      );
      assert.ok(open.body.items.some((m) => m.id === res.body.id));
      assert.equal(
        (await outsider.get<{ items: { id: number }[] }>('/api/v1/case-measures')).body.items.some(
          (m) => m.id === res.body.id,
        ),
        false,
        'another station’s measures are not listed',
      );
      const second = await officer.post<{ detail: string }>(`/api/v1/case-measures/${res.body.id}/extend`, {
        reason: '再延长',
      });
      assert.equal(second.status, 422);
      assert.match(second.body.detail, /只能延长一次/);
      const list = await outsider.get(`/api/v1/cases/${caseId}/measures`);
      assert.equal(list.status, 404);
      assert.equal(
        (await outsider.post(`/api/v1/case-measures/${res.body.id}/extend`, { reason: '越权' })).status,
        404,
      );
    });

    it('is taken only while the case is investigated', async () => {
      const caseId = await newCase({ status: 'notified' });
      const res = await officer.post(`/api/v1/cases/${caseId}/measures`, {
        kind: 'seizure',
        items: '物品',
        startedOn: today,
      });
      assert.equal(res.status, 409);
      const list = await officer.get<{ canTake: boolean; canChange: boolean }>(`/api/v1/cases/${caseId}/measures`);
      assert.deepEqual([list.body.canTake, list.body.canChange], [false, true], 'only measures in force change now');
    });

    it('tells the page who may take and change measures', async () => {
      const caseId = await newCase({ status: 'investigating' });
      const own = await officer.get<{ canTake: boolean; canChange: boolean }>(`/api/v1/cases/${caseId}/measures`);
      assert.deepEqual([own.body.canTake, own.body.canChange], [true, true]);
      const late = await officer.post<TMeasure>(`/api/v1/cases/${caseId}/measures`, {
        kind: 'seizure',
        items: '过期查封的货物',
        startedOn: addDays(today, -35),
      });
      assert.deepEqual([late.body.overdue, late.body.canExtend], [true, false], 'past due: release only');
    });
  });

  describe('execution', () => {
    const fine = 1_000_00;
    const servedCase = (servedOn: string, extra: Record<string, unknown> = {}) =>
      newCase({
        status: 'served',
        extra: { decision_kind: 'penalty', decided_on: servedOn, served_on: servedOn, fine_due_fen: fine, ...extra },
      });
    const execution = async (id: number) => (await officer.get<TExecution>(`/api/v1/cases/${id}/execution`)).body;
    /** Asks for an approvable action and has every role of its chain approve it; returns the case afterwards. */
    const approveAll = async (id: number, action: string, version: number, fields: Record<string, unknown> = {}) => {
      const asked = await officer.post(`/api/v1/cases/${id}/transitions`, { action, version, ...fields });
      assert.equal(asked.status, 200, JSON.stringify(asked.body));
      for (const approver of [chief, leader]) {
        const inbox = await approver.get<{ items: { id: number; caseId: number; action: string }[] }>(
          '/api/v1/case-approvals?mine=pending',
        );
        const item = inbox.body.items.find((i) => i.caseId === id && i.action === action);
        if (!item) continue;
        const d = await approver.post(`/api/v1/case-approvals/${item.id}/decision`, {
          outcome: 'approved',
          comment: '同意',
        });
        assert.equal(d.status, 200, JSON.stringify(d.body));
      }
      const [row] = await app.services.db.query<{ status: string }>('SELECT status FROM cases WHERE id = $1', [id]);
      return row!;
    };
    const pay = (id: number, body: Record<string, unknown>) =>
      officer.post<TExecution & { errors: { path: string }[] }>(`/api/v1/cases/${id}/payments`, body);

    it('¥1,000 paid 10 days late bears ¥300 of 加处罚款; the case closes once that is paid', async () => {
      const id = await servedCase(addDays(today, -90));
      const e = await execution(id);
      assert.ok(e.dueOn! >= addDays(today, -75), 'due 15 days after service (a holiday moves it later)');
      assert.equal(e.paymentOverdue, true);
      assert.equal(e.lateFeeFen, fine, 'unpaid for months: capped at the fine');
      const paid = await pay(id, { kind: 'fine', amountFen: fine, paidOn: addDays(e.dueOn!, 10), version: e.version });
      assert.equal(paid.status, 200, JSON.stringify(paid.body));
      assert.deepEqual([paid.body.lateFeeFen, paid.body.paidFineFen, paid.body.closable.ok], [300_00, fine, false]);
      assert.match(paid.body.closable.reason, /加处罚款 300.00 元/);
      const early = await officer.post<{ detail: string }>(`/api/v1/cases/${id}/transitions`, {
        action: 'close',
        version: paid.body.version,
      });
      assert.equal(early.status, 422, 'the close guard: the late fee is unpaid');
      assert.match(early.body.detail, /加处罚款 300.00 元/);
      const stale = await pay(id, { kind: 'late_fee', amountFen: 300_00, paidOn: today, version: e.version });
      assert.equal(stale.status, 409, 'stale version');
      const over = await pay(id, { kind: 'late_fee', amountFen: 300_01, paidOn: today, version: paid.body.version });
      assert.deepEqual([over.status, over.body.errors[0]?.path], [422, 'amountFen']);
      const fee = await pay(id, {
        kind: 'late_fee',
        amountFen: 300_00,
        paidOn: today,
        receiptNo: 'FS2026-0001',
        version: paid.body.version,
      });
      assert.equal(fee.status, 200);
      assert.deepEqual([fee.body.settled, fee.body.closable.ok, fee.body.paidFen], [true, true, 1_300_00]);
      // 结案 through the case workflow: asked by the officer, approved by the station chief.
      const closed = await approveAll(id, 'close', fee.body.version);
      assert.equal(closed.status, 'closed');
      const [row] = await app.services.db.query<{ paid: number; due: string }>(
        'SELECT paid_fen AS paid, payment_due_on AS due FROM cases WHERE id = $1',
        [id],
      );
      assert.deepEqual(row, { paid: 1_300_00, due: e.dueOn });
      const steps = await app.services.db.query<{ action: string; to_status: string }>(
        `SELECT action, to_status FROM case_steps WHERE case_id = $1 ORDER BY id`,
        [id],
      );
      assert.deepEqual(
        steps.map((s) => `${s.action}:${s.to_status}`),
        ['recordPayment:served', 'recordPayment:served', 'close:closed'],
      );
    });

    it('paid 40 days late: the late fee is capped at the fine', async () => {
      const id = await servedCase(addDays(today, -120));
      const e = await execution(id);
      const paid = await pay(id, { kind: 'fine', amountFen: fine, paidOn: addDays(e.dueOn!, 40), version: e.version });
      assert.equal(paid.body.lateFeeFen, fine);
    });

    it('申请强制执行 is refused before the payment is due (422), allowed once overdue; the case may then close', async () => {
      const fresh = await servedCase(addDays(today, -2));
      const e = await execution(fresh);
      assert.equal(e.paymentOverdue, false);
      const early = await officer.post<{ errors: { path: string }[]; detail: string }>(
        `/api/v1/cases/${fresh}/enforcement`,
        { note: '逾期未缴', version: e.version },
      );
      assert.equal(early.status, 422);
      assert.match(early.body.detail, /尚未届满/);

      const late = await servedCase(addDays(today, -60));
      const l = await execution(late);
      const res = await officer.post<TExecution>(`/api/v1/cases/${late}/enforcement`, {
        note: '经催告仍未履行，申请人民法院强制执行',
        court: '南海区人民法院',
        version: l.version,
      });
      assert.equal(res.status, 200, JSON.stringify(res.body));
      assert.deepEqual(
        [res.body.status, res.body.enforcement?.court, res.body.closable.ok],
        ['enforcement', '南海区人民法院', true],
      );
      const again = await officer.post(`/api/v1/cases/${late}/enforcement`, {
        note: '再次申请',
        version: res.body.version,
      });
      assert.equal(again.status, 409, 'already in enforcement');
      // Payments still come in during enforcement.
      const p = await pay(late, { kind: 'fine', amountFen: 500_00, paidOn: today, version: res.body.version });
      assert.equal(p.status, 200);
    });

    it('a payment before service is refused (409); no_penalty closes without money', async () => {
      const decided = await newCase({ status: 'decided', extra: { decision_kind: 'penalty', fine_due_fen: fine } });
      const res = await pay(decided, { kind: 'fine', amountFen: fine, paidOn: today, version: 1 });
      assert.equal(res.status, 409);
      const none = await newCase({ status: 'decided', extra: { decision_kind: 'no_penalty' } });
      assert.equal((await execution(none)).closable.ok, true);
    });

    it('分期缴纳 approved by the chain moves the due days; a missed instalment bears the fee', async () => {
      const id = await servedCase(addDays(today, -3));
      const e = await execution(id);
      const plan = [
        { dueOn: addDays(today, 30), amountFen: 400_00 },
        { dueOn: addDays(today, 60), amountFen: 600_00 },
      ];
      const bad = await officer.post<{ detail: string }>(`/api/v1/cases/${id}/instalments`, {
        instalments: plan.slice(0, 1),
        reason: '经营困难',
        version: e.version,
      });
      assert.equal(bad.status, 422);
      const req = await officer.post<TExecution>(`/api/v1/cases/${id}/instalments`, {
        instalments: plan,
        reason: '当事人经营困难，申请分两期缴纳',
        version: e.version,
      });
      assert.equal(req.status, 200, JSON.stringify(req.body));
      assert.equal(req.body.instalmentPending, true);
      const twice = await officer.post(`/api/v1/cases/${id}/instalments`, {
        instalments: plan,
        reason: '重复申请',
        version: e.version,
      });
      assert.equal(twice.status, 409);
      for (const approver of [chief, leader]) {
        const inbox = await approver.get<{ items: { id: number; caseId: number; action: string }[] }>(
          '/api/v1/case-approvals?mine=pending',
        );
        const item = inbox.body.items.find((i) => i.caseId === id && i.action === 'approveInstalment');
        assert.ok(item, 'in the approver’s inbox');
        const d = await approver.post(`/api/v1/case-approvals/${item.id}/decision`, {
          outcome: 'approved',
          comment: '同意',
        });
        assert.equal(d.status, 200, JSON.stringify(d.body));
      }
      const after = await execution(id);
      assert.deepEqual(
        after.instalments.map((i) => [i.dueOn, i.amountFen]),
        plan.map((i) => [i.dueOn, i.amountFen]),
      );
      assert.deepEqual([after.dueOn, after.instalmentPending, after.paymentOverdue], [plan[0]!.dueOn, false, false]);
      const [row] = await app.services.db.query<{ due: string }>(
        'SELECT payment_due_on AS due FROM cases WHERE id = $1',
        [id],
      );
      assert.equal(row!.due, plan[1]!.dueOn);
      const enf = await officer.post(`/api/v1/cases/${id}/enforcement`, { note: '逾期', version: after.version });
      assert.equal(enf.status, 422, 'not overdue under the plan');
    });
  });
});
