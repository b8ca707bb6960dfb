import assert from 'node:assert/strict';
import { createSecretKey } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { checkpoint, newestIds, rewriteAndRehash, writeRows } from '../../../tests/helpers/audit-tamper.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { testDbKind } from '../../../tests/helpers/test-db.ts';
import type { TAuditVerify } from '../../contracts/audit.ts';
import { openPostgres } from '../../db/client.ts';
import { checkpointMac } from '../../domain/audit-chain.ts';
import { createAuditCheckpoints } from './checkpoints.ts';

const countCheckpoints = async (app: TestApp) =>
  (await app.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_checkpoints'))[0]!.n;

describe('audit checkpoints: when they are written, and what the writer refuses', () => {
  let app: TestApp;
  let admin: ApiClient;
  before(async () => {
    app = await startTestApp({ env: { AUDIT_CHECKPOINT_EVERY: '3' } });
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  test('the minute job writes one only once AUDIT_CHECKPOINT_EVERY rows are new; the daily one always', async () => {
    assert.equal((await checkpoint(app, false)).result?.written, true, 'the first one is written at once');
    await writeRows(admin, ['2027-05-01', '2027-05-02']);
    const waiting = await checkpoint(app, false);
    assert.deepEqual(waiting.result, { written: false, pendingRows: 2 });
    await writeRows(admin, ['2027-05-03']);
    const [head] = await newestIds(app.testDb.db, 1);
    assert.deepEqual((await checkpoint(app, false)).result?.auditId, head);
    const before = await countCheckpoints(app);
    assert.equal((await checkpoint(app, true)).result?.written, true, 'daily: written with no new row');
    assert.equal(await countCheckpoints(app), before + 1);
  });

  test('a row and every later hash rewritten: the job refuses to certify it and says where', async () => {
    await checkpoint(app);
    const [cp] = await app.testDb.db.query<{ id: number }>('SELECT id FROM audit_checkpoints ORDER BY id DESC LIMIT 1');
    await writeRows(admin, ['2027-05-04']);
    const [victim] = await newestIds(app.testDb.db, 2).then((ids) => ids.slice(1));
    await rewriteAndRehash(app.testDb.db, victim!, { after: { name: '篡改' } });
    const before = await countCheckpoints(app);
    const job = await checkpoint(app);
    assert.equal(job.status, 'failed');
    assert.match(job.error ?? '', new RegExp(`检查点 #${cp!.id}`));
    assert.equal(await countCheckpoints(app), before);
  });
});

describe('audit checkpoints: rows deleted together with every later checkpoint', () => {
  test('the process that wrote the checkpoint notices; a process that never saw it cannot (docs/AUDIT.md)', async () => {
    const app = await startTestApp();
    try {
      const admin = await loginAs(app, 'admin');
      await checkpoint(app);
      await writeRows(admin, ['2027-06-01', '2027-06-02']);
      await checkpoint(app);
      const [head, , keep] = await newestIds(app.testDb.db, 3);
      await app.testDb.db.query('DELETE FROM audit_checkpoints WHERE audit_id > $1', [keep]);
      await app.testDb.db.query('DELETE FROM audit_log WHERE id > $1', [keep]);

      const res = (await admin.get<TAuditVerify>('/api/v1/audit/verify')).body;
      assert.equal(res.ok, false, JSON.stringify(res));
      assert.equal(res.checkpoints.problems[0]?.auditId, head);
      assert.match(res.checkpoints.problems[0]?.reason ?? '', /已不在数据库中/);
      assert.equal((await checkpoint(app)).status, 'failed', 'nor does it write a checkpoint over the shorter chain');

      const restarted = await startTestApp({ testDb: app.testDb });
      try {
        const again = (await (await loginAs(restarted, 'admin')).get<TAuditVerify>('/api/v1/audit/verify')).body;
        assert.equal(again.ok, true, 'only the application log still has the deleted checkpoint');
      } finally {
        await restarted.close();
      }
    } finally {
      await app.close();
    }
  });
});

test('each checkpoint is logged with its signature, for a copy outside the database', async () => {
  const app = await startTestApp();
  try {
    const lines: object[] = [];
    const log = { info: (obj: object) => lines.push(obj), error: () => {} };
    const key = 'another-audit-key-kept-off-the-db-host-0123';
    const written = await createAuditCheckpoints(app.testDb.db, { key, every: 1000, log }).write({ force: true });
    assert.equal(written.written, true);
    type Logged = { auditCheckpoint: Parameters<typeof checkpointMac>[1] & { id: number; mac: string } };
    const { auditCheckpoint: logged } = lines[0] as Logged;
    assert.equal(logged.auditId, (await newestIds(app.testDb.db, 1))[0]);
    assert.equal(logged.mac, checkpointMac(createSecretKey(Buffer.from(key)), logged));
  } finally {
    await app.close();
  }
});

test('two app processes on one PostgreSQL database append concurrently and the chain verifies', {
  skip: testDbKind() !== 'postgresql' && 'PostgreSQL only (PGlite is one process)',
}, async () => {
  const env = { PUBLIC_RATE_LIMIT_PER_MINUTE: '10000', AUDIT_CHECKPOINT_EVERY: '25' };
  const first = await startTestApp({ env });
  const pool = await openPostgres(first.testDb.url!);
  const second = await startTestApp({ env, testDb: { db: pool, url: first.testDb.url, close: () => pool.close() } });
  try {
    const body = (n: number) => ({
      kind: 'complaint',
      person: { name: '双进程用户', phone: `1360000${String(n).padStart(4, '0')}` },
      business: { name: '佛山市南海区某某餐饮店', address: `南海区里水镇和顺大道${n}号` },
      description: `在店内就餐后发现菜品变质，要求退款并赔偿。编号${n}`,
    });
    const intake = (app: TestApp, n: number) =>
      new ApiClient(app.baseUrl).request('POST', '/api/v1/public/complaints', body(n), {
        'idempotency-key': `two-processes-${n}`,
      });
    const [a, b] = await Promise.all([loginAs(first, 'admin'), loginAs(second, 'admin')]);
    const checkpoints = async (app: TestApp) => {
      for (let i = 0; i < 8; i++) await checkpoint(app, i % 4 === 0);
    };
    const answers = await Promise.all([
      ...Array.from({ length: 120 }, (_, n) => intake(n % 2 ? first : second, n)),
      writeRows(a, ['2027-07-01', '2027-07-02', '2027-07-03']),
      writeRows(b, ['2027-07-04', '2027-07-05', '2027-07-06']),
      checkpoints(first),
      checkpoints(second),
    ]);
    assert.ok(
      answers.slice(0, 120).every((r) => (r as { status: number }).status === 201),
      JSON.stringify(answers.slice(0, 120).map((r) => (r as { status: number }).status)),
    );
    await checkpoint(first);
    const [rows] = await first.testDb.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    for (const client of [a, b]) {
      const res = (await client.get<TAuditVerify>('/api/v1/audit/verify')).body;
      assert.equal(res.ok, true, JSON.stringify(res));
      assert.equal(res.checked, rows!.n);
      assert.ok(res.checkpoints.checked >= 2);
    }
  } finally {
    await second.close();
    await pool.close();
    await first.close();
  }
});
