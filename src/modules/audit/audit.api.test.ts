import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { checkpoint, newestIds, rewriteAndRehash, writeRows } from '../../../tests/helpers/audit-tamper.ts';
import { selfScopedUser } from '../../../tests/helpers/scoped-users.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TAuditEntry, TAuditVerify } from '../../contracts/audit.ts';

describe('audit log: hash chain, filters, scope', () => {
  let app: TestApp;
  let admin: ApiClient;
  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    await admin.put('/api/v1/calendar/overrides/2027-01-01', { kind: 'holiday', name: '元旦' });
    await loginAs(app, 's01.chief');
  });
  after(() => app.close());

  test('writes and logins are appended and the chain verifies', async () => {
    const list = await admin.get<{ items: TAuditEntry[] }>('/api/v1/audit?limit=200');
    const actions = list.body.items.map((e) => e.action);
    assert.ok(actions.includes('calendar.override.set'));
    assert.ok(actions.includes('auth.login.success'));
    const verify = await admin.get<TAuditVerify>('/api/v1/audit/verify');
    assert.equal(verify.body.ok, true);
    assert.equal(verify.body.checked, (await app.testDb.db.query('SELECT id FROM audit_log')).length);
  });

  test('filters by action prefix and actor', async () => {
    const res = await admin.get<{ items: TAuditEntry[] }>('/api/v1/audit?action=calendar.');
    assert.ok(res.body.items.length >= 1);
    assert.ok(res.body.items.every((e) => e.action.startsWith('calendar.')));
    const adminId = res.body.items[0]!.actorId!;
    const byActor = await admin.get<{ items: TAuditEntry[] }>(`/api/v1/audit?actorId=${adminId}`);
    assert.ok(byActor.body.items.every((e) => e.actorId === adminId));
  });

  test('a station chief sees only entries of their own unit', async () => {
    const chief = await loginAs(app, 's01.chief');
    const res = await chief.get<{ items: TAuditEntry[] }>('/api/v1/audit?limit=200');
    assert.equal(res.status, 200);
    assert.ok(res.body.items.length >= 1);
    const [{ id }] = (await app.testDb.db.query<{ id: number }>(`SELECT id FROM org_units WHERE code = 's01'`)) as [
      { id: number },
    ];
    assert.ok(res.body.items.every((e) => e.unitId === id));
  });

  test('self scope: only the caller’s own actions and sign-ins, nothing else of their unit', async () => {
    const me = await selfScopedUser(app, admin, {
      username: 's01.audit.self',
      unitCode: 's01',
      permissions: ['audit:read', 'audit:login:read'],
    });
    const entries = await me.client.get<{ items: TAuditEntry[] }>('/api/v1/audit?limit=200');
    assert.equal(entries.status, 200);
    assert.ok(entries.body.items.length >= 1, 'their own login is there');
    assert.deepEqual([...new Set(entries.body.items.map((e) => e.actorId))], [me.id]);
    const logins = await me.client.get<{ items: { userId: number | null }[] }>('/api/v1/audit/logins?limit=200');
    assert.equal(logins.status, 200);
    assert.ok(logins.body.items.length >= 1);
    assert.deepEqual([...new Set(logins.body.items.map((e) => e.userId))], [me.id]);
  });

  test('editing a row in SQL breaks the chain at that row', async () => {
    const [victim] = await app.testDb.db.query<{ id: number }>(
      `SELECT id FROM audit_log WHERE action = 'calendar.override.set' ORDER BY id LIMIT 1`,
    );
    await app.testDb.db.query(`UPDATE audit_log SET detail = '{"after":{"name":"篡改"}}' WHERE id = $1`, [victim!.id]);
    const res = await admin.get<TAuditVerify>('/api/v1/audit/verify');
    assert.equal(res.body.ok, false);
    assert.equal(res.body.firstBroken?.id, victim!.id);
    assert.match(res.body.firstBroken?.reason ?? '', /篡改/);
  });

  test('deleting a row breaks the chain at the next one', async () => {
    const fresh = await startTestApp();
    try {
      const client = await loginAs(fresh, 'admin');
      const ids = (await fresh.testDb.db.query<{ id: number }>('SELECT id FROM audit_log ORDER BY id')).map(
        (r) => r.id,
      );
      await fresh.testDb.db.query('DELETE FROM audit_log WHERE id = $1', [ids[0]]);
      const res = await client.get<TAuditVerify>('/api/v1/audit/verify');
      assert.equal(res.body.ok, false);
      assert.equal(res.body.firstBroken?.id, ids[1]);
    } finally {
      await fresh.close();
    }
  });
});

