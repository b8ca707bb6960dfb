import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Actor } from '../../platform/actor.ts';
import type { PendingItem, PendingItemsProvider } from './provider.ts';
import { createInboxService, weekEndOf } from './service.ts';

const actor = { userId: 1, permissions: new Set(['complaint:read']) } as unknown as Actor;
const item = (module: string, id: number, dueOn: string | null, isApproval = false): PendingItem => ({
  module,
  kind: 'step',
  id,
  title: `${module} ${id}`,
  dueOn,
  isApproval,
  link: `/${module}/${id}`,
});
const provider = (module: string, items: PendingItem[], applies = true): PendingItemsProvider => ({
  module,
  appliesTo: () => applies,
  async pending() {
    return { items, counts: { overdue: 1, dueToday: 1, dueWeek: 1, approvals: 1 } };
  },
});

test('the week ends on Sunday (a Monday-first week); a Sunday is its own end', () => {
  assert.equal(weekEndOf('2026-12-03'), '2026-12-06'); // Thursday
  assert.equal(weekEndOf('2026-12-07'), '2026-12-13'); // Monday
  assert.equal(weekEndOf('2026-12-06'), '2026-12-06'); // Sunday
  assert.equal(weekEndOf('2026-12-31'), '2027-01-03');
});

test('items from every module are grouped by due date, oldest first, limited per group, counts summed', async () => {
  const now = () => new Date('2026-12-03T04:00:00Z'); // Thursday 12:00 in Shanghai
  const inbox = createInboxService(
    [
      provider('a', [item('a', 1, '2026-12-01'), item('a', 2, '2026-12-03'), item('a', 3, '2026-12-05')]),
      provider('b', [item('b', 1, '2026-11-20'), item('b', 2, null, true), item('b', 3, '2026-12-20')]),
      provider('c', [item('c', 1, '2026-01-01')], false),
    ],
    { now },
  );
  const box = await inbox.inbox(actor, 5);
  assert.equal(box.today, '2026-12-03');
  assert.equal(box.weekEnd, '2026-12-06');
  assert.deepEqual(box.modules, ['a', 'b']);
  assert.deepEqual(
    box.groups.overdue.map((i) => `${i.module}${i.id}`),
    ['b1', 'a1'],
  );
  assert.deepEqual(
    box.groups.dueToday.map((i) => `${i.module}${i.id}`),
    ['a2'],
  );
  assert.deepEqual(
    box.groups.dueWeek.map((i) => `${i.module}${i.id}`),
    ['a3'],
  );
  assert.deepEqual(
    box.groups.approvals.map((i) => `${i.module}${i.id}`),
    ['b2'],
  );
  assert.deepEqual(box.counts, { overdue: 2, dueToday: 2, dueWeek: 2, approvals: 2 });
  assert.equal((await inbox.inbox(actor, 1)).groups.overdue.length, 1);
});

test('a module registered twice is refused at start', () => {
  assert.throws(() => createInboxService([provider('a', []), provider('a', [])]), /重复登记/);
});
