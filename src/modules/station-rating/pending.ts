import type { Db } from '../../db/client.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { pendingReviews } from './repo.ts';

/** 等级评定 in the work inbox: submitted ratings wait under “待我审批” for whoever reviews them (rating:review). */
export function stationRatingPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'station-ratings',
    appliesTo: (actor) => actor.permissions.has('rating:review'),
    async pending(actor, w) {
      const { items, count } = await pendingReviews(db, actor, w.limit, w.countCap);
      return {
        items: items.map((r) => ({
          module: 'station-ratings',
          kind: 'review',
          id: r.id,
          title: `${r.stationName} · ${r.year}`,
          dueOn: null,
          isApproval: true,
          link: `/stations/rating/${r.id}`,
          unitName: r.stationName,
        })),
        counts: { overdue: 0, dueToday: 0, dueWeek: 0, approvals: count },
      };
    },
  };
}
