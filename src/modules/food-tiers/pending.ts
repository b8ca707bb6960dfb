import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import { foodBusinessKind } from '../food/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { countPendingPlanned, pendingPlanned } from './repos/pending.ts';

/**
 * The yearly plan in the work inbox: planned routine inspections overdue, due today or this week, for the business's
 * responsible inspector (fb.inspector_id) only; a full-scope visit (Art. 22) says so in its title.
 */
export function foodPlanPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'food-plan',
    appliesTo: (actor) => hasPendingIn(actor, foodBusinessKind, { watchable: false }),
    async pending(actor, w) {
      const [rows, counts] = await Promise.all([
        pendingPlanned(db, actor, w),
        countPendingPlanned(db, actor, { today: w.today, weekEnd: w.weekEnd, cap: w.countCap }),
      ]);
      return {
        items: rows.map((r) => ({
          module: 'food-plan',
          kind: 'plannedInspection',
          id: Number(r.id),
          title: `${r.entityName} · ${r.fullScope ? '全项日常检查' : '日常检查'}`,
          dueOn: r.dueOn,
          isApproval: false,
          link: `/food/plan?day=${r.dueOn}`,
          unitName: r.stationName,
        })),
        counts: { ...counts, approvals: 0 },
      };
    },
  };
}
