import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { equipmentDirectiveKind } from './access.ts';
import { countPendingDirectives, pendingDirectives } from './repos/directives.ts';

/**
 * 指令书 rectification deadlines in the work inbox of equipment:write holders in reach; an order past its deadline
 * is marked 督办 (escalated) for the station's chiefs by the daily sweep.
 */
export function equipmentHazardPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'equipment-hazards',
    appliesTo: (actor) => hasPendingIn(actor, equipmentDirectiveKind),
    async pending(actor, w) {
      const [rows, counts] = await Promise.all([
        pendingDirectives(db, actor, { weekEnd: w.weekEnd, limit: w.limit * 3 }),
        countPendingDirectives(db, actor, { today: w.today, weekEnd: w.weekEnd }),
      ]);
      return {
        items: rows.map((r) => ({
          module: 'equipment-hazards',
          kind: 'directiveDeadline',
          id: r.id,
          title: `指令书整改 · ${r.docNo} · ${r.entityName}`,
          dueOn: r.deadline,
          isApproval: false,
          link: `/equipment/directives/${r.id}`,
          unitName: r.stationName,
          escalated: r.status === 'overdue',
        })),
        counts: { ...counts, approvals: 0 },
      };
    },
  };
}
