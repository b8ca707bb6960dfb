import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import pg from 'pg';
import { makeEntity } from '../../tests/helpers/factories.ts';
import { ApiClient, loginAs, startTestApp, type TestApp } from '../../tests/helpers/test-app.ts';
import { createTestDb, type TestDb, testDbKind } from '../../tests/helpers/test-db.ts';
import type { TEntityDetail } from '../contracts/entities.ts';
import type { TOrgUnit } from '../contracts/org.ts';
import type { TSearchResult } from '../contracts/search.ts';
import { runAsCaller } from './read-context.ts';
import { isPlainRead, lsnFromClient, openReadRouter, parseLsn, type ReadRouter } from './read-router.ts';

/**
 * Read replicas (src/db/read-router.ts) against a real streaming replica: `bash scripts/replica.sh start` makes one
 * on port 5433 (.ci/run does it before the PostgreSQL pass). TEST_DATABASE_READ_URL names another replica server;
 * when it is set, a replica that does not answer fails the test instead of skipping it.
 */
const replicaServer = process.env.TEST_DATABASE_READ_URL ?? 'postgres://postgres@127.0.0.1:5433/postgres';

function onReplica(primaryUrl: string): string {
  const u = new URL(primaryUrl);
  const r = new URL(replicaServer);
  u.host = r.host;
  return u.toString();
}

async function inRecovery(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const { rows } = await client.query('SELECT pg_is_in_recovery() AS r');
    return rows[0]?.r === true;
  } finally {
    await client.end().catch(() => {});
  }
}

async function replicaSkipReason(): Promise<string | false> {
  if (testDbKind() !== 'postgresql') return 'PGlite has no streaming replicas (the reader is the primary)';
  try {
    if (await inRecovery(replicaServer)) return false;
    return `${new URL(replicaServer).host} is not a standby`;
  } catch (err) {
    if (process.env.TEST_DATABASE_READ_URL) throw err;
    return `no replica at ${new URL(replicaServer).host}: run \`bash scripts/replica.sh start\``;
  }
}

async function waitFor(what: string, cond: () => Promise<boolean> | boolean, ms = 120_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Runs SQL on the replica server itself (pause/resume replay). */
async function onReplicaServer(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: replicaServer });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const pauseReplay = () => onReplicaServer('SELECT pg_wal_replay_pause()');
const resumeReplay = () => onReplicaServer('SELECT pg_wal_replay_resume()');

