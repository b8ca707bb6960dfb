import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { after, before, describe, test } from 'node:test';
import { selfScopedUser } from '../../../tests/helpers/scoped-users.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import { type Db, openPostgres } from '../../db/client.ts';
import * as repo from './repo.ts';
import { createJobRunner } from './runner.ts';

describe('background jobs stored in PostgreSQL', () => {
  let app: TestApp;
  let admin: ApiClient;
  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  test('with two workers on separate connections, every job runs exactly once', async () => {
    const db = app.testDb.db;
    // On PostgreSQL the second worker has its own pool, as another app process would.
    const otherDb: Db = app.testDb.url ? await openPostgres(app.testDb.url, { max: 2 }) : db;
    const runs: number[] = [];
    const handler = async (ctx: { payload: unknown }) => {
      await new Promise((r) => setTimeout(r, 2));
      runs.push((ctx.payload as { n: number }).n);
    };
    const a = createJobRunner(db, { pollMs: 10 });
    const b = createJobRunner(otherDb, { pollMs: 10 });
    a.register('test.count', handler);
    b.register('test.count', handler);
    for (let n = 0; n < 40; n++) await repo.enqueue(db, { kind: 'test.count', payload: { n } });
    const [ranA, ranB] = await Promise.all([a.drain(), b.drain()]);
    if (otherDb !== db) await otherDb.close();
    assert.equal(ranA + ranB, 40);
    assert.deepEqual(
      [...runs].sort((x, y) => x - y),
      Array.from({ length: 40 }, (_, i) => i),
    );
    const [row] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.count' AND status = 'succeeded'`,
    );
    assert.equal(row?.n, 40);
  });

  test('progress is stored and readable through the API; failures retry, then stay failed', async () => {
    const db = app.testDb.db;
    const runner = createJobRunner(db, { pollMs: 10 });
    runner.register('test.progress', async (ctx) => {
      await ctx.progress(5, 10, '处理中');
      return { rows: 10 };
    });
    let attempts = 0;
    runner.register('test.fail', async () => {
      attempts++;
      throw new Error('文件格式错误');
    });
    const ok = await repo.enqueue(db, { kind: 'test.progress', createdBy: null });
    const bad = await repo.enqueue(db, { kind: 'test.fail', maxAttempts: 2 });
    await runner.drain();
    await db.query(`UPDATE jobs SET run_at = now() WHERE id = $1`, [bad]); // skip the retry backoff
    await runner.drain();
    const done = await admin.get<{ status: string; progressDone: number; progressTotal: number; result: unknown }>(
      `/api/v1/jobs/${ok}`,
    );
    assert.equal(done.body.status, 'succeeded');
    assert.equal(done.body.progressDone, 10);
    assert.deepEqual(done.body.result, { rows: 10 });
    const failed = await admin.get<{ status: string; error: string; attempts: number }>(`/api/v1/jobs/${bad}`);
    assert.equal(failed.body.status, 'failed');
    assert.equal(failed.body.attempts, 2);
    assert.equal(attempts, 2);
    assert.equal(failed.body.error, '文件格式错误');
  });

  test('a due schedule is enqueued once however many workers poll', async () => {
    const db = app.testDb.db;
    await repo.upsertSchedule(db, { name: 'test.nightly', kind: 'test.nightly', intervalSeconds: 3600 });
    const runners = [createJobRunner(db, { pollMs: 10 }), createJobRunner(db, { pollMs: 10 })];
    await Promise.all(runners.map((r) => r.tick()));
    await Promise.all(runners.map((r) => r.tick()));
    const [row] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE kind = 'test.nightly'`);
    assert.equal(row?.n, 1);
  });

  test('a station inspector cannot read another unit’s job', async () => {
    const db = app.testDb.db;
    const [bureau] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 'bureau'`);
    const id = await repo.enqueue(db, { kind: 'test.private', unitId: bureau!.id });
    const inspector = await loginAs(app, 's01.inspector');
    assert.equal((await inspector.get(`/api/v1/jobs/${id}`)).status, 404);
    assert.equal((await admin.get(`/api/v1/jobs/${id}`)).status, 200);
  });

  test('scope: a station chief sees their unit’s jobs; a self-scoped user only the jobs they started', async () => {
    const db = app.testDb.db;
    const unit = async (code: string) =>
      (await db.query<{ id: number }>('SELECT id FROM org_units WHERE code = $1', [code]))[0]!.id;
    const s01 = await unit('s01');
    const me = await selfScopedUser(app, admin, {
      username: 's01.jobs.self',
      unitCode: 's01',
      permissions: ['jobs:read'],
    });
    const mine = await repo.enqueue(db, { kind: 'test.scoped', unitId: s01, createdBy: me.id });
    const colleagues = await repo.enqueue(db, { kind: 'test.scoped', unitId: s01 });
    const elsewhere = await repo.enqueue(db, { kind: 'test.scoped', unitId: await unit('s02') });
    const listed = async (client: typeof admin) =>
      (await client.get<{ items: { id: number }[] }>('/api/v1/jobs?kind=test.scoped&limit=100')).body.items
        .map((j) => j.id)
        .sort((a, b) => a - b);
    assert.deepEqual(await listed(me.client), [mine]);
    assert.equal((await me.client.get(`/api/v1/jobs/${mine}`)).status, 200);
    assert.equal((await me.client.get(`/api/v1/jobs/${colleagues}`)).status, 404);
    const chief = await loginAs(app, 's01.chief');
    assert.deepEqual(await listed(chief), [mine, colleagues]);
    assert.equal((await chief.get(`/api/v1/jobs/${colleagues}`)).status, 200);
    assert.equal((await chief.get(`/api/v1/jobs/${elsewhere}`)).status, 404);
  });

  /** A job claimed (one attempt counted) by a worker that then died, its heartbeat `silentSeconds` old. */
  async function diedWhileRunning(kind: string, maxAttempts: number, lockedBy: string, silentSeconds: number) {
    const db = app.testDb.db;
    const id = await repo.enqueue(db, { kind, maxAttempts });
    const claimed = await repo.claimNext(db, lockedBy, [kind]);
    assert.equal(claimed?.id, id);
    await db.query(`UPDATE jobs SET heartbeat_at = now() - make_interval(secs => $2) WHERE id = $1`, [
      id,
      silentSeconds,
    ]);
    return id;
  }
  const jobState = async (id: number) =>
    (
      await app.testDb.db.query<{ status: string; attempts: number; error: string | null; finished: boolean }>(
        `SELECT status, attempts, error, finished_at IS NOT NULL AS finished FROM jobs WHERE id = $1`,
        [id],
      )
    )[0]!;

  test('a job whose process died counts that run: at max_attempts it fails, else it is retried after a backoff', async () => {
    const db = app.testDb.db;
    let runs = 0;
    const runner = createJobRunner(db, { pollMs: 10 });
    runner.register('test.died', async () => {
      runs++;
    });
    const once = await diedWhileRunning('test.died', 1, 'elsewhere:4242:gone', 600);
    assert.equal(await repo.requeueStale(db, 300), 1);
    assert.deepEqual(await jobState(once), {
      status: 'failed',
      attempts: 1,
      error: repo.PROCESS_DIED,
      finished: true,
    });
    await runner.drain();
    assert.equal(runs, 0, 'a job at max_attempts never runs again');

    const twice = await diedWhileRunning('test.died', 2, 'elsewhere:4242:gone', 600);
    await runner.tick();
    assert.deepEqual(await jobState(twice), {
      status: 'queued',
      attempts: 1,
      error: repo.PROCESS_DIED,
      finished: false,
    });
    assert.equal(runs, 0, 'retried only after the backoff');
    await db.query(`UPDATE jobs SET run_at = now() WHERE id = $1`, [twice]);
    await runner.drain();
    assert.equal(runs, 1);
    assert.deepEqual(
      { ...(await jobState(twice)), error: undefined },
      { status: 'succeeded', attempts: 2, error: undefined, finished: true },
    );
  });

  test('a restarted process recovers the jobs its dead predecessor left running within a minute, not five', async () => {
    const db = app.testDb.db;
    const dead = spawnSync(process.execPath, ['-e', '0']).pid; // a pid that has just exited
    const runner = createJobRunner(db, { pollMs: 10 });
    let runs = 0;
    runner.register('test.orphan', async () => {
      runs++;
    });
    const orphan = await diedWhileRunning('test.orphan', 1, `${hostname()}:${dead}:old001`, 90);
    // Same pid as this process (a container's pid 1) but not one of its runners: a previous process too.
    const samePid = await diedWhileRunning('test.orphan', 1, `${hostname()}:${process.pid}:old002`, 90);
    // Alive or elsewhere: left alone until their heartbeat is five minutes old.
    const alive = await diedWhileRunning('test.orphan', 1, `${hostname()}:${process.ppid}:live01`, 90);
    const remote = await diedWhileRunning('test.orphan', 1, 'another-host:1:live02', 90);
    const recent = await diedWhileRunning('test.orphan', 1, `${hostname()}:${dead}:old003`, 10);
    await runner.tick();
    assert.equal((await jobState(orphan)).status, 'failed');
    assert.equal((await jobState(orphan)).error, repo.PROCESS_DIED);
    assert.equal((await jobState(samePid)).status, 'failed');
    for (const id of [alive, remote, recent]) assert.equal((await jobState(id)).status, 'running', `job ${id}`);
    assert.equal(runs, 0);
    await db.query(`UPDATE jobs SET status = 'cancelled' WHERE id = ANY($1::bigint[])`, [[alive, remote, recent]]);
  });

  test('the sole user of the embedded database releases every job another process left running, at once', async () => {
    const db = app.testDb.db;
    const runner = createJobRunner(db, { pollMs: 10, soleDatabaseUser: true });
    runner.register('test.sole', async () => {});
    // Only a killed predecessor can have left these: the embedded database admits one process (db/data-dir-lock.ts).
    const fresh = await diedWhileRunning('test.sole', 1, 'another-host:1:live03', 1);
    const retried = await diedWhileRunning('test.sole', 3, `${hostname()}:${process.ppid}:live04`, 1);
    await runner.tick();
    assert.equal((await jobState(fresh)).status, 'failed');
    assert.equal((await jobState(fresh)).error, repo.PROCESS_DIED);
    assert.equal((await jobState(retried)).status, 'queued');
    await db.query(`UPDATE jobs SET status = 'cancelled' WHERE id = $1`, [retried]);
  });
});