describe('audit checkpoints: a keyed head catches what the chain alone cannot', () => {
  let app: TestApp;
  let admin: ApiClient;
  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
  });
  after(() => app.close());

  const verify = async () => (await admin.get<TAuditVerify>('/api/v1/audit/verify')).body;

  test('an untouched chain with checkpoints verifies, and the newest checkpoint names the head', async () => {
    await writeRows(admin, ['2027-02-01', '2027-02-02']);
    await checkpoint(app);
    await writeRows(admin, ['2027-02-03']);
    await checkpoint(app);
    const [head] = await newestIds(app.testDb.db, 1);
    const res = await verify();
    assert.equal(res.ok, true, JSON.stringify(res));
    assert.equal(res.checkpoints.ok, true);
    assert.ok(res.checkpoints.checked >= 2);
    assert.equal(res.checkpoints.newest?.auditId, head);
    assert.deepEqual(res.checkpoints.problems, []);
  });

  test('rewriting a row and re-hashing every later one is reported at the checkpoint it passes', async () => {
    const fresh = await startTestApp();
    try {
      const client = await loginAs(fresh, 'admin');
      await writeRows(client, ['2027-03-01', '2027-03-02', '2027-03-03']);
      await checkpoint(fresh);
      const [head] = await newestIds(fresh.testDb.db, 1);
      await writeRows(client, ['2027-03-04']);
      const [victim] = await fresh.testDb.db.query<{ id: number }>(
        `SELECT id FROM audit_log WHERE action = 'calendar.override.set' ORDER BY id LIMIT 1`,
      );
      await rewriteAndRehash(fresh.testDb.db, victim!.id, { after: { name: '篡改' } });
      const res = (await client.get<TAuditVerify>('/api/v1/audit/verify')).body;
      assert.equal(res.firstBroken, null, 'the re-hashed chain links up by itself');
      assert.equal(res.ok, false, JSON.stringify(res));
      const [problem] = res.checkpoints.problems;
      assert.equal(problem?.auditId, head);
      assert.match(problem?.reason ?? '', /哈希/);
      assert.match(problem?.reason ?? '', new RegExp(`检查点 #${problem?.checkpointId}`));
    } finally {
      await fresh.close();
    }
  });

  test('deleting the newest rows past a checkpoint is reported, naming the checkpoint and the row', async () => {
    const fresh = await startTestApp();
    try {
      const client = await loginAs(fresh, 'admin');
      await writeRows(client, ['2027-04-01', '2027-04-02', '2027-04-03']);
      await checkpoint(fresh);
      const ids = await newestIds(fresh.testDb.db, 3);
      await fresh.testDb.db.query('DELETE FROM audit_log WHERE id >= $1', [ids.at(-1)]);
      const res = (await client.get<TAuditVerify>('/api/v1/audit/verify')).body;
      assert.equal(res.firstBroken, null, 'what is left of the chain links up');
      assert.equal(res.ok, false, JSON.stringify(res));
      const [problem] = res.checkpoints.problems;
      assert.equal(problem?.auditId, ids[0]);
      assert.match(problem?.reason ?? '', /删除/);
      assert.match(problem?.reason ?? '', new RegExp(`第 ${ids[0]} 号`));
    } finally {
      await fresh.close();
    }
  });

  test('a checkpoint written without the key is reported as forged', async () => {
    const fresh = await startTestApp();
    try {
      const client = await loginAs(fresh, 'admin');
      await checkpoint(fresh);
      const [real] = await fresh.testDb.db.query<{ id: number }>(
        'SELECT id FROM audit_checkpoints ORDER BY id DESC LIMIT 1',
      );
      // A copy of a real checkpoint moved to a later time: everything fits except the signature.
      const [forged] = await fresh.testDb.db.query<{ id: number }>(
        `INSERT INTO audit_checkpoints (at, audit_id, audit_hash, row_count, reason, mac)
         SELECT at + interval '1 day', audit_id, audit_hash, row_count, reason, mac FROM audit_checkpoints WHERE id = $1
         RETURNING id`,
        [real!.id],
      );
      const res = (await client.get<TAuditVerify>('/api/v1/audit/verify')).body;
      assert.equal(res.ok, false, JSON.stringify(res));
      assert.deepEqual(
        res.checkpoints.problems.map((p) => p.checkpointId),
        [forged!.id],
      );
      assert.match(res.checkpoints.problems[0]!.reason, /签名/);
    } finally {
      await fresh.close();
    }
  });
});
