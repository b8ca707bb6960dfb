import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type {
  TCaseOfficer,
  TCaseProposal,
  TCaseSettingsView,
  TLead,
  TLeadDetail,
  TViolationType,
} from '../../contracts/case-leads.ts';
import type { TApprovalInboxItem } from '../../contracts/cases.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TOrgUnit, TRole, TUser } from '../../contracts/org.ts';
import { DEMO_PASSWORD } from '../../demo/demo-org.ts';
import { addYears } from '../../domain/case-limitation.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { addWorkingDays, packagedCalendar } from '../../domain/working-days.ts';
import { createCaseLead } from './published.ts';

type Problem = { code: string; detail: string; errors: { path: string; message: string }[] };

const today = shanghaiToday();
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

describe('case leads: verification clock, outcomes, proposing a case, 12315 notice', () => {
  let app: TestApp;
  let admin: ApiClient;
  let officer: ApiClient;
  let chief: ApiClient;
  let s01: number;
  let s02: number;
  let entity: TEntityDetail;
  const users: Record<string, TUser> = {};
  let violations: TViolationType[];

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    s01 = units.find((u) => u.code === 's01')!.id;
    s02 = units.find((u) => u.code === 's02')!.id;
    const roles = (await admin.get<TRole[]>('/api/v1/org/roles')).body;
    const inspector = roles.find((r) => r.code === 'inspector')!.id;
    const credentials: Record<string, [string | null, string | null]> = {
      'lead.o1': ['44060520001', addDays(today, 365)],
      'lead.o2': ['44060520002', today],
      'lead.o3': ['44060520003', addDays(today, -1)],
      'lead.o4': [null, null],
    };
    for (const [username, [no, expires]] of Object.entries(credentials)) {
      const res = await admin.post<TUser>('/api/v1/org/users', {
        username,
        displayName: `执法${username.slice(-1)}号`,
        unitId: s01,
        roleIds: [inspector],
        password: DEMO_PASSWORD,
        enforcementCredentialNo: no,
        enforcementCredentialExpiresOn: expires,
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
      users[username] = res.body;
    }
    officer = await loginAs(app, 'lead.o1');
    chief = await loginAs(app, 's01.chief');
    entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: s01 }))).body;
    violations = (await officer.get<{ items: TViolationType[] }>('/api/v1/case-violation-types')).body.items;
  });
  after(() => app.close());

  const newLead = async (extra: Record<string, unknown> = {}) => {
    const res = await officer.post<TLeadDetail>('/api/v1/case-leads', {
      sourceType: 'staff',
      entityId: entity.id,
      summary: '日常检查发现销售过期食品',
      ...extra,
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const move = (lead: { id: number; version: number }, body: Record<string, unknown>, who = officer) =>
    who.post<TLeadDetail & Problem>(`/api/v1/case-leads/${lead.id}/transitions`, { version: lead.version, ...body });
  const approveLead = async (leadId: number) => {
    const inbox = await chief.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals?mine=pending');
    const row = inbox.body.items.find((a) => a.leadId === leadId);
    assert.ok(row, `nothing waiting on lead ${leadId}`);
    const res = await chief.post(`/api/v1/case-approvals/${row.id}/decision`, { outcome: 'approved', comment: '同意' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
  };
  const proposal = (extra: Record<string, unknown> = {}) => ({
    title: '销售超过保质期的食品案',
    facts: '货架上有3盒超过保质期的牛奶',
    actOn: addDays(today, -30),
    violationTypeIds: [violations.find((v) => v.code === 'FOOD-006')!.id],
    officers: [
      { userId: users['lead.o1']!.id, lead: true },
      { userId: users['lead.o2']!.id, lead: false },
    ],
    ...extra,
  });

  test('the dictionary holds ≥ 40 violations with their bases; officers with a valid credential only', async () => {
    assert.ok(violations.length >= 40);
    const food = (await officer.get<{ items: TViolationType[] }>('/api/v1/case-violation-types?area=food')).body.items;
    assert.ok(food.length >= 10 && food.every((v) => v.area === 'food' && v.involvesSafety));
    const price = (
      await officer.get<{ items: TViolationType[] }>(`/api/v1/case-violation-types?q=${encodeURIComponent('明码标价')}`)
    ).body.items;
    assert.equal(price[0]?.penaltyBasis, '《价格法》第四十二条');
    const picker = (await officer.get<{ items: TCaseOfficer[] }>(`/api/v1/case-officers?stationId=${s01}`)).body.items;
    const names = picker.map((o) => o.id);
    assert.ok(names.includes(users['lead.o1']!.id) && names.includes(users['lead.o2']!.id));
    assert.ok(!names.includes(users['lead.o3']!.id), 'an expired credential is not offered');
    assert.ok(!names.includes(users['lead.o4']!.id), 'no credential, not offered');
    const half = await admin.patch<Problem>(`/api/v1/org/users/${users['lead.o4']!.id}`, {
      enforcementCredentialNo: '44060520004',
      version: users['lead.o4']!.version,
    });
    assert.equal(half.status, 422);
    assert.equal(half.body.errors[0]!.path, 'enforcementCredentialExpiresOn');
  });

  test('a lead received before National Day 2026 is due 15 working days later: 27 October', async () => {
    const lead = await newLead({ receivedOn: '2026-09-30', summary: '国庆前收到的举报线索' });
    assert.equal(lead.status, 'verifying');
    assert.match(lead.code, /^AY\d{8}$/);
    assert.equal(lead.clock?.dueOn, '2026-10-27');
    assert.equal(lead.clock?.overdue, today > '2026-10-27');
    assert.equal(lead.stationId, s01, '管辖: the entity’s station');
    const overdue = await officer.get<{ items: TLead[] }>('/api/v1/case-leads?overdue=true&mine=true');
    assert.equal(
      overdue.body.items.some((l) => l.id === lead.id),
      today > '2026-10-27',
    );
  });

  test('a pause of 3 working days moves the due date by 3; extension (approved) adds 15', async () => {
    let lead = await newLead({ receivedOn: '2026-11-02' });
    assert.equal(lead.clock?.dueOn, '2026-11-23');
    const noReason = await move(lead, { action: 'pauseClock', onDate: '2026-11-04' });
    assert.equal(noReason.status, 422);
    let res = await move(lead, { action: 'pauseClock', pauseReason: 'testing', onDate: '2026-11-04', note: '送检' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    lead = res.body;
    assert.equal(lead.clock?.paused, true);
    assert.deepEqual(lead.actions.includes('resumeClock'), true);
    assert.equal((await move(lead, { action: 'pauseClock', pauseReason: 'testing' })).status, 409);
    res = await move(lead, { action: 'resumeClock', onDate: '2026-11-09' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    lead = res.body;
    assert.equal(lead.clock?.dueOn, '2026-11-26');
    assert.equal(lead.pauses[0]?.reasonLabel, '检测、检验、检疫、鉴定');
    assert.equal(
      (await move({ ...lead, version: lead.version - 1 }, { action: 'extend', reason: 'x延期' })).status,
      409,
    );

    res = await move(lead, { action: 'extend', reason: '检验报告尚未出具，需延长核查' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.pendingAction, 'extend');
    assert.equal(res.body.clock?.dueOn, '2026-11-26', 'not yet: the head approves first');
    await approveLead(lead.id);
    lead = (await officer.get<TLeadDetail>(`/api/v1/case-leads/${lead.id}`)).body;
    assert.equal(lead.extended, true);
    assert.equal(lead.clock?.dueOn, '2026-12-17');
    assert.equal(lead.extensionReason, '检验报告尚未出具，需延长核查');
    assert.ok(!lead.actions.includes('extend'));
    const again = await move(lead, { action: 'extend', reason: '再次延期' });
    assert.equal(again.status, 409);
  });

  test('not filed with a legal ground, after the head approves; no jurisdiction needs the authority', async () => {
    const lead = await newLead();
    const bad = await move(lead, { action: 'notFile', ground: 'no_jurisdiction' });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.errors[0]!.path, 'transferredTo');
    const noGround = await move(lead, { action: 'notFile' });
    assert.equal(noGround.status, 422);
    const res = await move(lead, {
      action: 'notFile',
      ground: 'no_jurisdiction',
      transferredTo: '佛山市南海区卫生健康局',
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.status, 'verifying');
    await approveLead(lead.id);
    const done = (await officer.get<TLeadDetail>(`/api/v1/case-leads/${lead.id}`)).body;
    assert.equal(done.status, 'not_filed');
    assert.equal(done.outcomeGroundLabel, '不属于本部门管辖（移送）');
    assert.equal(done.transferredTo, '佛山市南海区卫生健康局');
    assert.equal(done.clock, null);
    assert.equal(done.documents[0]?.kind, 'notFilingApproval', '不予立案审批表 numbered');
    assert.match(done.documents[0]!.docNo, /不立/);
    const pdf = await officer.get(`/api/v1/case-documents/${done.documents[0]!.id}/pdf`);
    assert.equal(pdf.status, 200);
    assert.equal((await move(done, { action: 'pauseClock', pauseReason: 'testing' })).status, 409);
    const audit = await app.testDb.db.query(
      `SELECT 1 FROM audit_log WHERE action = 'case.lead.notFile' AND target_id = $1`,
      [String(lead.id)],
    );
    assert.equal(audit.length, 1);
  });

  test('merged into a case the caller can read; another station’s case is not found', async () => {
    const lead = await newLead();
    const theirs = await insertCase(app.testDb.db, { stationId: s02, status: 'investigating', createdBy: null });
    assert.equal((await move(lead, { action: 'merge', targetCaseId: theirs })).status, 404);
    const ours = await insertCase(app.testDb.db, { stationId: s01, status: 'investigating', createdBy: null });
    const res = await move(lead, { action: 'merge', targetCaseId: ours, note: '同一违法行为' });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual([res.body.status, res.body.caseId], ['merged', ours]);
  });

  test('proposing a case: two officers with valid credentials, violations, limitation', async () => {
    const one = await officer.post<Problem>(
      '/api/v1/cases',
      proposal({ entityId: entity.id, officers: [{ userId: users['lead.o1']!.id }] }),
    );
    assert.equal(one.status, 422);
    assert.equal(one.body.errors[0]!.path, 'officers');
    const noCredential = await officer.post<Problem>(
      '/api/v1/cases',
      proposal({ entityId: entity.id, officers: [{ userId: users['lead.o1']!.id }, { userId: users['lead.o4']!.id }] }),
    );
    assert.equal(noCredential.status, 422);
    assert.equal(noCredential.body.errors[0]!.path, 'officers.1.userId');
    const expired = await officer.post<Problem>(
      '/api/v1/cases',
      proposal({ entityId: entity.id, officers: [{ userId: users['lead.o3']!.id }, { userId: users['lead.o1']!.id }] }),
    );
    assert.equal(expired.status, 422);
    assert.equal(expired.body.errors[0]!.path, 'officers.0.userId');
    assert.match(expired.body.detail, /过期/);
    const noViolation = await officer.post<Problem>(
      '/api/v1/cases',
      proposal({ entityId: entity.id, violationTypeIds: [] }),
    );
    assert.equal(noViolation.status, 422);

    // Pricing (2 years): an act 2 years and a day ago is out of time; food (5 years) is not.
    const priceId = violations.find((v) => v.code === 'PRICE-001')!.id;
    const old = addDays(addYears(today, -2), -1);
    const late = await officer.post<Problem>(
      '/api/v1/cases',
      proposal({ entityId: entity.id, actOn: old, violationTypeIds: [priceId] }),
    );
    assert.equal(late.status, 422);
    assert.equal(late.body.errors[0]!.path, 'actOn');
    assert.match(late.body.detail, /超过行政处罚时效/);
    const food = await officer.post<TCaseProposal>('/api/v1/cases', proposal({ entityId: entity.id, actOn: old }));
    assert.equal(food.status, 201, JSON.stringify(food.body));
    assert.equal(food.body.limitation.years, 5);

    const near = addDays(addYears(today, -2), 20);
    const warned = await officer.post<TCaseProposal>(
      '/api/v1/cases',
      proposal({ entityId: entity.id, actOn: near, violationTypeIds: [priceId] }),
    );
    assert.equal(warned.status, 201, JSON.stringify(warned.body));
    assert.deepEqual([warned.body.limitation.warning, warned.body.limitation.expired], [true, false]);
    assert.equal(warned.body.limitation.daysLeft, 20);
    assert.equal(warned.body.status, 'draft');
    const [row] = await app.testDb.db.query<{ limitation_expires_on: string; case_no: string | null }>(
      'SELECT limitation_expires_on, case_no FROM cases WHERE id = $1',
      [warned.body.id],
    );
    assert.deepEqual([row!.limitation_expires_on, row!.case_no], [warned.body.limitation.expiresOn, null]);

    const person = await officer.post<TCaseProposal>(
      '/api/v1/cases',
      proposal({ party: { kind: 'person', name: '王某', idNumber: '11010519491231002X', address: '桂城街道' } }),
    );
    assert.equal(person.status, 201, JSON.stringify(person.body));
    assert.equal(person.body.partyIdMasked, '110***********002X');
    assert.equal(person.body.stationId, users['lead.o1']!.unitId);
    const [enc] = await app.testDb.db.query<{ party_id_no_enc: string }>(
      'SELECT party_id_no_enc FROM cases WHERE id = $1',
      [person.body.id],
    );
    assert.match(enc!.party_id_no_enc, /^v1:/);
  });

  test('12315 report → lead → proposed → filed: the lead is filed and the report’s record shows the notice; closing closes the report', async () => {
    const hotline = await loginAs(app, 'hotline');
    const inspector = await loginAs(app, 's01.inspector');
    const intake = await hotline.post<{ items: { id: number; trackingCode: string }[] }>('/api/v1/complaints', {
      kind: 'report',
      channel: 'phone',
      person: { name: '李四', phone: '13912345678' },
      categoryCode: 'service.catering',
      description: '举报该店销售过期牛奶。',
      business: { entityId: entity.id },
    });
    assert.equal(intake.status, 201, JSON.stringify(intake.body));
    const item = intake.body.items[0]!;
    let c = (await inspector.get<TComplaintDetail>(`/api/v1/complaints/${item.id}`)).body;
    c = (
      await inspector.post<TComplaintDetail>(`/api/v1/complaints/${item.id}/transitions`, {
        action: 'openCase',
        version: c.version,
      })
    ).body;
    assert.ok(!c.deadlines.some((d) => d.step === 'reporterNotice'), 'the notice clock waits for 立案');
    const leadId = Number(c.caseLeadRef!.slice(2));
    let lead = (await officer.get<TLeadDetail>(`/api/v1/case-leads/${leadId}`)).body;
    assert.equal(lead.sourceType, 'report');
    assert.deepEqual(
      [lead.source.kind, lead.source.trackingCode, lead.source.complaintId],
      ['complaint', item.trackingCode, item.id],
    );
    assert.equal(lead.receivedOn, today);
    assert.ok(lead.clock && lead.clock.workingDaysLeft === 15);

    const proposed = await officer.post<TCaseProposal>(`/api/v1/case-leads/${leadId}/case`, {
      ...proposal(),
      version: lead.version,
    });
    assert.equal(proposed.status, 201, JSON.stringify(proposed.body));
    lead = (await officer.get<TLeadDetail>(`/api/v1/case-leads/${leadId}`)).body;
    assert.equal(lead.caseId, proposed.body.id);
    assert.ok(!lead.actions.includes('propose'));
    const twice = await officer.post(`/api/v1/case-leads/${leadId}/case`, { ...proposal(), version: lead.version });
    assert.equal(twice.status, 409);

    const caseId = proposed.body.id;
    const version = async () =>
      (await app.testDb.db.query<{ version: number }>('SELECT version FROM cases WHERE id = $1', [caseId]))[0]!.version;
    const file = await officer.post(`/api/v1/cases/${caseId}/transitions`, {
      action: 'file',
      version: await version(),
    });
    assert.equal(file.status, 200, JSON.stringify(file.body));
    const inbox = await chief.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals?mine=pending');
    const row = inbox.body.items.find((a) => a.caseId === caseId)!;
    const approved = await chief.post(`/api/v1/case-approvals/${row.id}/decision`, { outcome: 'approved' });
    assert.equal(approved.status, 200, JSON.stringify(approved.body));

    lead = (await officer.get<TLeadDetail>(`/api/v1/case-leads/${leadId}`)).body;
    assert.equal(lead.status, 'filed');
    assert.equal(lead.clock, null);
    c = (await inspector.get<TComplaintDetail>(`/api/v1/complaints/${item.id}`)).body;
    const notice = c.events.find((e) => e.action === 'notifyCaseFiled');
    assert.ok(notice, JSON.stringify(c.events.map((e) => e.action)));
    assert.match(notice.note ?? '', new RegExp(`告知举报人已立案：${today} 立案，案号 .+立`));
    assert.doesNotMatch(notice.note ?? '', /案号待编/);
    const clock = c.deadlines.find((d) => d.step === 'reporterNotice');
    assert.equal(clock?.startedOn, today, 'the 5-working-day notice clock counts from 立案');
    assert.equal(clock?.dueOn, addWorkingDays(packagedCalendar, today, 5).date);
    assert.ok(clock?.metAt, 'and the notice recorded at filing meets it');

    // 结案: straight to a decided case, then the closing approval; the report is closed with the result.
    await app.testDb.db.query(
      `UPDATE cases SET status = 'decided', decision_kind = 'penalty', decision_no = '测罚〔2026〕1号' WHERE id = $1`,
      [caseId],
    );
    const close = await officer.post(`/api/v1/cases/${caseId}/transitions`, {
      action: 'close',
      version: await version(),
    });
    assert.equal(close.status, 200, JSON.stringify(close.body));
    const closing = (await chief.get<{ items: TApprovalInboxItem[] }>('/api/v1/case-approvals')).body.items.find(
      (a) => a.caseId === caseId,
    )!;
    const closed = await chief.post(`/api/v1/case-approvals/${closing.id}/decision`, { outcome: 'approved' });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    c = (await inspector.get<TComplaintDetail>(`/api/v1/complaints/${item.id}`)).body;
    assert.equal(c.status, 'closed');
    assert.match(c.feedbackText ?? '', /测罚〔2026〕1号/);
  });

  test('the list: filters by status, source and station, keyset pages; another station sees none', async () => {
    const transfer = await newLead({ sourceType: 'transfer', sourceRef: '南卫移〔2026〕3号', entityId: undefined });
    assert.equal(transfer.stationId, users['lead.o1']!.unitId, 'no entity: the caller’s unit');
    assert.equal(transfer.source.kind, 'none');
    const dup = await officer.post<Problem>('/api/v1/case-leads', {
      sourceType: 'transfer',
      sourceRef: '南卫移〔2026〕3号',
      summary: '重复登记',
    });
    assert.equal(dup.status, 409);
    const ghost = await officer.post<Problem>('/api/v1/case-leads', {
      sourceType: 'staff',
      summary: '指派给不存在的人',
      assignedTo: 999999,
    });
    assert.equal(ghost.status, 422);
    const bySource = await officer.get<{ items: TLead[] }>('/api/v1/case-leads?sourceType=transfer');
    assert.deepEqual(
      bySource.body.items.map((l) => l.id),
      [transfer.id],
    );
    const page1 = await officer.get<{ items: TLead[]; nextCursor: string | null }>(
      `/api/v1/case-leads?status=verifying&stationId=${s01}&limit=2`,
    );
    assert.equal(page1.body.items.length, 2);
    assert.ok(page1.body.items.every((l) => l.status === 'verifying' && l.clock));
    const page2 = await officer.get<{ items: TLead[] }>(
      `/api/v1/case-leads?status=verifying&stationId=${s01}&limit=2&cursor=${page1.body.nextCursor}`,
    );
    assert.ok(page2.body.items.every((l) => l.id < page1.body.items[1]!.id));
    const other = await loginAs(app, 's02.inspector');
    assert.equal((await other.get(`/api/v1/case-leads/${transfer.id}`)).status, 404);
    assert.equal((await other.get<{ items: TLead[] }>('/api/v1/case-leads?sourceType=transfer')).body.items.length, 0);
  });

  test('another module’s lead (published createCaseLead): received today, clock started; a spot-check links its visit', async () => {
    const db = app.testDb.db;
    const input = { sourceType: 'inspection' as const, entityId: entity.id, stationId: s01, createdBy: null };
    const withCal = await db.transaction((tx) =>
      createCaseLead(tx, { ...input, sourceRef: 'SC12-34', summary: '双随机抽查发现问题' }, packagedCalendar),
    );
    const without = await db.transaction((tx) =>
      createCaseLead(tx, { ...input, sourceRef: 'SC12-35', summary: '双随机抽查发现问题' }),
    );
    const [a, b] = [Number(withCal.slice(2)), Number(without.slice(2))];
    const due = addWorkingDays(packagedCalendar, today, 15).date;
    const rows = await db.query<{ id: number; verify_due_on: string | null }>(
      'SELECT id, verify_due_on FROM case_leads WHERE id = ANY($1::bigint[]) ORDER BY id',
      [[a, b]],
    );
    assert.deepEqual(
      rows.map((r) => r.verify_due_on),
      [due, null],
    );
    for (const id of [a, b]) {
      const lead = (await officer.get<TLeadDetail>(`/api/v1/case-leads/${id}`)).body;
      assert.deepEqual([lead.receivedOn, lead.clock?.dueOn, lead.clock?.workingDaysLeft], [today, due, 15]);
      assert.equal(lead.source.kind, 'spotCheck');
      assert.equal(lead.source.visitId, 12);
    }
  });

  test('case settings: read by case staff, saved with case:settings, versioned', async () => {
    const view = (await officer.get<TCaseSettingsView>('/api/v1/case-settings')).body;
    assert.equal(view.version, 0);
    assert.equal(view.settings.limitationWarningDays, 60);
    const denied = await officer.put('/api/v1/case-settings', { settings: view.settings, version: 0 });
    assert.equal(denied.status, 403);
    const settings = { ...view.settings, limitationWarningDays: 90 };
    const saved = await admin.put<TCaseSettingsView>('/api/v1/case-settings', { settings, version: 0 });
    assert.equal(saved.status, 200, JSON.stringify(saved.body));
    assert.deepEqual([saved.body.version, saved.body.settings.limitationWarningDays], [1, 90]);
    assert.equal((await admin.put('/api/v1/case-settings', { settings, version: 0 })).status, 409);
    const bad = await admin.put<Problem>('/api/v1/case-settings', {
      settings: { ...settings, approvalChains: { ...settings.approvalChains, filing: [] } },
      version: 1,
    });
    assert.equal(bad.status, 422);
    const unknown = await admin.put<Problem>('/api/v1/case-settings', {
      settings: {
        ...settings,
        approvalChains: { ...settings.approvalChains, filing: ['station_chief', 'no_such_role'] },
      },
      version: 1,
    });
    assert.equal(unknown.status, 422);
    assert.equal(unknown.body.errors[0]!.path, 'settings.approvalChains.filing.1');
  });
});
