import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import type { PendingItemsProvider, PendingWindow } from '../inbox/provider.ts';
import { honourListKind, honourStationReach } from './access.ts';
import { awaitingChief, stationsOfMonth } from './repos/honour.ts';
import { lastMonth } from './services/honour.ts';

/**
 * 红黑榜 in the chief's work inbox (food:approve, in reach): a list drafted and not yet approved, or approved and not
 * yet published, is an approval; and from the `publishByDay` of a month, a station of the chief's reach with no
 * published list of last month is due that day (overdue after it).
 */
export function foodHonourPendingItems(db: Db, opts: { publishByDay: number }): PendingItemsProvider {
  const dueOf = (today: string) => `${today.slice(0, 8)}${String(opts.publishByDay).padStart(2, '0')}`;

  async function unpublished(actor: Actor, w: PendingWindow) {
    const dueOn = dueOf(w.today);
    if (w.today < dueOn) return [];
    const month = lastMonth(w.today);
    const rows = await stationsOfMonth(db, {
      month,
      stationIds: honourStationReach(actor),
      unpublishedOnly: true,
      limit: w.countCap,
    });
    return rows.map((r) => ({
      module: 'food-honour',
      kind: 'unpublished',
      id: r.stationId,
      title: `${r.stationName} · ${month} 红黑榜未发布`,
      dueOn,
      isApproval: false,
      link: `/food/honour-lists?month=${month}&station=${r.stationId}`,
      unitName: r.stationName,
    }));
  }

  return {
    module: 'food-honour',
    appliesTo: (actor) => actor.permissions.has('food:approve') && actor.permissions.has(honourListKind.write!),
    async pending(actor, w) {
      const [lists, late] = await Promise.all([awaitingChief(db, actor, w.countCap), unpublished(actor, w)]);
      const approvals = lists.map((l) => ({
        module: 'food-honour',
        kind: l.status === 'draft' ? 'approve' : 'publish',
        id: l.id,
        title: `${l.stationName} · ${l.month} 红黑榜`,
        dueOn: null,
        isApproval: true,
        link: `/food/honour-lists?month=${l.month}&station=${l.stationId}&list=${l.id}`,
        unitName: l.stationName,
      }));
      const overdue = late.filter((i) => i.dueOn < w.today);
      const dueToday = late.filter((i) => i.dueOn === w.today);
      return {
        items: [...approvals.slice(0, w.limit), ...overdue.slice(0, w.limit), ...dueToday.slice(0, w.limit)],
        counts: { overdue: overdue.length, dueToday: dueToday.length, dueWeek: 0, approvals: approvals.length },
      };
    },
  };
}
