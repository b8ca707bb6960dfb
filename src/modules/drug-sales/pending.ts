import type { Db } from '../../db/client.ts';
import { isPermitted } from '../../platform/access.ts';
import { noCounts, type PendingItemsProvider } from '../inbox/provider.ts';
import { drugSaleKind } from './access.ts';
import { pendingAlerts } from './repos/daily.ts';
import { settings } from './repos/settings.ts';

/**
 * Spike alerts nobody has handled, in the health liaison's inbox (the user drug_sale_settings names), each due on the
 * day it counts: the hourly run raises it while that day's sales come in, and an early warning is for that day. Due
 * the day after, a Sunday's alert was in no group of the inbox (本周 ends on Sunday) until Monday. Alerts are few (one per day, class and township at most), so they are grouped here.
 * The liaison handles alerts with drug:read alone (services/monitoring.ts), so reading the kind is enough here, not
 * hasPendingIn's write permission.
 */
export function drugSalePendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'drug-sales',
    appliesTo: (actor) => isPermitted(actor, drugSaleKind, 'list'),
    async pending(actor, w) {
      const s = await settings(db);
      if (s.liaisonUserId !== actor.userId) return { items: [], counts: noCounts() };
      const rows = await pendingAlerts(db, w.countCap);
      const items = rows.map((r) => ({
        module: 'drug-sales',
        kind: 'alert',
        id: Number(r.id),
        title: `${r.townshipName} · ${r.drugClass}药品销售异常（${r.day}，${r.observed} 人次）`,
        dueOn: r.day,
        isApproval: false,
        link: `/drugs/sales?alert=${r.id}`,
      }));
      const overdue = items.filter((i) => i.dueOn < w.today);
      const dueToday = items.filter((i) => i.dueOn === w.today);
      const dueWeek = items.filter((i) => i.dueOn > w.today && i.dueOn <= w.weekEnd);
      return {
        items: [...overdue.slice(0, w.limit), ...dueToday.slice(0, w.limit), ...dueWeek.slice(0, w.limit)],
        counts: { overdue: overdue.length, dueToday: dueToday.length, dueWeek: dueWeek.length, approvals: 0 },
      };
    },
  };
}