const asCaller = <T>(key: string, fn: () => Promise<T>) => runAsCaller({ key }, fn);
const standbyAnswered = async (router: ReadRouter, key = 'reader') =>
  (await asCaller(key, () => router.reader.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')))[0]?.r;

const skip = await replicaSkipReason().catch((err) => {
  throw new Error(`TEST_DATABASE_READ_URL is set but the replica does not answer: ${err}`);
});

describe('read routing rules (no database)', () => {
  test('WAL positions compare as numbers', () => {
    assert.ok(parseLsn('1/0') > parseLsn('0/FFFFFFFF'));
    assert.equal(parseLsn('0/16B3748'), 0x16b3748n);
  });

  test('a WAL position from a client is taken only in its own form', () => {
    assert.equal(lsnFromClient('16/B374D848'), parseLsn('16/B374D848'));
    for (const bad of [undefined, '', '16', '16/B374D848; x=1', '-1/0', '123456789/0', 'zz/00'])
      assert.equal(lsnFromClient(bad), undefined, String(bad));
  });

  test('only plain reads may go to a replica', () => {
    assert.ok(isPlainRead('SELECT id FROM entities WHERE name % $1'));
    assert.ok(isPlainRead('  with x AS (SELECT 1) SELECT * FROM x'));
    assert.ok(!isPlainRead('INSERT INTO audit_log (x) VALUES (1)'));
    assert.ok(!isPlainRead('WITH x AS (DELETE FROM jobs RETURNING id) SELECT count(*) FROM x'));
    assert.ok(!isPlainRead('SELECT id FROM jobs FOR UPDATE SKIP LOCKED'));
    assert.ok(!isPlainRead("SELECT nextval('complaint_seq')"));
  });
});

describe('PGlite with DATABASE_READ_URL', { skip: testDbKind() !== 'pglite' && 'runs on PGlite only' }, () => {
  test('the setting is ignored with a warning: the embedded database serves every read', async () => {
    const app = await startTestApp({ env: { DATABASE_READ_URL: 'postgres://postgres@127.0.0.1:1/none' } });
    try {
      assert.equal(app.reads, null);
      const admin = await loginAs(app, 'admin');
      assert.equal((await admin.get('/api/v1/search?q=%E5%92%8C%E9%A1%BA')).status, 200);
    } finally {
      await app.close();
    }
  });
});

describe('a replica URL that does not answer at boot', {
  skip: testDbKind() !== 'postgresql' && 'PostgreSQL only',
}, () => {
  test('gets a clear message and the primary answers the reads', async () => {
    const testDb = await createTestDb();
    const warnings: string[] = [];
    const router = await openReadRouter(testDb.db, {
      urls: ['postgres://postgres:secret@127.0.0.1:1/nowhere'],
      maxLagMs: 1000,
      pollMs: 100,
      log: { info: () => {}, warn: (m) => warnings.push(m) },
    });
    try {
      assert.match(warnings.join('\n'), /只读副本 127\.0\.0\.1:1\/nowhere 暂不使用：无法连接.*读请求由主库处理/);
      assert.doesNotMatch(warnings.join('\n'), /secret/);
      assert.equal(await standbyAnswered(router), false);
      assert.deepEqual(router.served(), { replica: 0, primary: 1 });
    } finally {
      await router.close();
      await testDb.close();
    }
  });
});

describe('primary + streaming replica', { skip: skip || false }, () => {
  let testDb: TestDb;
  let replicaUrl: string;

  before(async () => {
    testDb = await createTestDb();
    replicaUrl = onReplica(testDb.url as string);
    // CREATE DATABASE reaches the standby through the WAL like any write.
    await waitFor('the test database on the replica', () => inRecovery(replicaUrl).catch(() => false));
  });
  after(async () => {
    await resumeReplay().catch(() => {});
    await testDb?.close();
  });

  const open = (maxLagMs: number, warnings: string[] = []) =>
    openReadRouter(testDb.db, {
      urls: [replicaUrl],
      maxLagMs,
      pollMs: 50,
      log: { info: () => {}, warn: (m) => warnings.push(m) },
    });

  test('a request’s plain read goes to the replica; writes, transactions and reads outside a request go to the primary', async () => {
    const router = await open(600_000);
    try {
      assert.equal(await standbyAnswered(router), true);
      const outside = await router.reader.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
      assert.equal(outside[0]?.r, false, 'a job or the CLI reads the primary');
      const inTx = await asCaller('reader', () =>
        router.reader.transaction((tx) => tx.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r')),
      );
      assert.equal(inTx[0]?.r, false);
      await asCaller('reader', () => router.reader.query('CREATE TABLE replica_probe (id int)'));
      assert.deepEqual(router.served(), { replica: 1, primary: 2 });
    } finally {
      await router.close();
    }
  });

  test('a replica behind by more than REPLICA_MAX_LAG_MS is skipped until it catches up', async () => {
    const warnings: string[] = [];
    const router = await open(2000, warnings);
    try {
      await pauseReplay();
      await testDb.db.query('CREATE TABLE IF NOT EXISTS replica_probe (id int)');
      await testDb.db.query('INSERT INTO replica_probe VALUES (1)');
      await waitFor('the lag to pass 2 s', () => router.status()[0]?.usable === false, 10_000);
      assert.ok((router.status()[0]?.lagMs ?? 0) > 2000);
      assert.match(warnings.join('\n'), /复制延迟 \d+ ms，超过 REPLICA_MAX_LAG_MS=2000/);
      assert.equal(await standbyAnswered(router), false);
      await resumeReplay();
      await waitFor('the replica to catch up', () => router.status()[0]?.usable === true, 120_000);
      assert.equal(await standbyAnswered(router), true);
    } finally {
      await resumeReplay();
      await router.close();
    }
  });

  test('read-your-writes: the writer reads the primary until the replica has its write; others keep the replica', async () => {
    const app: TestApp = await startTestApp({
      testDb,
      env: { DATABASE_READ_URL: replicaUrl, REPLICA_MAX_LAG_MS: '600000', REPLICA_POLL_MS: '50' },
    });
    try {
      const reads = app.reads as ReadRouter;
      const writer: ApiClient = await loginAs(app, 'admin');
      const other: ApiClient = await loginAs(app, 'admin');
      const search = async (client: ApiClient, q: string) => {
        const res = await client.get<TSearchResult>(`/api/v1/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.groups.flatMap((g) => g.hits.map((h) => h.title));
      };
      // Both logins have reached the replica: both sessions read from it.
      await waitFor('logins replayed', async () => {
        const before = reads.served().replica;
        await search(writer, '无此名称');
        await search(other, '无此名称');
        return reads.served().replica - before >= 2;
      });

      await pauseReplay();
      const units = (await writer.get<TOrgUnit[]>('/api/v1/org/units')).body;
      const stationId = units.find((u) => u.code === 's01')?.id;
      const name = '佛山市南海区只读副本验证五金商行';
      const created = await writer.post<TEntityDetail>('/api/v1/entities', makeEntity({ name, stationId }));
      assert.equal(created.status, 201, JSON.stringify(created.body));

      const replicaBefore = reads.served().replica;
      assert.ok((await search(writer, name)).includes(name), 'the writer finds what they just registered');
      assert.equal(reads.served().replica, replicaBefore, "the writer's search was answered by the primary");
      assert.ok(!(await search(other, name)).includes(name), 'another session still reads the paused replica');
      assert.ok(reads.served().replica > replicaBefore);

      await resumeReplay();
      await waitFor('the writer back on the replica', async () => {
        const before = reads.served().replica;
        const found = (await search(writer, name)).includes(name);
        return found && reads.served().replica > before;
      });
    } finally {
      await resumeReplay();
      await app.close();
    }
  });

  test('read-your-writes across two app nodes: the WAL position travels in a cookie', async () => {
    const env = { DATABASE_READ_URL: replicaUrl, REPLICA_MAX_LAG_MS: '600000', REPLICA_POLL_MS: '50' };
    const nodeA = await startTestApp({ testDb, env });
    const nodeB = await startTestApp({ testDb, env });
    try {
      const readsB = nodeB.reads as ReadRouter;
      const onA = await loginAs(nodeA, 'admin');
      const search = async (client: ApiClient, q: string) => {
        const res = await client.get<TSearchResult>(`/api/v1/search?q=${encodeURIComponent(q)}`);
        assert.equal(res.status, 200, JSON.stringify(res.body));
        return res.body.groups.flatMap((g) => g.hits.map((h) => h.title));
      };
      const onB = () => {
        const client = new ApiClient(nodeB.baseUrl);
        client.cookie = onA.cookie;
        client.csrfToken = onA.csrfToken;
        return client;
      };
      await waitFor('the login replayed', async () => {
        const before = readsB.served().replica;
        await search(onB(), '无此名称');
        return readsB.served().replica > before;
      });

      await pauseReplay();
      const units = (await onA.get<TOrgUnit[]>('/api/v1/org/units')).body;
      const name = '佛山市南海区两节点读己所写验证商行';
      const created = await onA.post<TEntityDetail>(
        '/api/v1/entities',
        makeEntity({ name, stationId: units.find((u) => u.code === 's01')?.id }),
      );
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.match(onA.cookie, /sj_wal=[0-9A-F]+\/[0-9A-F]+/, 'the write answer carries its WAL position');

      const replicaBefore = readsB.served().replica;
      assert.ok((await search(onB(), name)).includes(name), 'node B sends the writer to the primary');
      assert.equal(readsB.served().replica, replicaBefore);
      const withoutMark = new ApiClient(nodeB.baseUrl);
      withoutMark.cookie = onA.cookie.replace(/;?\s*sj_wal=[^;]*/, '');
      assert.ok(
        !(await search(withoutMark, name)).includes(name),
        'without the cookie node B reads the paused replica',
      );
      assert.ok(readsB.served().replica > replicaBefore);

      await resumeReplay();
      await waitFor('the writer back on the replica at node B', async () => {
        const before = readsB.served().replica;
        const found = (await search(onB(), name)).includes(name);
        return found && readsB.served().replica > before;
      });
    } finally {
      await resumeReplay();
      await nodeA.close();
      await nodeB.close();
    }
  });

  test('a stopped replica: reads fall back to the primary with no error, and return to it once it is back', async (t) => {
    const version = readdirSync('/etc/postgresql').sort().at(-1) as string;
    const ctl = (action: string) =>
      execFileSync(
        'pg_ctlcluster',
        ['--skip-systemctl-redirect', version, 'replica', action, ...(action === 'stop' ? ['-m', 'fast'] : [])],
        {
          stdio: 'pipe',
        },
      );
    if (new URL(replicaServer).port !== '5433' || (process.getuid?.() !== 0 && process.env.USER !== 'postgres')) {
      t.skip('stopping the replica needs the local cluster of scripts/replica.sh and root or postgres');
      return;
    }
    const app = await startTestApp({
      testDb,
      env: { DATABASE_READ_URL: replicaUrl, REPLICA_MAX_LAG_MS: '600000', REPLICA_POLL_MS: '50' },
    });
    const reads = app.reads as ReadRouter;
    try {
      const reader = await loginAs(app, 'admin');
      await waitFor('the replica in use', async () => {
        const before = reads.served().replica;
        await reader.get('/api/v1/search?q=%E5%92%8C%E9%A1%BA');
        return reads.served().replica > before;
      });
      ctl('stop');
      for (let i = 0; i < 5; i++) {
        const res = await reader.get('/api/v1/search?q=%E5%92%8C%E9%A1%BA');
        assert.equal(res.status, 200, JSON.stringify(res.body));
      }
      assert.equal(reads.status()[0]?.usable, false);
      assert.match(reads.status()[0]?.reason ?? '', /无法连接|查询失败/);
      assert.equal(await standbyAnswered(reads), false);
    } finally {
      ctl('start');
    }
    try {
      await waitFor('the replica back in use', async () => (await standbyAnswered(reads)) === true);
    } finally {
      await app.close();
    }
  });
});
