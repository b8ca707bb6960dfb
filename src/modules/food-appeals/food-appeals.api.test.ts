import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeGradedBusiness } from '../../../tests/helpers/food-appeal-factories.ts';
import {
  type ApiClient,
  ApiClient as Client,
  loginAs,
  startTestApp,
  type TestApp,
} from '../../../tests/helpers/test-app.ts';
import type {
  TAccessCodeIssued,
  TAppeal,
  TGradeNotes,
  TPortalBusiness,
  TReply,
  TRevisit,
} from '../../contracts/food-appeals.ts';
import type { TInbox } from '../../contracts/inbox.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';

const today = shanghaiToday();
const shift = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
type Problem = { status: number; code: string; detail: string; errors: { path: string; message: string }[] };
type Page<T> = { items: T[]; nextCursor: string | null };

describe('food appeals, replies and re-rating requests (issue 13 point 6)', () => {
  let app: TestApp;
  let chief: ApiClient;
  let inspector: ApiClient;
  let otherChief: ApiClient;
  let hotline: ApiClient;
  let publicClient: ApiClient;
  let fresh: Awaited<ReturnType<typeof makeGradedBusiness>>;
  let old: Awaited<ReturnType<typeof makeGradedBusiness>>;
  let code = '';
  let appeal: TAppeal;

  const count = async (table: string) =>
    Number((await app.testDb.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n);
  const snapshot = async () =>
    Promise.all(
      ['food_grade_appeals', 'food_grade_replies', 'food_revisit_requests', 'food_grades', 'food_inspections'].map(
        count,
      ),
    );

  before(async () => {
    app = await startTestApp({ env: { FOOD_ACCESS_RATE_LIMIT_PER_MINUTE: '40' } });
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    otherChief = await loginAs(app, 's02.chief');
    hotline = await loginAs(app, 'hotline');
    publicClient = new Client(app.baseUrl);
    const q = app.testDb.db;
    fresh = await makeGradedBusiness(q, { station: 's01', gradedOn: shift(-3), inspectors: ['s01.inspector'] });
    old = await makeGradedBusiness(q, { station: 's01', gradedOn: shift(-40), inspectors: ['s01.inspector'] });
  });
  after(() => app.close());

  test('staff issue an access code; the business opens its page with it; a wrong code says nothing more', async () => {
    assert.equal((await hotline.post(`/api/v1/food/businesses/${fresh.businessId}/access-code`)).status, 403);
    assert.equal((await otherChief.post(`/api/v1/food/businesses/${fresh.businessId}/access-code`)).status, 404);
    const first = await chief.post<TAccessCodeIssued>(`/api/v1/food/businesses/${fresh.businessId}/access-code`);
    assert.equal(first.status, 200, JSON.stringify(first.body));
    const issued = await chief.post<TAccessCodeIssued>(`/api/v1/food/businesses/${fresh.businessId}/access-code`);
    code = issued.body.code;
    assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = await app.testDb.db.query<{ h: string }>('SELECT code_hash AS h FROM food_access_codes');
    assert.ok(
      stored.every((r) => !r.h.includes(code.replaceAll('-', ''))),
      'only a hash is stored',
    );

    const stale = await publicClient.post<Problem>('/api/v1/public/food/access', { accessCode: first.body.code });
    assert.equal(stale.status, 422, 're-issuing retires the old code');
    const typed = code.toLowerCase().replaceAll('-', ' ');
    const page = await publicClient.post<TPortalBusiness>('/api/v1/public/food/access', { accessCode: typed });
    assert.equal(page.status, 200, JSON.stringify(page.body));
    assert.equal(page.body.businessId, fresh.businessId);
    assert.equal(page.body.grades[0]!.id, fresh.gradeId);
    assert.ok(page.body.grades[0]!.appealUntil >= shift(11));

    const last = code.at(-1) === '0' ? '1' : '0';
    for (const wrong of [`${code.slice(0, -1)}${last}`, 'hello', '']) {
      const before = await snapshot();
      const res = await publicClient.post<Problem>('/api/v1/public/food/appeals', {
        accessCode: wrong,
        gradeId: fresh.gradeId,
        grounds: '检查当天后厨正在整改，评分偏低',
      });
      assert.equal(res.status, 422, wrong);
      assert.equal(res.body.errors[0]!.path, 'accessCode');
      assert.match(res.body.detail, /访问码/);
      assert.deepEqual(await snapshot(), before);
    }
  });

  test('an appeal after the period is refused naming the field; one within it is received with its clock', async () => {
    const oldCode = (await chief.post<TAccessCodeIssued>(`/api/v1/food/businesses/${old.businessId}/access-code`)).body
      .code;
    const before = await snapshot();
    const late = await publicClient.post<Problem>('/api/v1/public/food/appeals', {
      accessCode: oldCode,
      gradeId: old.gradeId,
      grounds: '对评定结果有异议，请求复核',
    });
    assert.equal(late.status, 422, JSON.stringify(late.body));
    assert.equal(late.body.errors[0]!.path, 'gradeId');
    assert.match(late.body.detail, /申诉期限/);
    const notOurs = await publicClient.post<Problem>('/api/v1/public/food/appeals', {
      accessCode: code,
      gradeId: old.gradeId,
      grounds: '对评定结果有异议，请求复核',
    });
    assert.equal(notOurs.status, 422);
    assert.equal(notOurs.body.errors[0]!.path, 'gradeId');
    const latePaper = await chief.post<Problem>('/api/v1/food/appeals', {
      gradeId: old.gradeId,
      grounds: '书面申诉：评分偏低',
      receivedOn: today,
    });
    assert.equal(latePaper.status, 422);
    assert.equal(latePaper.body.errors[0]!.path, 'receivedOn');
    assert.deepEqual(await snapshot(), before);

    const res = await publicClient.post<TAppeal>('/api/v1/public/food/appeals', {
      accessCode: code,
      gradeId: fresh.gradeId,
      grounds: '检查当天冷库温度计故障，已更换，评分偏低',
      contactName: '王老板',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    appeal = res.body;
    assert.equal(appeal.status, 'pending');
    assert.equal(appeal.channel, 'portal');
    assert.ok(appeal.dueOn >= shift(12), appeal.dueOn);
    const again = await publicClient.post<Problem>('/api/v1/public/food/appeals', {
      accessCode: code,
      gradeId: fresh.gradeId,
      grounds: '再次申诉同一等级',
    });
    assert.equal(again.status, 409);
    assert.equal(again.body.errors[0]!.path, 'gradeId');

    // A paper appeal received in time may be recorded later.
    const paper = await chief.post<TAppeal>('/api/v1/food/appeals', {
      gradeId: old.gradeId,
      grounds: '书面申诉：当日检查项目判定有误',
      receivedOn: shift(-35),
    });
    assert.equal(paper.status, 200, JSON.stringify(paper.body));
    assert.equal(paper.body.channel, 'paper');

    await app.testDb.db.query('UPDATE food_grade_appeals SET due_on = $2 WHERE id = $1', [appeal.id, today]);
    const inbox = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.ok(
      inbox.groups.dueToday.some(
        (i) => i.module === 'food-appeals' && i.kind === 'appealDecision' && i.id === appeal.id,
      ),
      JSON.stringify(inbox.groups.dueToday),
    );
    assert.equal((await otherChief.get(`/api/v1/food/appeals/${appeal.id}`)).status, 404);
    assert.equal((await otherChief.get<Page<TAppeal>>('/api/v1/food/appeals')).body.items.length, 0);
    assert.equal((await hotline.get('/api/v1/food/appeals')).status, 403);
  });

  test('the grade’s own inspector may not decide; someone else changes the grade and the outcome is public', async () => {
    const before = await snapshot();
    const own = await inspector.post<Problem>(`/api/v1/food/appeals/${appeal.id}/decision`, {
      outcome: 'uphold',
      reason: '检查记录完整，维持原等级',
      version: appeal.version,
    });
    assert.equal(own.status, 403, JSON.stringify(own.body));
    assert.equal(own.body.errors[0]!.path, 'decidedBy');
    const noGrade = await chief.post<Problem>(`/api/v1/food/appeals/${appeal.id}/decision`, {
      outcome: 'change',
      reason: '温度计故障属实，予以变更',
      version: appeal.version,
    });
    assert.equal(noGrade.status, 422);
    assert.equal(noGrade.body.errors[0]!.path, 'grade');
    const wrongKind = await chief.post<Problem>(`/api/v1/food/appeals/${appeal.id}/decision`, {
      outcome: 'change',
      reason: '温度计故障属实，予以变更',
      grade: 'A',
      version: appeal.version,
    });
    assert.equal(wrongKind.status, 422);
    assert.deepEqual(await snapshot(), before);

    const res = await chief.post<TAppeal>(`/api/v1/food/appeals/${appeal.id}/decision`, {
      outcome: 'change',
      reason: '温度计故障属实且已更换，予以变更为良好',
      grade: 'good',
      version: appeal.version,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'changed');
    assert.equal(res.body.newGrade, 'good');
    const rows = await app.testDb.db.query<{ id: number; status: string; grade: string; supersededBy: number | null }>(
      `SELECT id, status, grade, superseded_by AS "supersededBy" FROM food_grades WHERE business_id = $1 ORDER BY id`,
      [fresh.businessId],
    );
    assert.equal(rows.length, 2);
    assert.equal(rows[0]!.status, 'superseded');
    assert.equal(Number(rows[0]!.supersededBy), Number(rows[1]!.id));
    assert.deepEqual([rows[1]!.status, rows[1]!.grade], ['current', 'good']);
    const audit = await app.testDb.db.query(`SELECT 1 FROM audit_log WHERE action = 'food.appeal.change'`);
    assert.equal(audit.length, 1);
    const events = await app.testDb.db.query(
      `SELECT action FROM food_appeal_events WHERE subject = 'appeal' AND subject_id = $1 ORDER BY id`,
      [appeal.id],
    );
    assert.deepEqual(
      events.map((e) => (e as { action: string }).action),
      ['submit', 'change'],
    );
    const again = await chief.post<Problem>(`/api/v1/food/appeals/${appeal.id}/decision`, {
      outcome: 'uphold',
      reason: '重复决定应被拒绝',
      version: res.body.version,
    });
    assert.equal(again.status, 409);

    const notes = await publicClient.get<TGradeNotes>(`/api/v1/public/food/businesses/${fresh.businessId}/grade-notes`);
    assert.equal(notes.status, 200);
    assert.deepEqual(
      notes.body.appeals.map((a) => [a.gradeId, a.status, a.newGrade]),
      [[fresh.gradeId, 'changed', 'good']],
    );
    assert.ok(!JSON.stringify(notes.body).includes('王老板'), 'no contact or grounds in public');
  });

  test('two decisions on one appeal at once: one wins, the other is 409', async () => {
    const [paper] = (await chief.get<Page<TAppeal>>(`/api/v1/food/appeals?businessId=${old.businessId}`)).body.items;
    const dept = await loginAs(app, 'admin');
    const [a, b] = await Promise.all([
      chief.post<TAppeal>(`/api/v1/food/appeals/${paper!.id}/decision`, {
        outcome: 'uphold',
        reason: '检查记录完整，维持原等级',
        version: paper!.version,
      }),
      dept.post<TAppeal>(`/api/v1/food/appeals/${paper!.id}/decision`, {
        outcome: 'withdrawGrade',
        reason: '检查程序有瑕疵，撤销该等级',
        version: paper!.version,
      }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409], JSON.stringify([a.body, b.body]));
    const [row] = await app.testDb.db.query<{ status: string; grade: string }>(
      `SELECT a.status, g.status AS grade FROM food_grade_appeals a JOIN food_grades g ON g.id = a.grade_id WHERE a.id = $1`,
      [paper!.id],
    );
    const winner = a.status === 200 ? 'upheld' : 'gradeWithdrawn';
    assert.equal(row!.status, winner);
    assert.equal(row!.grade, winner === 'upheld' ? 'current' : 'withdrawn');
    const decisions = await app.testDb.db.query(
      `SELECT 1 FROM food_appeal_events WHERE subject = 'appeal' AND subject_id = $1 AND action <> 'submit'`,
      [paper!.id],
    );
    assert.equal(decisions.length, 1);
  });

  test('a reply to the current grade is moderated, then shown beside the grade', async () => {
    const [current] = await app.testDb.db.query<{ id: number }>(
      `SELECT id FROM food_grades WHERE business_id = $1 AND status = 'current'`,
      [fresh.businessId],
    );
    const superseded = await publicClient.post<Problem>('/api/v1/public/food/replies', {
      accessCode: code,
      gradeId: fresh.gradeId,
      body: '我们已整改',
    });
    assert.equal(superseded.status, 422);
    assert.equal(superseded.body.errors[0]!.path, 'gradeId');
    const res = await publicClient.post<TReply>('/api/v1/public/food/replies', {
      accessCode: code,
      gradeId: Number(current!.id),
      body: '感谢监管部门复核，我店已更换冷库温度计并建立每日记录。',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'submitted');
    assert.ok(res.body.reviewDueOn! > today);
    const second = await publicClient.post<Problem>('/api/v1/public/food/replies', {
      accessCode: code,
      gradeId: Number(current!.id),
      body: '补充一句',
    });
    assert.equal(second.status, 409);
    const noReason = await chief.post<Problem>(`/api/v1/food/grade-replies/${res.body.id}/review`, {
      decision: 'reject',
      version: res.body.version,
    });
    assert.equal(noReason.status, 422);
    assert.equal(noReason.body.errors[0]!.path, 'reason');
    const listed = await chief.get<Page<TReply>>('/api/v1/food/grade-replies?status=submitted');
    assert.ok(listed.body.items.some((r) => r.id === res.body.id));
    const published = await chief.post<TReply>(`/api/v1/food/grade-replies/${res.body.id}/review`, {
      decision: 'publish',
      version: res.body.version,
    });
    assert.equal(published.status, 200, JSON.stringify(published.body));
    assert.equal(published.body.status, 'published');
    const notes = await publicClient.get<TGradeNotes>(`/api/v1/public/food/businesses/${fresh.businessId}/grade-notes`);
    assert.equal(notes.body.replies[0]!.body, res.body.body);
    assert.equal(notes.body.replies[0]!.gradeId, Number(current!.id));
  });

  test('a re-rating request: once per 3 months; accepted → a planned revisit inspection in the inbox', async () => {
    const res = await publicClient.post<TRevisit>('/api/v1/public/food/revisit-requests', {
      accessCode: code,
      reason: '已完成冷库整改并更换温度计，申请复评',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'requested');
    const before = await snapshot();
    const second = await publicClient.post<Problem>('/api/v1/public/food/revisit-requests', {
      accessCode: code,
      reason: '再次申请复评，请尽快安排',
    });
    assert.equal(second.status, 422, JSON.stringify(second.body));
    assert.equal(second.body.errors[0]!.path, 'requestedOn');
    assert.match(second.body.detail, /3 个月内只能申请一次复评/);
    assert.deepEqual(await snapshot(), before);
    const page = await publicClient.post<TPortalBusiness>('/api/v1/public/food/access', { accessCode: code });
    assert.ok(page.body.revisitAllowedFrom > shift(80), page.body.revisitAllowedFrom);

    assert.equal(
      (await hotline.post(`/api/v1/food/revisit-requests/${res.body.id}/decision`, { decision: 'accept', version: 1 }))
        .status,
      403,
    );
    const badDate = await chief.post<Problem>(`/api/v1/food/revisit-requests/${res.body.id}/decision`, {
      decision: 'accept',
      plannedOn: shift(-1),
      version: res.body.version,
    });
    assert.equal(badDate.status, 422);
    assert.equal(badDate.body.errors[0]!.path, 'plannedOn');
    const accepted = await chief.post<TRevisit>(`/api/v1/food/revisit-requests/${res.body.id}/decision`, {
      decision: 'accept',
      plannedOn: today,
      version: res.body.version,
    });
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
    assert.equal(accepted.body.status, 'accepted');
    assert.equal(accepted.body.plannedOn, today);
    const [planned] = await app.testDb.db.query<{ kind: string; status: string; stationCode: string }>(
      `SELECT fi.kind, fi.status, s.code AS "stationCode" FROM food_inspections fi JOIN org_units s ON s.id = fi.station_id
        WHERE fi.id = $1`,
      [accepted.body.inspectionId],
    );
    assert.deepEqual(planned, { kind: 'revisit', status: 'planned', stationCode: 's01' });
    const inbox = (await chief.get<TInbox>('/api/v1/inbox?limit=50')).body;
    assert.ok(
      inbox.groups.dueToday.some(
        (i) => i.module === 'food-appeals' && i.kind === 'revisitVisit' && i.id === accepted.body.inspectionId,
      ),
    );
    // Staff record a paper request for a business, by the same rule.
    const paper = await chief.post<Problem>(`/api/v1/food/businesses/${fresh.businessId}/revisit-requests`, {
      reason: '书面申请复评',
      requestedOn: today,
    });
    assert.equal(paper.status, 422);
  });

  test('evidence for a pending appeal: uploaded with the code, opened by staff in reach', async () => {
    const b = await makeGradedBusiness(app.testDb.db, {
      station: 's01',
      gradedOn: today,
      inspectors: ['s01.inspector'],
    });
    const c = (await chief.post<TAccessCodeIssued>(`/api/v1/food/businesses/${b.businessId}/access-code`)).body.code;
    const lodged = await publicClient.post<TAppeal>('/api/v1/public/food/appeals', {
      accessCode: c,
      gradeId: b.gradeId,
      grounds: '附维修单，温度计当日故障',
    });
    const upload = async (accessCode: string) => {
      const form = new FormData();
      form.append('accessCode', accessCode);
      form.append('file', new Blob(['%PDF-1.4\n% 维修单\n']), '维修单.pdf');
      const res = await fetch(`${app.baseUrl}/api/v1/public/food/appeals/${lodged.body.id}/attachments`, {
        method: 'POST',
        body: form,
      });
      return { status: res.status, body: (await res.json()) as TAppeal };
    };
    const wrong = await upload(code);
    assert.equal(wrong.status, 404, 'another business’s code does not reach this appeal');
    const res = await upload(c);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.fileIds.length, 1);
    assert.equal((await chief.get(`/api/v1/files/${res.body.fileIds[0]}`)).status, 200);
    assert.equal((await otherChief.get(`/api/v1/files/${res.body.fileIds[0]}`)).status, 404);
  });

  test('the access-code routes are rate-limited per client', async () => {
    let limited = 0;
    for (let i = 0; i < 45 && !limited; i++) {
      const res = await publicClient.post('/api/v1/public/food/access', { accessCode: 'AAAA-BBBB-CCCC' });
      if (res.status === 429) limited++;
    }
    assert.equal(limited, 1);
  });
});
