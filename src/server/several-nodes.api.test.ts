import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { testDbKind } from '../../tests/helpers/test-db.ts';
import { openPostgres } from '../db/client.ts';
import { enqueue } from '../modules/jobs/repo.ts';

type Intake = { items: { id: number; trackingCode: string }[] };

/**
 * Two app nodes on one PostgreSQL database, as behind the reverse proxy of docs/SCALING.md: each with its own
 * connection pool, job runner, intake batcher and rate-limit store instance. Everything that must hold across
 * nodes is driven on both at once.
 */
describe('several app nodes on one database', {
  skip: testDbKind() !== 'postgresql' && 'PostgreSQL only (the embedded database is locked to one process)',
}, () => {
  let a: TestApp;
  let b: TestApp;
  const env = { OPEN_DATA_RATE_LIMIT_PER_MINUTE: '4', PUBLIC_RATE_LIMIT_PER_MINUTE: '1000', LOGIN_MAX_FAILURES: '4' };

  before(async () => {
    a = await startTestApp({ env });
    const url = a.testDb.url!;
    const dbB = await openPostgres(url, { max: 10 });
    b = await startTestApp({ env, testDb: { db: dbB, url, close: () => dbB.close() } });
  });
  after(async () => {
    await b?.close();
    await b?.testDb.close();
    await a?.close();
  });

  /** The same browser session on the other node: its cookie and CSRF token. */
  const sameSessionOn = (app: TestApp, from: ApiClient) => {
    const other = new ApiClient(app.baseUrl);
    other.cookie = from.cookie;
    other.csrfToken = from.csrfToken;
    return other;
  };

  test('a session opened on node A works on node B, CSRF included, and a logout on B ends it on A', async () => {
    const onA = await loginAs(a, 'hotline');
    const onB = sameSessionOn(b, onA);
    const me = (await onB.get<{ user: { username: string }; csrfToken: string }>('/api/v1/auth/me')).body;
    assert.equal(me.user.username, 'hotline');
    assert.equal(me.csrfToken, onA.csrfToken, 'one CSRF token per session, whichever node answers');
    const noToken = await onB.request<{ code: string }>('POST', '/api/v1/complaints', {}, { 'x-csrf-token': 'wrong' });
    assert.equal(noToken.status, 403);
    assert.equal(noToken.body.code, 'CSRF');
    const written = await onB.post<Intake>('/api/v1/complaints', {
      kind: 'complaint',
      channel: 'phone',
      person: { name: '跨节点', phone: '13912345678' },
      description: '在店内就餐后发现菜品变质，要求退款并赔偿。',
    });
    assert.equal(written.status, 201, JSON.stringify(written.body));
    assert.equal((await onB.post('/api/v1/auth/logout')).status, 200);
    assert.equal((await onA.get('/api/v1/auth/me')).status, 401);
  });

  test('failed logins on both nodes add up to one lockout', async () => {
    const clients = [new ApiClient(a.baseUrl), new ApiClient(b.baseUrl)];
    for (let i = 0; i < 4; i++) assert.equal((await clients[i % 2]!.login('s01.chief', 'Wrong@2026x')).status, 401);
    // The right password on either node is refused now: the count lives in the users table, not in a node.
    assert.equal((await clients[0]!.login('s01.chief')).status, 401);
    assert.equal((await clients[1]!.login('s01.chief')).status, 401);
  });

  test('a rate limit is one budget across the nodes, not one per node', async () => {
    const statuses: number[] = [];
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 6; i++) {
      const node = i % 2 === 0 ? a : b;
      const res = await fetch(`${node.baseUrl}/api/open/v1/entities?limit=1`);
      await res.arrayBuffer();
      statuses.push(res.status);
      remaining.push(res.headers.get('x-ratelimit-remaining'));
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 429, 429]);
    assert.deepEqual(remaining.slice(0, 4), ['3', '2', '1', '0']);
    const [row] = await a.testDb.db.query<{ n: number; plain: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE client_key LIKE '%127.0.0.1%')::int AS plain
         FROM rate_limit_counters WHERE scope LIKE 'GET /api/open/v1/entities%'`,
    );
    assert.deepEqual(row, { n: 1, plain: 0 }, 'one counter, keyed by a digest of the address');
  });

  test('both job runners drain one queue at once and every job runs exactly once', async () => {
    const ran: { id: number; node: string }[] = [];
    for (const [node, app] of [
      ['A', a],
      ['B', b],
    ] as const)
      app.services.jobRunner.register('test.nodes', async (ctx) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        ran.push({ id: ctx.id, node });
      });
    const ids: number[] = [];
    for (let i = 0; i < 40; i++) ids.push(await enqueue(a.testDb.db, { kind: 'test.nodes', payload: { i } }));
    await Promise.all([a.services.jobRunner.drain(), b.services.jobRunner.drain()]);
    assert.deepEqual(
      ran.map((r) => r.id).sort((x, y) => x - y),
      ids,
      'each job once',
    );
    assert.ok(ran.some((r) => r.node === 'A') && ran.some((r) => r.node === 'B'), 'both nodes took jobs');
    const rows = await a.testDb.db.query<{ status: string; attempts: number }>(
      `SELECT status, attempts FROM jobs WHERE kind = 'test.nodes'`,
    );
    assert.ok(
      rows.every((r) => r.status === 'succeeded' && r.attempts === 1),
      JSON.stringify(rows),
    );
  });

  test('intake submitted to both nodes at once: unique numbers, one record per key, the audit chain verifies', async () => {
    const body = (n: number) => ({
      kind: 'complaint',
      person: { name: '双节点用户', phone: `1380000${String(n).padStart(4, '0')}` },
      business: { name: '佛山市南海区某某餐饮店', address: `南海区里水镇和顺大道${n}号` },
      description: `在店内就餐后发现菜品变质，要求退款并赔偿。编号${n}`,
    });
    const [onA, onB] = [new ApiClient(a.baseUrl), new ApiClient(b.baseUrl)];
    const send = (client: ApiClient, n: number, key: string) =>
      client.request<Intake>('POST', '/api/v1/public/complaints', body(n), { 'idempotency-key': key });
    const answers = await Promise.all([
      ...Array.from({ length: 60 }, (_, n) => send(n % 2 === 0 ? onA : onB, n, `nodes-key-${n}`)),
      // The same submission retried through the other node while the first is being written.
      send(onB, 4, 'nodes-key-4'),
      send(onA, 5, 'nodes-key-5'),
    ]);
    assert.ok(
      answers.every((r) => r.status === 201 || r.status === 200),
      JSON.stringify(answers.map((r) => r.status)),
    );
    assert.equal(answers.filter((r) => r.status === 200).length, 2, 'each repeat answered with the first record');
    assert.equal(answers[60]!.body.items[0]!.trackingCode, answers[4]!.body.items[0]!.trackingCode);
    assert.equal(answers[61]!.body.items[0]!.trackingCode, answers[5]!.body.items[0]!.trackingCode);

    const [counts] = await a.testDb.db.query<{ items: number; codes: number; audits: number; txs: number }>(
      `SELECT count(*)::int AS items, count(DISTINCT tracking_code)::int AS codes,
              count(DISTINCT xmin::text)::int AS txs,
              (SELECT count(*)::int FROM audit_log l JOIN complaints c ON l.target_id = c.id::text
                WHERE c.person_name = '双节点用户' AND l.action = 'complaint.intake') AS audits
         FROM complaints WHERE person_name = '双节点用户'`,
    );
    assert.equal(counts!.items, 60);
    assert.equal(counts!.codes, 60);
    assert.equal(counts!.audits, 60);
    assert.ok(counts!.txs < 60, `group commit on each node: ${counts!.txs} transactions for 60 items`);
    const admin = await loginAs(b, 'admin');
    const verify = await admin.get<{ ok: boolean; checked: number }>('/api/v1/audit/verify');
    assert.equal(verify.body.ok, true, JSON.stringify(verify.body));
  });
});
