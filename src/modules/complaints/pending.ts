import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { complaintKind } from './access.ts';
import { countPendingSteps, openItemsPerHandler, pendingSteps } from './repos/pending.ts';

/**
 * 12315 steps in the work inbox: every open legal clock (受理, 调解, 核查, 答复, 告知) of the items the caller may read,
 * for those who handle them or watch the district (access.hasPendingIn), grouped by its due date; an item escalated by the 督办 sweep is marked. No approvals in this module.
 */
export function complaintPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'complaints',
    appliesTo: (actor) => hasPendingIn(actor, complaintKind),
    async pending(actor, w) {
      const [rows, counts] = await Promise.all([
        pendingSteps(db, actor, w),
        countPendingSteps(db, actor, { today: w.today, weekEnd: w.weekEnd, cap: w.countCap }),
      ]);
      return {
        items: rows.map((r) => ({
          module: 'complaints',
          kind: r.step,
          id: r.id,
          title: r.businessName ? `${r.trackingCode} ${r.businessName}` : r.trackingCode,
          dueOn: r.dueOn,
          isApproval: false,
          link: `/complaints/${r.id}`,
          unitName: r.stationName,
          escalated: r.escalationLevel > 0,
        })),
        counts: { ...counts, approvals: 0 },
      };
    },
    workload: (actor, limit) => openItemsPerHandler(db, actor, limit),
  };
}
