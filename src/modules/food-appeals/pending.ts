import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import { foodBusinessKind } from '../food/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { type AppealStep, countPendingAppeals, pendingAppeals } from './repos/pending.ts';

const steps: AppealStep[] = ['appealDecision', 'replyReview', 'revisitDecision', 'revisitVisit'];
const links: Record<AppealStep, (id: number) => string> = {
  appealDecision: (id) => `/food/appeals?appeal=${id}`,
  replyReview: (id) => `/food/appeals?tab=replies&reply=${id}`,
  revisitDecision: (id) => `/food/appeals?tab=revisits&revisit=${id}`,
  revisitVisit: (id) => `/food/appeals?tab=revisits&inspection=${id}`,
};

/**
 * The clocks of point 6 in the work inbox, for food:write holders in reach: an appeal to decide (10 working days),
 * a reply to publish or reject (5), a re-rating request to accept or reject (5) and the accepted re-visit's date.
 */
export function foodAppealPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'food-appeals',
    // Decisions with a legal deadline: the leaders' 督办 view watches them too.
    appliesTo: (actor) => hasPendingIn(actor, foodBusinessKind, { watchable: true }),
    async pending(actor, w) {
      const counted = { today: w.today, weekEnd: w.weekEnd, cap: w.countCap };
      const [lists, counts] = await Promise.all([
        Promise.all(steps.map((step) => pendingAppeals(db, actor, step, w))),
        Promise.all(steps.map((step) => countPendingAppeals(db, actor, step, counted))),
      ]);
      const sum = (k: 'overdue' | 'dueToday' | 'dueWeek') => counts.reduce((n, c) => n + c[k], 0);
      return {
        items: steps.flatMap((step, i) =>
          lists[i]!.map((r) => ({
            module: 'food-appeals',
            kind: step,
            id: r.id,
            title: r.entityName,
            dueOn: r.dueOn,
            isApproval: false,
            link: links[step](r.id),
            unitName: r.stationName,
          })),
        ),
        counts: { overdue: sum('overdue'), dueToday: sum('dueToday'), dueWeek: sum('dueWeek'), approvals: 0 },
      };
    },
  };
}
