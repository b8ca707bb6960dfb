import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { createComplaintService } from './services/complaints.ts';

type Intake = { items: { id: number; trackingCode: string; stationName: string }[] };

describe('12315 intake under concurrency: group commit keeps records, clocks, audit and idempotency whole', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  after(() => app.close());

  test('forty simultaneous submissions, two of them sent twice with one key', async () => {
    const anon = new ApiClient(app.baseUrl);
    const body = (n: number) => ({
      kind: n % 3 === 0 ? 'report' : 'complaint',
      person: { name: '并发用户', phone: `1390000${String(n).padStart(4, '0')}` },
      business: { name: '佛山市南海区某某餐饮店', address: `南海区里水镇和顺大道${n}号` },
      description: `在店内就餐后发现菜品变质，要求退款并赔偿。编号${n}`,
    });
    const send = (n: number, key: string) =>
      anon.request<Intake>('POST', '/api/v1/public/complaints', body(n), { 'idempotency-key': key });
    const answers = await Promise.all([
      ...Array.from({ length: 40 }, (_, n) => send(n, `batch-test-key-${n}`)),
      send(7, 'batch-test-key-7'),
      send(8, 'batch-test-key-8'),
    ]);
    assert.ok(
      answers.every((a) => a.status === 201 || a.status === 200),
      JSON.stringify(answers.map((a) => a.status)),
    );
    assert.deepEqual(answers.filter((a) => a.status === 200).length, 2);
    assert.equal(answers[40]!.body.items[0]!.trackingCode, answers[7]!.body.items[0]!.trackingCode);
    assert.equal(answers[41]!.body.items[0]!.trackingCode, answers[8]!.body.items[0]!.trackingCode);
    assert.ok(answers.every((a) => a.body.items[0]!.stationName === '里水市场监管所'));

    const [counts] = await app.testDb.db.query<{ items: number; clocks: number; events: number; audits: number }>(
      `SELECT count(*)::int AS items,
              (SELECT count(*)::int FROM complaint_deadlines d JOIN complaints c ON c.id = d.complaint_id
                WHERE c.person_name = '并发用户') AS clocks,
              (SELECT count(*)::int FROM complaint_events e JOIN complaints c ON c.id = e.complaint_id
                WHERE c.person_name = '并发用户' AND e.action = 'intake') AS events,
              (SELECT count(*)::int FROM audit_log a JOIN complaints c ON a.target_id = c.id::text
                WHERE c.person_name = '并发用户' AND a.action = 'complaint.intake') AS audits
         FROM complaints WHERE person_name = '并发用户'`,
    );
    assert.deepEqual(counts, { items: 40, clocks: 40, events: 40, audits: 40 });
    const admin = await loginAs(app, 'admin');
    const verify = await admin.get<{ ok: boolean }>('/api/v1/audit/verify');
    assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
  });

  test('submissions that wait while a batch is written go together in the next transaction', async () => {
    const input = (n: number) => ({
      kind: 'complaint' as const,
      channel: 'portal' as const,
      person: { name: '批量用户', phone: `1370000${String(n).padStart(4, '0')}`, confidential: false },
      description: `购买的商品有质量问题，商家拒绝退货。编号${n}`,
    });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) => app.services.complaints.intake(null, input(n), `batch-direct-${n}`)),
    );
    assert.ok(results.every((r) => r.created));
    const [tx] = await app.testDb.db.query<{ n: number }>(
      `SELECT count(DISTINCT xmin::text)::int AS n FROM complaints WHERE person_name = '批量用户'`,
    );
    assert.ok(tx!.n < 20, `${tx!.n} transactions for 20 submissions`);
  });

  test('a tracking code already taken that day is drawn again, alone and in a batch', async () => {
    const suffixes = ['DUPAAA', 'DUPAAA', 'DUPAAA', 'DUPBBB', 'DUPCCC'];
    const complaints = createComplaintService(app.testDb.db, {
      pii: app.services.pii,
      calendar: app.services.calendar.calendar,
      trackingSuffix: () => suffixes.shift() ?? 'DUPZZZ',
    });
    const input = (n: number) => ({
      kind: 'complaint' as const,
      channel: 'portal' as const,
      receivedOn: '2026-11-20',
      person: { name: '撞码用户', phone: `1360000${String(n).padStart(4, '0')}`, confidential: false },
      description: `同一天的受理编号重复时应重新生成。编号${n}`,
    });
    const first = await complaints.intake(null, input(1), 'dup-code-1');
    const [second, third] = await Promise.all([
      complaints.intake(null, input(2), 'dup-code-2'),
      complaints.intake(null, input(3), 'dup-code-3'),
    ]);
    const codes = [first, second, third].map((r) => r.items[0]!.trackingCode);
    assert.equal(codes[0], 'TS20261120DUPAAA');
    assert.equal(new Set(codes).size, 3, codes.join());
    assert.ok([first, second, third].every((r) => r.created));
  });
});
