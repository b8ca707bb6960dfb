import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { testDbKind } from '../../tests/helpers/test-db.ts';
import type { TComplaintDetail } from '../contracts/complaints.ts';
import { AppError } from '../platform/errors.ts';

const skip = testDbKind() === 'postgresql' ? false : 'PGlite is embedded: there is no server connection to lose';

type Intake = { items: { id: number; trackingCode: string }[] };
type Problem = { status: number; code: string; detail: string };

/** A second connection to the test database only: it terminates the app's backends, never another database's. */
async function adminOf(app: TestApp) {
  const admin = new pg.Client({ connectionString: app.testDb.url! });
  await admin.connect();
  return {
    client: admin,
    /** Backends of this database except the admin's own; `where` narrows them (e.g. waiting on a lock). */
    async terminate(where = 'true'): Promise<number> {
      const rows = await admin.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND ${where}`,
      );
      return rows.rowCount ?? 0;
    },
    end: () => admin.end(),
  };
}

const person = { name: '断线测试', phone: '13912345678' };
const complaint = (n: number) => ({
  kind: 'complaint',
  person,
  business: { name: '佛山市南海区某某餐饮店', address: `南海区里水镇和顺大道${n}号` },
  description: `在店内就餐后发现菜品变质，要求退款。编号${n}`,
});

describe('PostgreSQL connections lost under load (issue 9, point 3)', { skip }, () => {
  let app: TestApp;
  // An 'error' event nobody listens to ends the process; the runner would report it as a crash of this file.
  const uncaught: unknown[] = [];
  const onUncaught = (err: unknown) => uncaught.push(err);

  before(async () => {
    process.on('uncaughtException', onUncaught);
    app = await startTestApp({ env: { PUBLIC_RATE_LIMIT_PER_MINUTE: '100000', JOB_POLL_MS: '50' } });
  });
  after(async () => {
    await app.close();
    process.off('uncaughtException', onUncaught);
  });

  test('a connection terminated while idle in a transaction: the caller gets UNAVAILABLE, the pool goes on', async () => {
    const admin = await adminOf(app);
    try {
      const err = await app.testDb.db
        .transaction(async (tx) => {
          await tx.query('SELECT 1');
          assert.equal(await admin.terminate(`state = 'idle in transaction'`), 1);
          await sleep(200); // the server's 57P01 and the socket's end arrive while the client is checked out
          await tx.query('SELECT 1');
        })
        .catch((e: unknown) => e);
      assert.ok(err instanceof AppError && err.code === 'UNAVAILABLE', String(err));
      assert.deepEqual(await app.testDb.db.query('SELECT 1 AS n'), [{ n: 1 }]);
      assert.deepEqual(uncaught, []);
    } finally {
      await admin.end();
    }
  });

  test('a request whose transaction is cut off answers 503 problem+json; the next one succeeds', async () => {
    const hotline = await loginAs(app, 'hotline');
    const intake = await hotline.post<Intake>('/api/v1/complaints', { ...complaint(0), channel: 'phone' });
    assert.equal(intake.status, 201, JSON.stringify(intake.body));
    const id = intake.body.items[0]!.id;
    const { version } = (await hotline.get<TComplaintDetail>(`/api/v1/complaints/${id}`)).body;

    const admin = await adminOf(app);
    try {
      // The row lock holds the request inside its transaction until its backend is terminated.
      await admin.client.query('BEGIN');
      await admin.client.query('SELECT id FROM complaints WHERE id = $1 FOR UPDATE', [id]);
      const answer = hotline.post<Problem>(`/api/v1/complaints/${id}/transitions`, { action: 'accept', version });
      let terminated = 0;
      for (let i = 0; i < 100 && terminated === 0; i++) {
        await sleep(50);
        terminated = await admin.terminate(`wait_event_type = 'Lock'`);
      }
      assert.equal(terminated, 1, 'the request was waiting on the lock');
      const res = await answer;
      assert.equal(res.status, 503, JSON.stringify(res.body));
      assert.match(res.headers.get('content-type') ?? '', /^application\/problem\+json/);
      assert.equal(res.body.code, 'UNAVAILABLE');
      assert.match(res.body.detail, /数据库暂时不可用/);
      assert.ok(Number(res.headers.get('retry-after')) > 0);
      await admin.client.query('ROLLBACK');
    } finally {
      await admin.end();
    }
    const again = await hotline.post<TComplaintDetail>(`/api/v1/complaints/${id}/transitions`, {
      action: 'accept',
      version,
    });
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.status, 'accepted');
    assert.equal((await new ApiClient(app.baseUrl).get('/api/v1/health')).status, 200);
    assert.deepEqual(uncaught, []);
  });

  test('all backends terminated during a burst of public intakes: every 2xx is stored, then it serves again', async () => {
    app.services.jobRunner.start();
    const anon = new ApiClient(app.baseUrl);
    const admin = await adminOf(app);
    const answers: { n: number; status: number; body: Intake & Problem }[] = [];
    let next = 1;
    const worker = async () => {
      while (next <= 400) {
        const n = next++;
        const res = await anon.request<Intake & Problem>('POST', '/api/v1/public/complaints', complaint(n));
        answers.push({ n, status: res.status, body: res.body });
      }
    };
    const burst = Promise.all(Array.from({ length: 24 }, worker));
    let cuts = 0;
    try {
      for (const at of [60, 180, 300]) {
        while (next < at) await sleep(5);
        cuts += await admin.terminate();
      }
      await burst;
    } finally {
      await admin.end();
    }
    assert.ok(cuts > 0, 'backends were terminated');

    const statuses = new Map<number, typeof answers>();
    for (const a of answers) statuses.set(a.status, [...(statuses.get(a.status) ?? []), a]);
    assert.deepEqual(
      [...statuses.keys()].filter((s) => s !== 201 && s !== 503),
      [],
      `only 201 or 503: ${JSON.stringify(answers.filter((a) => a.status !== 201 && a.status !== 503).slice(0, 3))}`,
    );
    for (const a of statuses.get(503) ?? []) assert.equal(a.body.code, 'UNAVAILABLE');
    const acknowledged = (statuses.get(201) ?? []).map((a) => a.body.items[0]!.trackingCode);
    const stored = await app.testDb.db.query<{ trackingCode: string }>(
      'SELECT tracking_code AS "trackingCode" FROM complaints WHERE tracking_code = ANY($1::text[])',
      [acknowledged],
    );
    assert.equal(stored.length, acknowledged.length, 'every acknowledged submission is in the database');

    const after = await anon.request<Intake>('POST', '/api/v1/public/complaints', complaint(999));
    assert.equal(after.status, 201, JSON.stringify(after.body));
    // The job runner's loop survived its failed polls: a job queued now still runs.
    const [job] = await app.testDb.db.query<{ id: number }>(
      `INSERT INTO jobs (kind, payload) VALUES ('sessions.cleanup', '{}') RETURNING id`,
    );
    let status = '';
    for (let i = 0; i < 100 && status !== 'succeeded'; i++) {
      await sleep(50);
      [{ status }] = (await app.testDb.db.query<{ status: string }>('SELECT status FROM jobs WHERE id = $1', [
        job!.id,
      ])) as [{ status: string }];
    }
    assert.equal(status, 'succeeded');
    assert.deepEqual(uncaught, []);
    console.log(
      `burst: ${answers.length} intakes, ${acknowledged.length} acknowledged (all stored), ` +
        `${statuses.get(503)?.length ?? 0} answered 503, ${cuts} backends terminated`,
    );
  });
});
