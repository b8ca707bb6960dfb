import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { foodBusinessKind } from './access.ts';
import { countPendingFood, type FoodStep, pendingFood } from './repos/pending.ts';

const steps: FoodStep[] = ['licenceRenewal', 'licenceExpiry', 'certificateExpiry'];

/**
 * 食品安全 dates in the work inbox: a licence's 延续 deadline (30 working days before expiry) and its expiry, for
 * those who keep licences (food:write) in their reach; an expiring health certificate for the business's responsible
 * inspector only. An expired licence stays overdue until it is renewed, revoked or cancelled.
 */
export function foodPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'food',
    // Renewal is the business's duty and the food staff's reminder, not a step for the leaders' 督办 view.
    appliesTo: (actor) => hasPendingIn(actor, foodBusinessKind, { watchable: false }),
    async pending(actor, w) {
      const counted = { today: w.today, weekEnd: w.weekEnd, cap: w.countCap };
      const [lists, counts] = await Promise.all([
        Promise.all(steps.map((step) => pendingFood(db, actor, step, w))),
        Promise.all(steps.map((step) => countPendingFood(db, actor, step, counted))),
      ]);
      const sum = (k: 'overdue' | 'dueToday' | 'dueWeek') => counts.reduce((n, c) => n + c[k], 0);
      return {
        items: steps.flatMap((step, i) =>
          lists[i]!.map((r) => ({
            module: 'food',
            kind: step,
            id: r.id,
            title: `${r.entityName} · ${r.number}`,
            dueOn: r.dueOn,
            isApproval: false,
            link:
              step === 'certificateExpiry' ? `/food/health-certificates?certificate=${r.id}` : `/food/licences/${r.id}`,
            unitName: r.stationName,
          })),
        ),
        counts: { overdue: sum('overdue'), dueToday: sum('dueToday'), dueWeek: sum('dueWeek'), approvals: 0 },
      };
    },
  };
}
