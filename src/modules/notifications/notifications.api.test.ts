import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { makeEntity } from '../../../tests/helpers/factories.ts';
import { drawnTask, insertEntities } from '../../../tests/helpers/spot-check-factories.ts';
import { type ApiClient, loginAs, startTestApp, type TestApp } from '../../../tests/helpers/test-app.ts';
import type { TLeadDetail } from '../../contracts/case-leads.ts';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { TEntityDetail } from '../../contracts/entities.ts';
import type { TNotification } from '../../contracts/notifications.ts';
import type { TOrgUnit } from '../../contracts/org.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { notify } from './published.ts';

type Page = { items: TNotification[]; nextCursor: string | null };

/**
 * Notifications end to end: notify() inside a transaction, the recipient's list, count and mark-read (nobody
 * else's, not even with `all` scope), dedupe, the digest, the passive count poll, and the producers in 12315
 * (转办, overdue) and case approvals (待审批, 退回).
 */
describe('notifications', () => {
  let app: TestApp;
  let admin: ApiClient;
  let chief: ApiClient;
  let inspector: ApiClient;
  let hotline: ApiClient;
  const ids: Record<string, number> = {};
  let s01: number;
  let entity: TEntityDetail;

  const count = async (c: ApiClient) =>
    (await c.get<{ unread: number }>('/api/v1/notifications/unread-count')).body.unread;
  const unread = async (c: ApiClient) => (await c.get<Page>('/api/v1/notifications?unread=true&limit=100')).body.items;
  const userId = async (username: string) => {
    const [row] = await app.testDb.db.query<{ id: number }>('SELECT id FROM users WHERE username = $1', [username]);
    return Number(row!.id);
  };
  const markAllRead = async (...clients: ApiClient[]) => {
    for (const c of clients) assert.equal((await c.post('/api/v1/notifications/read-all', {})).status, 200);
  };

  before(async () => {
    app = await startTestApp();
    admin = await loginAs(app, 'admin');
    chief = await loginAs(app, 's01.chief');
    inspector = await loginAs(app, 's01.inspector');
    hotline = await loginAs(app, 'hotline');
    for (const u of ['admin', 's01.chief', 's01.inspector', 'hotline']) ids[u] = await userId(u);
    const units = (await admin.get<TOrgUnit[]>('/api/v1/org/units')).body;
    s01 = units.find((u) => u.code === 's01')!.id;
    entity = (await admin.post<TEntityDetail>('/api/v1/entities', makeEntity({ stationId: s01 }))).body;
  });
  after(() => app.close());

  test('notify writes one row per recipient in the caller’s transaction; a dedupe key tells nobody twice', async () => {
    const send = (key?: string) =>
      app.testDb.db.transaction((tx) =>
        notify(tx, {
          userIds: [ids['s01.inspector']!, ids['s01.chief']!, ids['s01.inspector']!],
          kind: 'overdue',
          title: '测试通知',
          link: '/complaints',
          subjectType: 'complaint',
          subjectId: 7,
          dedupeKey: key,
        }),
      );
    await send('overdue:complaint:7:2026-12-03');
    await send('overdue:complaint:7:2026-12-03');
    assert.equal(await count(inspector), 1);
    assert.equal(await count(chief), 1);
    // Rolled back with the change that caused it.
    await app.testDb.db
      .transaction(async (tx) => {
        await notify(tx, { userIds: [ids['s01.inspector']!], kind: 'assigned', title: '回滚的通知' });
        throw new Error('rollback');
      })
      .catch(() => {});
    const [mine] = await unread(inspector);
    assert.equal(mine?.title, '测试通知');
    assert.equal(mine?.subjectId, '7');
    assert.equal(await count(inspector), 1);
  });

  test('a notification is its recipient’s alone: admin (scope all) neither lists, counts nor marks it', async () => {
    const [mine] = await unread(inspector);
    assert.ok(mine);
    assert.equal(
      (await unread(admin)).some((n) => n.id === mine.id),
      false,
    );
    assert.equal((await admin.post(`/api/v1/notifications/${mine.id}/read`, {})).status, 404);
    assert.equal((await chief.post(`/api/v1/notifications/${mine.id}/read`, {})).status, 404);
    const read = await inspector.post<TNotification>(`/api/v1/notifications/${mine.id}/read`, {});
    assert.equal(read.status, 200);
    assert.ok(read.body.readAt);
    assert.equal(await count(inspector), 0);
    assert.equal(await count(chief), 1, 'the chief’s own copy is untouched');
    const all = (await inspector.get<Page>('/api/v1/notifications')).body.items;
    assert.equal(all.length, 1, 'read rows stay in the full list');
    assert.equal((await inspector.post('/api/v1/notifications/999999999/read', {})).status, 404);
    assert.equal((await inspector.get('/api/v1/notifications?limit=0')).status, 422);
    await markAllRead(chief);
    assert.equal(await count(chief), 0);
  });

  test('keyset pages, newest first', async () => {
    await app.testDb.db.transaction(async (tx) => {
      for (let i = 1; i <= 5; i++) await notify(tx, { userIds: [ids.hotline!], kind: 'assigned', title: `第${i}条` });
    });
    const first = (await hotline.get<Page>('/api/v1/notifications?limit=2')).body;
    assert.deepEqual(
      first.items.map((n) => n.title),
      ['第5条', '第4条'],
    );
    const second = (await hotline.get<Page>(`/api/v1/notifications?limit=2&cursor=${first.nextCursor}`)).body;
    assert.deepEqual(
      second.items.map((n) => n.title),
      ['第3条', '第2条'],
    );
  });

  test('the daily digest: one per user with unread items, once a day', async () => {
    await app.services.notifications.digest();
    await app.services.notifications.digest();
    const digests = (await unread(hotline)).filter((n) => n.kind === 'digest');
    assert.equal(digests.length, 1);
    assert.equal(digests[0]!.title, '您有 5 条未读消息');
    assert.match(digests[0]!.body ?? '', /分派给我 5 条/);
    assert.equal((await unread(inspector)).length, 0, 'nothing unread: no digest');
    const [row] = await app.testDb.db.query<{ k: string }>(
      `SELECT dedupe_key AS k FROM notifications WHERE kind = 'digest' AND user_id = $1`,
      [ids.hotline],
    );
    assert.equal(row?.k, `digest:${shanghaiToday()}`);
    await markAllRead(hotline);
  });

  test('the bell’s count poll does not keep an idle session alive; other calls do', async () => {
    const seen = async () => {
      const [row] = await app.testDb.db.query<{ t: string }>(
        `SELECT max(last_seen_at)::text AS t FROM sessions WHERE user_id = $1`,
        [ids.hotline],
      );
      return row!.t;
    };
    await app.testDb.db.query(`UPDATE sessions SET last_seen_at = now() - interval '5 minutes' WHERE user_id = $1`, [
      ids.hotline,
    ]);
    const before = await seen();
    await count(hotline);
    assert.equal(await seen(), before);
    await hotline.get('/api/v1/notifications');
    assert.notEqual(await seen(), before);
  });

  test('12315 转办 to a handler tells the handler; overdue tells the chiefs and the handler once', async () => {
    const filed = await hotline.post<{ items: { id: number }[] }>('/api/v1/complaints', {
      kind: 'complaint',
      channel: 'phone',
      person: { name: '测试', phone: '13900000000' },
      business: { entityId: entity.id },
      description: '通知测试：预付卡无法退款。',
    });
    assert.equal(filed.status, 201, JSON.stringify(filed.body));
    const id = filed.body.items[0]!.id;
    const item = (await chief.get<TComplaintDetail>(`/api/v1/complaints/${id}`)).body;
    const res = await chief.post(`/api/v1/complaints/${id}/reassign`, {
      handlerId: ids['s01.inspector'],
      reason: '请尽快核实',
      version: item.version,
    });
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(await count(inspector), 1);
    const [n] = await unread(inspector);
    assert.equal(n?.kind, 'assigned');
    assert.equal(n?.link, `/complaints/${id}`);
    assert.equal(n?.body, '请尽快核实');
    assert.match(n!.title, new RegExp(item.trackingCode));

    await app.testDb.db.query(`UPDATE complaint_deadlines SET due_on = DATE '2020-01-02' WHERE complaint_id = $1`, [
      id,
    ]);
    await app.services.complaintWorkflow.escalateOverdue();
    await app.services.complaintWorkflow.escalateOverdue();
    const overdue = (await unread(inspector)).filter((x) => x.kind === 'overdue');
    assert.equal(overdue.length, 1);
    assert.equal((await unread(chief)).filter((x) => x.kind === 'overdue' && x.subjectId === String(id)).length, 1);
    await markAllRead(inspector, chief);
  });

  test('a case approval tells the next approvers; a return tells the requester', async () => {
    const created = await inspector.post<TLeadDetail>('/api/v1/case-leads', {
      sourceType: 'staff',
      entityId: entity.id,
      summary: '通知测试线索：销售过期食品',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const lead = created.body;
    const moved = await inspector.post(`/api/v1/case-leads/${lead.id}/transitions`, {
      version: lead.version,
      action: 'extend',
      reason: '检验报告尚未出具',
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    const asked = (await unread(chief)).filter((n) => n.kind === 'approval-needed');
    assert.equal(asked.length, 1);
    assert.equal(asked[0]!.link, '/cases/approvals');
    assert.equal(asked[0]!.subjectId, String(lead.id));
    assert.equal(await count(inspector), 0, 'the requester is not asked to approve their own request');
    assert.equal(
      (await unread(await loginAs(app, 's02.chief'))).length,
      0,
      'another station’s chief cannot approve it and is not told',
    );

    const inbox = await chief.get<{ items: { id: number; leadId: number | null }[] }>(
      '/api/v1/case-approvals?mine=pending',
    );
    const row = inbox.body.items.find((a) => a.leadId === lead.id)!;
    const returned = await chief.post(`/api/v1/case-approvals/${row.id}/decision`, {
      outcome: 'returned',
      comment: '理由不充分',
    });
    assert.equal(returned.status, 200, JSON.stringify(returned.body));
    const [back] = await unread(inspector);
    assert.equal(back?.kind, 'returned');
    assert.match(back?.body ?? '', /理由不充分/);
  });

  test('a spot-check draw tells each drawn inspector with an account how many visits are theirs', async () => {
    const db = app.testDb.db;
    await insertEntities(db, { count: 3, stationCode: 's02', riskClass: 'B' });
    const task = await drawnTask(admin, db, { name: '通知测试抽查', stationCodes: ['s02'], itemCodes: ['DJ-01'] });
    const drawn = await db.query<{ userId: number; visits: number }>(
      `SELECT vi.user_id AS "userId", count(*)::int AS visits
         FROM spot_check_visits v JOIN spot_check_inspectors vi ON vi.id = ANY (v.inspector_ids)
        WHERE $1::bigint = ANY (v.task_ids) AND vi.user_id IS NOT NULL GROUP BY vi.user_id`,
      [task.id],
    );
    assert.ok(drawn.length > 0, 'the demo inspectors have accounts');
    const told = await db.query<{ userId: number; title: string }>(
      `SELECT user_id AS "userId", title FROM notifications
        WHERE kind = 'assigned' AND subject_type = 'spot-check-task' AND subject_id = $1`,
      [String(task.id)],
    );
    assert.deepEqual(
      told.map((n) => Number(n.userId)).sort((a, b) => a - b),
      drawn.map((d) => Number(d.userId)).sort((a, b) => a - b),
    );
    assert.match(told[0]!.title, /通知测试抽查/);
  });
});
