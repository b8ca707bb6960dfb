import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
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
