import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { pharmacyKind } from './access.ts';
import { countPendingAbsences, pendingAbsences } from './repos/pending.ts';

const shiftDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * 阳光药师 absences for the station: an opening day (of the last 30) on which a pharmacy was not covered for its
 * whole opening hours, due the day after, until someone with drug:write checks it (POST …/absences/review).
 */
export function pharmacyPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'pharmacies',
    appliesTo: (actor) => hasPendingIn(actor, pharmacyKind, { watchable: false }),
    async pending(actor, w) {
      const since = shiftDays(w.today, -30);
      const [rows, counts] = await Promise.all([
        pendingAbsences(db, actor, { today: w.today, weekEnd: w.weekEnd, since, limit: w.limit }),
        countPendingAbsences(db, actor, { today: w.today, weekEnd: w.weekEnd, since, cap: w.countCap }),
      ]);
      return {
        items: rows.map((r) => ({
          module: 'pharmacies',
          kind: 'absence',
          id: r.pharmacyId,
          title: `${r.entityName} · ${r.day} 药师在岗 ${Math.round((r.coveredMinutes / r.openMinutes) * 100)}%`,
          dueOn: r.dueOn,
          isApproval: false,
          link: `/drugs/pharmacies/${r.pharmacyId}?day=${r.day}`,
          unitName: r.stationName,
        })),
        counts: { ...counts, approvals: 0 },
      };
    },
  };
}
