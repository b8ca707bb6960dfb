import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { cccExemptionKind } from './access.ts';
import { countAfterChecks, pendingAfterChecks } from './repos/ccc.ts';

/** 免办3C after-checks not yet done, in the work inbox of product:write holders in reach (like food/pending.ts). */
export function productQualityPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'product-quality',
    appliesTo: (actor) => hasPendingIn(actor, cccExemptionKind),
    async pending(actor, w) {
      const [rows, counts] = await Promise.all([
        pendingAfterChecks(db, actor, w),
        countAfterChecks(db, actor, { today: w.today, weekEnd: w.weekEnd, cap: w.countCap }),
      ]);
      return {
        items: rows.map((r) => ({
          module: 'product-quality',
          kind: 'cccAfterCheck',
          id: r.id,
          title: `免办3C后续核查 · ${r.entityName} · ${r.productName}`,
          dueOn: r.dueOn,
          isApproval: false,
          link: `/product/ccc?exemption=${r.id}`,
          unitName: r.stationName,
        })),
        counts: { ...counts, approvals: 0 },
      };
    },
  };
}
