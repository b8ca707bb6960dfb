import { byUnit, monthLabels, type ScreenProvider } from '../screen/provider.ts';
import { entityMonthly, entityTotals } from './screen-repo.ts';

/** 智慧大脑: the register's size (在业 = active; the work report's 实有 adds 停业) by type, and new registrations per month over 12 months. */
export function entityScreenFigures(): ScreenProvider {
  return {
    key: 'entities',
    async figures(db, w) {
      const totals = await entityTotals(db, w);
      const monthly = await entityMonthly(db, w);
      const months = monthLabels(w);
      const byUnitMonths = new Map<number, Map<string, number>>();
      for (const r of monthly) {
        const u = r.unitId === null ? 0 : Number(r.unitId);
        const m = byUnitMonths.get(u) ?? new Map<string, number>();
        m.set(r.month, r.n);
        byUnitMonths.set(u, m);
      }
      return byUnit(totals, 'entities', ([t], unitId) => ({
        total: t?.total ?? 0,
        active: t?.active ?? 0,
        byType: {
          enterprise: t?.enterprise ?? 0,
          individualBusiness: t?.individualBusiness ?? 0,
          farmerCooperative: t?.farmerCooperative ?? 0,
        },
        newThisMonth: t?.newThisMonth ?? 0,
        monthly: months.map((month) => ({ month, n: byUnitMonths.get(unitId)?.get(month) ?? 0 })),
      }));
    },
  };
}
