import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { productAlertMatchKind } from './access.ts';
import { countPendingMatches, pendingMatches } from './repos/alerts.ts';

/** 风险通报匹配待核实: each imported alert's match waits for a product:write holder in reach to confirm or dismiss. */
export function productAlertPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'product-recalls',
    appliesTo: (actor) => hasPendingIn(actor, productAlertMatchKind),
    async pending(actor, w) {
      const [rows, counts] = await Promise.all([
        pendingMatches(db, actor, w),
        countPendingMatches(db, actor, { today: w.today, weekEnd: w.weekEnd, cap: w.countCap }),
      ]);
      return {
        items: rows.map((r) => ({
          module: 'product-recalls',
          kind: 'alertMatch',
          id: r.id,
          title: `风险通报匹配待核实 · ${r.entityName} · ${r.productName}`,
          dueOn: r.dueOn,
          isApproval: false,
          link: `/product/alerts/matches?focus=${r.id}`,
          unitName: r.stationName,
        })),
        counts: { ...counts, approvals: 0 },
      };
    },
  };
}
