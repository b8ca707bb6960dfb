import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { spotCheckVisitKind } from './access.ts';
import { countPendingVisits, pendingVisits, type VisitStep } from './repos/pending.ts';

const steps: VisitStep[] = ['results', 'publication'];

/**
 * 双随机 steps in the work inbox: drawn visits whose results are still to be entered (due by the end of the plan's
 * period) and inspected visits whose results are to be published (20 working days, 公示), in the caller's reach.
 */
export function spotCheckPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'spot-checks',
    appliesTo: (actor) => hasPendingIn(actor, spotCheckVisitKind),
    async pending(actor, w) {
      const counted = { today: w.today, weekEnd: w.weekEnd, cap: w.countCap };
      const [lists, counts] = await Promise.all([
        Promise.all(steps.map((step) => pendingVisits(db, actor, step, w))),
        Promise.all(steps.map((step) => countPendingVisits(db, actor, step, counted))),
      ]);
      return {
        items: steps.flatMap((step, i) =>
          lists[i]!.map((r) => ({
            module: 'spot-checks',
            kind: step,
            id: r.id,
            title: `${r.entityName} · ${r.planName}`,
            dueOn: r.dueOn,
            isApproval: false,
            link: `/spot-checks/visits/${r.id}`,
            unitName: r.stationName,
          })),
        ),
        counts: {
          overdue: counts[0]!.overdue + counts[1]!.overdue,
          dueToday: counts[0]!.dueToday + counts[1]!.dueToday,
          dueWeek: counts[0]!.dueWeek + counts[1]!.dueWeek,
          approvals: 0,
        },
      };
    },
  };
}
