import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItemsProvider } from '../inbox/provider.ts';
import { equipmentKind } from './access.ts';
import { countPendingEquipment, type EquipmentStep, pendingEquipment } from './repos/pending.ts';
import { getSettings } from './repos/settings.ts';

const steps: EquipmentStep[] = ['inspectionApply', 'inspectionOverdue', 'registration', 'maintenance'];
const stepLabels: Record<EquipmentStep, string> = {
  inspectionApply: '应报检',
  inspectionOverdue: '超期未检',
  registration: '逾期未登记',
  maintenance: '电梯维保超期',
};

/**
 * 特种设备 in the work inbox, for those who keep equipment (equipment:write) in their reach: 应报检 (apply by one month
 * before the due date), 超期未检, 未登记 past 30 days after first use, and a lift in use without 维保 within the period.
 */
export function equipmentPendingItems(db: Db): PendingItemsProvider {
  return {
    module: 'equipment',
    appliesTo: (actor) => hasPendingIn(actor, equipmentKind),
    async pending(actor, w) {
      const s = await getSettings(db);
      const counted = { today: w.today, weekEnd: w.weekEnd, cap: w.countCap };
      const [lists, counts] = await Promise.all([
        Promise.all(steps.map((step) => pendingEquipment(db, actor, step, s, w))),
        Promise.all(steps.map((step) => countPendingEquipment(db, actor, step, s, counted))),
      ]);
      const sum = (k: 'overdue' | 'dueToday' | 'dueWeek') => counts.reduce((n, c) => n + c[k], 0);
      return {
        items: steps.flatMap((step, i) =>
          lists[i]!.map((r) => ({
            module: 'equipment',
            kind: step,
            id: r.id,
            title: `${stepLabels[step]} · ${r.entityName} · ${r.categoryName} ${r.equipmentCode}`,
            dueOn: r.dueOn,
            isApproval: false,
            link: `/equipment/registry/${r.id}`,
            unitName: r.stationName,
          })),
        ),
        counts: { overdue: sum('overdue'), dueToday: sum('dueToday'), dueWeek: sum('dueWeek'), approvals: 0 },
      };
    },
  };
}
