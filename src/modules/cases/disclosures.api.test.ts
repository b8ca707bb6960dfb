import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { insertCase } from '../../../tests/helpers/case-factories.ts';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TDisclosure, TPublicPenalty, TPublicTypicalCase } from '../../contracts/case-disclosures.ts';
import type { TBatch } from '../../contracts/credit.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { Db } from '../../db/client.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { onCaseDecided, onDecisionAnnulled } from './services/disclosures.ts';

/**
 * 行政处罚信息公示 (SAMR Order 45) and a decision's credit consequences, through the HTTP API. The decided case is
 * inserted straight into the tables (the decide step has its own tests) and the hook the decide step calls is run in a
 * transaction, as the approving transaction runs it.
 */

let clock = new Date('2026-12-03T02:00:00Z');
const setToday = (day: string) => {
  clock = new Date(`${day}T02:00:00Z`);
};

let sequence = 0;
let officerId = 0;

interface DecidedCase {
  entityId?: number | null;
  stationId: number;
  decidedOn: string;
  penalties: { kind: string; amountFen?: number; discretion?: string }[];
  areas?: string[];
  procedure?: 'general' | 'summary';
  person?: { name: string };
}

/** A case decided on `decidedOn` with its penalties and one violation type per area (insertCase, then the decision). */
async function insertDecidedCase(db: Db, c: DecidedCase): Promise<{ caseId: number; decisionNo: string }> {
  sequence++;
  const decisionNo = `南海市监处罚〔2026〕${9000 + sequence}号`;
  const [party] = c.entityId
    ? await db.query<{ name: string; uscc: string }>('SELECT name, uscc FROM entities WHERE id = $1', [c.entityId])
    : [undefined];
  const caseId = await insertCase(db, {
    stationId: c.stationId,
    status: 'decided',
    procedure: c.procedure ?? 'general',
    officers: [officerId],
    entityId: c.entityId ?? null,
    partyKind: c.person ? 'person' : 'organisation',
    partyName: c.person?.name ?? party?.name,
    title: `公示测试案件${sequence}`,
    extra: {
      party_uscc: party?.uscc ?? null,
      party_id_no_enc: c.person ? 'enc:secret-id' : null,
      decision_kind: 'penalty',
      decision_no: decisionNo,
      decided_on: c.decidedOn,
    },
  });
  for (const p of c.penalties) {
    await db.query('INSERT INTO case_penalties (case_id, kind, amount_fen, discretion) VALUES ($1, $2, $3, $4)', [
      caseId,
      p.kind,
      p.amountFen ?? 0,
      p.discretion ?? 'standard',
    ]);
  }
  for (const area of c.areas ?? ['pricing']) {
    const [t] = await db.query<{ id: number }>(
      `INSERT INTO case_violation_types (code, area, name, legal_basis, penalty_basis)
       VALUES ($1, $2, $3, '《测试法》第十条', '《测试法》第五十条') ON CONFLICT (code) DO UPDATE SET area = EXCLUDED.area
       RETURNING id`,
      [`TEST-DISC-${area}`, area, `测试违法行为（${area}）`],
    );
    await db.query('INSERT INTO case_violations (case_id, violation_type_id) VALUES ($1, $2)', [caseId, t!.id]);
  }
  return { caseId, decisionNo };
}

