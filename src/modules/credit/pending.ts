import { creditListLabels, listingGroundLabels } from '../../contracts/credit.ts';
import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { batchKind } from './access.ts';
import { countPendingDecisions, pendingBatches, pendingRepairs } from './repos/pending.ts';

/**
 * 信用监管 decisions in the work inbox, for those who may take them (credit:write): proposed 拟列入 batches awaiting
 * the listing decision and 信用修复 applications awaiting review or decision, in the caller's reach. Neither has a
 * legal clock in the platform yet, so both wait under "待我审批".
 */
export function creditPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'credit',
    // Every credit item is a decision for the credit staff: nothing for a watcher to follow.
    appliesTo: (actor) => hasPendingIn(actor, batchKind, { watchable: false }),
    async pending(actor, w) {
      const [batches, repairs, approvals] = await Promise.all([
        pendingBatches(db, actor, w.limit),
        pendingRepairs(db, actor, w.limit),
        countPendingDecisions(db, actor, w.countCap),
      ]);
      return {
        items: [
          ...batches.map((b) => ({
            module: 'credit',
            kind: 'batch',
            id: b.id,
            title: `${creditListLabels[b.list]} · ${listingGroundLabels[b.ground] ?? b.ground} · ${b.itemCount}`,
            dueOn: null,
            isApproval: true,
            link: `/credit/${b.list}`,
            unitName: b.unitName,
          })),
          ...repairs.map((r) => ({
            module: 'credit',
            kind: r.status === 'applied' ? 'repairReview' : 'repairDecision',
            id: r.id,
            title: r.entityName,
            dueOn: null,
            isApproval: true,
            link: '/credit/repairs',
            unitName: r.stationName,
          })),
        ],
        counts: { overdue: 0, dueToday: 0, dueWeek: 0, approvals },
      };
    },
  };
}
