import type { Db } from '../../db/client.ts';
import { kitchenEventTypes } from '../../domain/kitchen-alerts.ts';
import { hasPendingIn } from '../../platform/access.ts';
import { foodBusinessKind } from '../food/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { countPendingAlerts, pendingAlerts } from './repos/pending.ts';

/**
 * 明厨亮灶 alerts nobody has handled yet, for food:write holders with the business in reach: each is due the day
 * after it was first seen, so an alert left over the weekend shows as overdue on Monday.
 */
export function kitchenPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'kitchen',
    appliesTo: (actor) => hasPendingIn(actor, foodBusinessKind, { watchable: false }),
    async pending(actor, w) {
      const [rows, counts] = await Promise.all([
        pendingAlerts(db, actor, w),
        countPendingAlerts(db, actor, { today: w.today, weekEnd: w.weekEnd, cap: w.countCap }),
      ]);
      return {
        items: rows.map((r) => ({
          module: 'kitchen',
          kind: 'alert',
          id: r.id,
          title: `${r.entityName} · 明厨亮灶「${kitchenEventTypes[r.eventType as keyof typeof kitchenEventTypes] ?? r.eventType}」${r.count > 1 ? ` ×${r.count}` : ''}`,
          dueOn: r.dueOn,
          isApproval: false,
          link: `/food/kitchen/alerts?alert=${r.id}`,
          unitName: r.stationName,
        })),
        counts: { ...counts, approvals: 0 },
      };
    },
  };
}