describe('行政处罚信息公示 and the credit consequences of a decision', () => {
  let app: TestApp;
  let db: Db;
  let chief: ApiClient;
  let otherChief: ApiClient;
  let publicClient: ApiClient;
  let stationId: number;
  let entity: TEntityDetail;

  const decide = async (c: DecidedCase) => {
    const made = await insertDecidedCase(db, c);
    const result = await db.transaction((tx) => onCaseDecided(tx, made.caseId));
    return { ...made, ...result };
  };
  const disclosureOf = async (caseId: number) => {
    const [row] = await db.query<{ id: number }>('SELECT id FROM case_disclosures WHERE case_id = $1', [caseId]);
    return row ? (await chief.get<TDisclosure>(`/api/v1/case-disclosures/${row.id}`)).body : undefined;
  };
  const publish = async (d: TDisclosure) => {
    const res = await chief.post<TDisclosure>(`/api/v1/case-disclosures/${d.id}/publish`, { version: d.version });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body;
  };
  const removal = (d: TDisclosure) =>
    chief.post<TDisclosure & { errors: { path: string }[] }>(`/api/v1/case-disclosures/${d.id}/remove`, {
      version: d.version,
      reason: '当事人已履行处罚决定并申请提前停止公示',
      obligationsFulfilled: true,
      harmRemoved: true,
    });
  const newEntity = async () => {
    const admin = await loginAs(app, 'admin');
    const res = await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId }));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };

  before(async () => {
    app = await startTestApp({ now: () => clock, env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000' } });
    db = app.services.db;
    chief = await loginAs(app, 's01.chief');
    otherChief = await loginAs(app, 's02.chief');
    publicClient = new (chief.constructor as new (u: string) => ApiClient)(app.baseUrl);
    const [s01] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`);
    stationId = s01!.id;
    const [officer] = await db.query<{ id: number }>(`SELECT id FROM users WHERE username = 's01.inspector'`);
    officerId = officer!.id;
    entity = await newEntity();
  });
  after(() => app.close());

  test('a general-procedure fine gets a pending disclosure due 20 working days later, across the National Day', async () => {
    const { caseId, disclosureId, dueOn } = await decide({
      entityId: entity.id,
      stationId,
      decidedOn: '2026-09-25',
      penalties: [{ kind: 'fine', amountFen: 50_000_00 }],
    });
    assert.ok(disclosureId);
    assert.equal(dueOn, '2026-10-29');
    const d = (await disclosureOf(caseId))!;
    assert.equal(d.status, 'pending');
    assert.equal(d.dueOn, '2026-10-29');
    assert.equal(d.overdue, true);
    assert.equal(d.partyName, entity.name);
    assert.equal(d.partyUscc, entity.uscc);
    assert.equal(d.content, '罚款人民币50,000.00元');
    assert.equal(d.authority, '佛山市南海区市场监督管理局');
    assert.match(d.basis, /违反《测试法》第十条，依据《测试法》第五十条/);
    assert.deepEqual(d.actions, ['publish', 'withdraw']);
    // Not public while pending.
    const pub = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?no=${encodeURIComponent(d.decisionNo)}`,
    );
    assert.equal(pub.status, 200);
    assert.equal(pub.body.items.length, 0);
    // The timeline of the case shows it.
    const steps = await db.query<{ action: string }>('SELECT action FROM case_steps WHERE case_id = $1', [caseId]);
    assert.deepEqual(
      steps.map((s) => s.action),
      ['disclosure.create'],
    );
  });

  test('overdue: the daily sweep escalates once (audit row), and the overdue filter lists it', async () => {
    const listed = await chief.get<{ items: TDisclosure[] }>('/api/v1/case-disclosures?overdue=true');
    assert.equal(listed.status, 200);
    assert.ok(listed.body.items.length >= 1);
    assert.ok(listed.body.items.every((d) => d.overdue && d.status === 'pending'));
    const first = await app.services.caseDisclosures.sweep();
    assert.ok(first.escalated >= 1);
    const again = await app.services.caseDisclosures.sweep();
    assert.equal(again.escalated, 0);
    const d = (await chief.get<TDisclosure>(`/api/v1/case-disclosures/${listed.body.items[0]!.id}`)).body;
    assert.ok(d.escalatedAt);
    const audit = await db.query(
      `SELECT 1 FROM audit_log WHERE action = 'case.disclosure.escalate' AND target_id = $1`,
      [String(d.id)],
    );
    assert.equal(audit.length, 1);
    // Issue 11's "overdue escalated": the station chief is told once, in the escalating transaction.
    const told = await chief.get<{ items: { kind: string; subjectId: string | null }[] }>(
      '/api/v1/notifications?unread=true&limit=100',
    );
    assert.equal(told.body.items.filter((n) => n.kind === 'escalated' && n.subjectId === String(d.id)).length, 1);
  });

  test('published: visible on the portal by name, USCC and number; an individual is masked, without ID number', async () => {
    const { caseId } = await decide({
      stationId,
      decidedOn: '2026-11-20',
      penalties: [
        { kind: 'warning' },
        { kind: 'fine', amountFen: 20_000_00 },
        { kind: 'confiscate_gains', amountFen: 1_200_00 },
      ],
      person: { name: '张三丰' },
    });
    const pending = (await disclosureOf(caseId))!;
    assert.equal(pending.partyName, '张**');
    assert.equal(pending.partyUscc, null);
    const stale = await chief.post(`/api/v1/case-disclosures/${pending.id}/publish`, { version: pending.version + 5 });
    assert.equal(stale.status, 409);
    const d = await publish(pending);
    assert.equal(d.status, 'published');
    assert.equal(d.publishedOn, '2026-12-03');
    assert.equal(d.displayUntil, '2029-12-03');
    assert.equal(d.earliestRemovalOn, '2027-06-03');
    const again = await chief.post(`/api/v1/case-disclosures/${d.id}/publish`, { version: d.version });
    assert.equal(again.status, 409);

    const byNo = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?no=${encodeURIComponent(d.decisionNo)}`,
    );
    assert.equal(byNo.body.items.length, 1);
    const item = byNo.body.items[0]!;
    assert.equal(item.partyName, '张**');
    assert.equal(item.content, '警告；罚款人民币20,000.00元；没收违法所得人民币1,200.00元');
    assert.ok(!JSON.stringify(byNo.body).includes('张三丰'));
    assert.ok(!JSON.stringify(byNo.body).includes('secret'));
    const byName = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?q=${encodeURIComponent('张')}`,
    );
    assert.ok(byName.body.items.some((i) => i.id === d.id));
    const byRealName = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?q=${encodeURIComponent('三丰')}`,
    );
    assert.equal(byRealName.body.items.length, 0);
    const one = await publicClient.get<TPublicPenalty>(`/api/v1/public/penalties/${d.id}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.decisionNo, d.decisionNo);
  });

  test('an organisation is found by a fragment of its name and by its USCC', async () => {
    const e = await newEntity();
    const { caseId } = await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2026-11-25',
      penalties: [{ kind: 'fine', amountFen: 30_000_00 }],
    });
    const d = await publish((await disclosureOf(caseId))!);
    const byUscc = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?q=${e.uscc.toLowerCase()}`,
    );
    assert.deepEqual(
      byUscc.body.items.map((i) => i.id),
      [d.id],
    );
    const fragment = e.name.slice(6, 12);
    const byName = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?q=${encodeURIComponent(fragment)}`,
    );
    assert.ok(byName.body.items.some((i) => i.id === d.id));
    // Keyset pages: newest decision first, no row twice.
    const page1 = await publicClient.get<{ items: TPublicPenalty[]; nextCursor: string }>(
      '/api/v1/public/penalties?limit=1',
    );
    assert.equal(page1.body.items.length, 1);
    assert.ok(page1.body.nextCursor);
    const page2 = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?limit=1&cursor=${page1.body.nextCursor}`,
    );
    assert.notEqual(page2.body.items[0]!.id, page1.body.items[0]!.id);
    assert.ok(page2.body.items[0]!.decidedOn <= page1.body.items[0]!.decidedOn);
  });

  test('a warning alone, a summary decision: nothing to publish', async () => {
    const warning = await decide({
      entityId: entity.id,
      stationId,
      decidedOn: '2026-11-02',
      penalties: [{ kind: 'warning' }],
    });
    assert.equal(warning.disclosureId, undefined);
    assert.equal(await disclosureOf(warning.caseId), undefined);
    const summary = await decide({
      stationId,
      decidedOn: '2026-11-02',
      procedure: 'summary',
      penalties: [{ kind: 'fine', amountFen: 200_00 }],
      person: { name: '李四' },
    });
    assert.equal(summary.disclosureId, undefined);
  });

  test('a low fine is shown for 3 months and cannot be removed early', async () => {
    const { caseId } = await decide({
      entityId: entity.id,
      stationId,
      decidedOn: '2026-11-30',
      penalties: [{ kind: 'fine', amountFen: 5_000_00 }],
    });
    const d = await publish((await disclosureOf(caseId))!);
    assert.equal(d.displayUntil, '2027-03-03');
    const refused = await removal(d);
    assert.equal(refused.status, 422);
    assert.equal(refused.body.errors[0]!.path, 'displayUntil');
    // Past its period, the daily sweep stops it.
    setToday('2027-03-04');
    try {
      const swept = await app.services.caseDisclosures.sweep();
      assert.ok(swept.expired >= 1);
      assert.equal((await disclosureOf(caseId))!.status, 'expired');
    } finally {
      setToday('2026-12-03');
    }
  });

  test('early removal: not before 6 months, 1 year for food, never for 责令停产停业, never while listed', async () => {
    const e = await newEntity();
    const general = await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2026-11-26',
      penalties: [{ kind: 'fine', amountFen: 80_000_00 }],
    });
    const food = await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2026-11-26',
      penalties: [{ kind: 'fine', amountFen: 80_000_00 }],
      areas: ['food'],
    });
    const suspended = await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2026-11-26',
      penalties: [{ kind: 'fine', amountFen: 80_000_00 }, { kind: 'suspend_business' }],
    });
    const g = await publish((await disclosureOf(general.caseId))!);
    const f = await publish((await disclosureOf(food.caseId))!);
    const s = await publish((await disclosureOf(suspended.caseId))!);
    assert.equal(f.earliestRemovalOn, '2027-12-03');
    assert.equal(s.removable, false);

    const early = await removal(g);
    assert.equal(early.status, 422);
    assert.equal(early.body.errors[0]!.path, 'earliestRemovalOn');
    const unchecked = await chief.post(`/api/v1/case-disclosures/${g.id}/remove`, {
      version: g.version,
      reason: '申请提前停止公示',
      obligationsFulfilled: false,
      harmRemoved: true,
    });
    assert.equal(unchecked.status, 422);

    setToday('2027-06-03');
    try {
      const foodEarly = await removal(f);
      assert.equal(foodEarly.status, 422);
      assert.equal(foodEarly.body.errors[0]!.path, 'earliestRemovalOn');
      const never = await removal(s);
      assert.equal(never.status, 422);
      assert.equal(never.body.errors[0]!.path, 'removable');
      // On the abnormal list: refused (the credit module answers).
      const [listing] = await db.query<{ id: number }>(
        `INSERT INTO credit_listings (entity_id, station_id, list, ground, report_year, status, listed_on)
         VALUES ($1, $2, 'abnormal', 'annualReportMissing', 2025, 'listed', '2026-07-01') RETURNING id`,
        [e.id, stationId],
      );
      const listed = await removal(g);
      assert.equal(listed.status, 422);
      assert.equal(listed.body.errors[0]!.path, 'entity');
      await db.query(`UPDATE credit_listings SET status = 'removed' WHERE id = $1`, [listing!.id]);
      const ok = await removal(g);
      assert.equal(ok.status, 200, JSON.stringify(ok.body));
      assert.equal(ok.body.status, 'removed');
      assert.equal(ok.body.removedOn, '2027-06-03');
    } finally {
      setToday('2026-12-03');
    }
    const gone = await publicClient.get(`/api/v1/public/penalties/${g.id}`);
    assert.equal(gone.status, 404);
    setToday('2027-12-03');
    try {
      assert.equal((await removal(f)).status, 200);
    } finally {
      setToday('2026-12-03');
    }
  });

  test('annulled: the published decision is withdrawn at once and leaves the portal; a pending one is cancelled', async () => {
    const published = await decide({
      entityId: entity.id,
      stationId,
      decidedOn: '2026-11-27',
      penalties: [{ kind: 'fine', amountFen: 60_000_00 }],
    });
    const d = await publish((await disclosureOf(published.caseId))!);
    assert.equal((await publicClient.get(`/api/v1/public/penalties/${d.id}`)).status, 200);
    const pending = await decide({
      entityId: entity.id,
      stationId,
      decidedOn: '2026-11-27',
      penalties: [{ kind: 'fine', amountFen: 60_000_00 }],
    });
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE cases SET status = 'annulled' WHERE id = ANY($1::bigint[])`, [
        [published.caseId, pending.caseId],
      ]);
      await onDecisionAnnulled(tx, published.caseId, '经行政复议撤销', '2026-09-30');
      await onDecisionAnnulled(tx, pending.caseId, '经行政复议撤销', '2026-12-03');
    });
    const w = (await disclosureOf(published.caseId))!;
    assert.equal(w.status, 'withdrawn');
    assert.equal(w.withdrawnOn, shanghaiToday());
    assert.equal(w.withdrawDueOn, '2026-10-10');
    assert.match(w.reason ?? '', /经行政复议撤销/);
    assert.equal((await publicClient.get(`/api/v1/public/penalties/${d.id}`)).status, 404);
    const list = await publicClient.get<{ items: TPublicPenalty[] }>(
      `/api/v1/public/penalties?no=${encodeURIComponent(d.decisionNo)}`,
    );
    assert.equal(list.body.items.length, 0);
    assert.equal((await disclosureOf(pending.caseId))!.status, 'withdrawn');
    // Staff withdrawal needs a reason and a withdrawable status.
    const twice = await chief.post(`/api/v1/case-disclosures/${w.id}/withdraw`, {
      version: w.version,
      reason: '再次撤下',
    });
    assert.equal(twice.status, 409);
  });

  test('penalties3y counts decisions in force, and the risk points follow after the recompute', async () => {
    const e = await newEntity();
    const risk = app.services.credit.risk;
    await risk.drainQueue();
    const before = await risk.breakdown(e.id);
    assert.equal(before.facts.penalties3y, 0);
    const made = await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2026-11-27',
      penalties: [{ kind: 'fine', amountFen: 10_000_00 }],
    });
    const queued = await db.query<{ reason: string }>('SELECT reason FROM risk_recompute_queue WHERE entity_id = $1', [
      e.id,
    ]);
    assert.deepEqual(
      queued.map((q) => q.reason),
      [`case:${made.caseId}:decided`],
    );
    await risk.drainQueue();
    const afterDecision = await risk.breakdown(e.id);
    assert.equal(afterDecision.facts.penalties3y, 1);
    assert.equal(afterDecision.score - before.score, 15);
    const [cls] = await db.query<{ score: number }>('SELECT score FROM entity_risk_classes WHERE entity_id = $1', [
      e.id,
    ]);
    assert.equal(cls!.score, afterDecision.score);
    // An old decision (over 3 years) and an annulled one do not count.
    await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2023-11-01',
      penalties: [{ kind: 'fine', amountFen: 10_000_00 }],
    });
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE cases SET status = 'annulled' WHERE id = $1`, [made.caseId]);
      await onDecisionAnnulled(tx, made.caseId, '撤销', '2026-12-03');
    });
    await risk.drainQueue();
    assert.equal((await risk.breakdown(e.id)).facts.penalties3y, 0);
    const [back] = await db.query<{ score: number }>('SELECT score FROM entity_risk_classes WHERE entity_id = $1', [
      e.id,
    ]);
    assert.equal(back!.score, before.score);
  });

  test('a heavy penalty in food proposes the entity for the serious list through the credit workflow', async () => {
    const e = await newEntity();
    const made = await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2026-11-28',
      penalties: [{ kind: 'fine', amountFen: 500_000_00 }, { kind: 'revoke_licence' }],
      areas: ['food'],
    });
    assert.ok(made.seriousProposal);
    const admin = await loginAs(app, 'admin');
    const batch = await admin.get<TBatch>(`/api/v1/credit/batches/${made.seriousProposal.batchId}`);
    assert.equal(batch.status, 200);
    assert.equal(batch.body.list, 'serious');
    assert.equal(batch.body.status, 'proposed');
    assert.equal(batch.body.itemCount, 1);
    assert.match(batch.body.groundLabel, /较重行政处罚/);
    // Not proposed twice while a proposal is open.
    const again = await decide({
      entityId: e.id,
      stationId,
      decidedOn: '2026-11-29',
      penalties: [{ kind: 'suspend_business' }],
      areas: ['food'],
    });
    assert.equal(again.seriousProposal, undefined);
    // The credit staff decide it like any batch (approving needs the CJK font for its PDF; discarding does not).
    const discarded = await admin.post<TBatch>(`/api/v1/credit/batches/${batch.body.id}/discard`, {
      version: batch.body.version,
      reason: '经审查不符合列入条件',
    });
    assert.equal(discarded.status, 200, JSON.stringify(discarded.body));
    assert.equal(discarded.body.status, 'discarded');
    const pricing = await decide({
      entityId: (await newEntity()).id,
      stationId,
      decidedOn: '2026-11-29',
      penalties: [{ kind: 'revoke_licence' }],
    });
    assert.equal(pricing.seriousProposal, undefined);
    // An annulled decision takes its undecided proposal with it.
    const other = await newEntity();
    const annulled = await decide({
      entityId: other.id,
      stationId,
      decidedOn: '2026-11-29',
      penalties: [{ kind: 'fine', amountFen: 300_000_00, discretion: 'heavier' }],
      areas: ['special_equipment'],
    });
    assert.ok(annulled.seriousProposal);
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE cases SET status = 'annulled' WHERE id = $1`, [annulled.caseId]);
      await onDecisionAnnulled(tx, annulled.caseId, '经行政诉讼撤销', '2026-12-03');
    });
    const gone = await admin.get<TBatch>(`/api/v1/credit/batches/${annulled.seriousProposal.batchId}`);
    assert.equal(gone.body.status, 'discarded');
    assert.match(gone.body.reason ?? '', /经行政诉讼撤销/);
  });

  test('typical cases: marked by staff who may write the case, shown publicly while published', async () => {
    const { caseId } = await decide({
      entityId: entity.id,
      stationId,
      decidedOn: '2026-11-30',
      penalties: [{ kind: 'fine', amountFen: 90_000_00 }],
    });
    const d = await publish((await disclosureOf(caseId))!);
    const outsider = await otherChief.post(`/api/v1/cases/${caseId}/typical`, { typical: true });
    assert.equal(outsider.status, 404);
    const marked = await chief.post(`/api/v1/cases/${caseId}/typical`, { typical: true });
    assert.equal(marked.status, 200, JSON.stringify(marked.body));
    const list = await publicClient.get<{ items: TPublicTypicalCase[] }>('/api/v1/public/typical-cases');
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.items.map((i) => i.id),
      [d.id],
    );
    assert.match(list.body.items[0]!.title, /公示测试案件/);
    const register = await chief.get<{ items: TDisclosure[] }>('/api/v1/case-disclosures?status=published&limit=200');
    assert.equal(register.body.items.find((i) => i.id === d.id)?.typical, true, 'the register shows the mark');
  });

  test('staff see the register only in their scope', async () => {
    const own = await chief.get<{ items: TDisclosure[] }>('/api/v1/case-disclosures?limit=200');
    assert.ok(own.body.items.length > 0);
    const other = await otherChief.get<{ items: TDisclosure[] }>('/api/v1/case-disclosures?limit=200');
    assert.equal(other.status, 200);
    assert.equal(other.body.items.length, 0);
    const one = own.body.items[0]!;
    assert.equal((await otherChief.get(`/api/v1/case-disclosures/${one.id}`)).status, 404);
    const anonymous = await publicClient.get('/api/v1/case-disclosures');
    assert.equal(anonymous.status, 401);
  });
});
