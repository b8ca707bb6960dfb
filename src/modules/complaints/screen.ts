import { byUnit, dayLabels, type ScreenProvider, unitOf } from '../screen/provider.ts';
import { complaintCategories, complaintDaily, complaintOverdue, complaintTotals } from './repos/screen.ts';

/** How many categories the screen lists as 热点. */
const HOT_TOPICS = 6;

const perUnit = <R extends { unitId: number | null }>(rows: readonly R[]) => {
  const map = new Map<number, R[]>();
  for (const r of rows) {
    const u = unitOf(r.unitId);
    const list = map.get(u);
    if (list) list.push(r);
    else map.set(u, [r]);
  }
  return map;
};

/** 智慧大脑: 12315 today / this month / year-on-year, the 30-day trend, overdue items, recovered losses, 热点. */
export function complaintScreenFigures(): ScreenProvider {
  return {
    key: 'complaints',
    async figures(db, w) {
      const totals = await complaintTotals(db, w);
      const daily = perUnit(await complaintDaily(db, w));
      const overdue = new Map((await complaintOverdue(db, w)).map((r) => [unitOf(r.unitId), r.n]));
      const topics = perUnit(await complaintCategories(db, w));
      const days = dayLabels(w);
      // A station with overdue items but nothing received this year still gets its row.
      const units = [...totals, ...[...overdue.keys()].map((u) => ({ unitId: u || null }))];
      return byUnit(units, 'complaints', (rows, unitId) => {
        const t = rows.find((r) => 'today' in r) as (typeof totals)[number] | undefined;
        const perDay = new Map((daily.get(unitId) ?? []).map((r) => [r.day, r.n]));
        return {
          today: t?.today ?? 0,
          thisMonth: t?.thisMonth ?? 0,
          sameMonthLastYear: t?.sameMonthLastYear ?? 0,
          thisYear: t?.thisYear ?? 0,
          daily: days.map((day) => ({ day, n: perDay.get(day) ?? 0 })),
          overdue: overdue.get(unitId) ?? 0,
          recoveredFenThisYear: Number(t?.recoveredFenThisYear ?? 0),
          hotTopics: (topics.get(unitId) ?? []).slice(0, HOT_TOPICS).map(({ code, name, n }) => ({ code, name, n })),
        };
      });
    },
  };
}
