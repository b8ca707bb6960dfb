import type { CaseFigures, CaseStatsResult } from '../../../contracts/case-stats.ts';
import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { caseKind } from '../access.ts';
import * as repo from '../repos/stats.ts';

/** 违法行为 areas of the violation dictionary (case_violation_types.area). */
export const violationAreaLabels: Record<string, string> = {
  food: '食品安全',
  drug: '药品医疗器械',
  special_equipment: '特种设备',
  product_quality: '产品质量',
  pricing: '价格',
  advertising: '广告',
  trademark: '商标与知识产权',
  unlicensed: '无照无证经营',
  registration: '登记注册',
  consumer: '消费者权益',
  competition: '不正当竞争',
  other: '其他',
  '': '未认定违法类型',
};

const zero = (): CaseFigures => ({
  opened: 0,
  openedGeneral: 0,
  openedSummary: 0,
  openedMajor: 0,
  closed: 0,
  closedMajor: 0,
  decidedPenalty: 0,
  finesFen: 0,
  confiscatedFen: 0,
  penaltyFen: 0,
  majorPenaltyFen: 0,
  caseValueFen: 0,
  goodsValueFen: 0,
  transferred: 0,
  typical: 0,
});

function add(into: CaseFigures, row: repo.Figures): CaseFigures {
  for (const f of repo.statFields) into[f] += Number(row[f]);
  into.penaltyFen = into.finesFen + into.confiscatedFen;
  return into;
}

const yoy = (now: number, before: number) => (before === 0 ? null : Math.round(((now - before) / before) * 1000) / 10);
const monthStart = (d: Date) => d.toISOString().slice(0, 10);
const firstOfMonth = (year: number, monthIndex: number) => monthStart(new Date(Date.UTC(year, monthIndex, 1)));

export function createCaseStats(db: Db, now: () => Date = () => new Date()) {
  return {
    /** Figures of a year and the year before, grouped by one dimension, within the caller's reach over cases. */
    async summary(actor: Actor, year: number, by: repo.StatsDimension): Promise<CaseStatsResult> {
      assertPermitted(actor, caseKind, 'count');
      const today = shanghaiToday(now());
      const thisYear = Number(today.slice(0, 4));
      const thisMonth = Number(today.slice(5, 7));
      // The current month comes from the cases themselves; earlier months from the rollup.
      const liveFrom = firstOfMonth(thisYear, thisMonth - 1);
      const current = year === thisYear;
      const [rows, units] = await Promise.all([
        repo.statsBy(db, actor, by, `${year - 1}-01-01`, `${year + 1}-01-01`, liveFrom),
        by === 'station' || by === 'department' ? repo.unitLabels(db) : Promise.resolve([]),
      ]);
      // Last year's figures compare over the same months: through the current month for the current year.
      const samePeriod = (month: string) => !current || Number(month.slice(5, 7)) <= thisMonth;
      const totals = { current: zero(), previous: zero() };
      const items = new Map<string, { current: CaseFigures; previous: CaseFigures }>();
      const slot = (key: string) => {
        let s = items.get(key);
        if (!s) {
          s = { current: zero(), previous: zero() };
          items.set(key, s);
        }
        return s;
      };
      if (by === 'month') for (let m = 1; m <= 12; m++) slot(String(m).padStart(2, '0'));
      for (const r of rows) {
        const thisYearRow = Number(r.month.slice(0, 4)) === year;
        const key = by === 'month' ? r.month.slice(5, 7) : r.key;
        if (thisYearRow) {
          add(totals.current, r);
          add(slot(key).current, r);
        } else {
          if (samePeriod(r.month)) add(totals.previous, r);
          // The month chart shows every month of last year; the other dimensions the same period.
          if (by === 'month' || samePeriod(r.month)) add(slot(key).previous, r);
        }
      }
      const unitById = new Map(units.map((u) => [String(u.id), u]));
      const label = (key: string): string => {
        if (by === 'month') return `${Number(key)}月`;
        if (by === 'violationArea') return violationAreaLabels[key] ?? key;
        if (key === '0') return '所办案件（未指定科室）';
        return unitById.get(key)?.name ?? key;
      };
      const order = (key: string): number =>
        by === 'month' ? Number(key) : by === 'violationArea' ? 0 : (unitById.get(key)?.sortOrder ?? 1e9);
      const list = [...items.entries()]
        .map(([key, v]) => ({ key, label: label(key), ...v }))
        .sort((a, b) =>
          by === 'violationArea'
            ? b.current.opened - a.current.opened || a.key.localeCompare(b.key)
            : order(a.key) - order(b.key) || a.key.localeCompare(b.key),
        );
      const yoyPct: Record<string, number | null> = {};
      for (const f of Object.keys(totals.current) as (keyof CaseFigures)[])
        yoyPct[f] = yoy(totals.current[f], totals.previous[f]);
      return {
        year,
        groupBy: by,
        asOf: current ? today : `${year}-12-31`,
        items: list,
        totals: { ...totals, yoyPct },
      };
    },

    /** Recomputes the rollup: all months (after a demo load, a repair), or the given ones. */
    async rebuild(months: readonly string[] | 'all' = 'all') {
      return { rows: await db.transaction((tx) => repo.rebuildMonthlyStats(tx, months)) };
    },

    /**
     * The job: the last three months, and every month in which a case changed since `since` had an event (a
     * back-dated decision, an annulled one), so finished months stay right.
     */
    async refresh(since: Date) {
      const d = now();
      const recent = [0, 1, 2].map((n) => firstOfMonth(d.getUTCFullYear(), d.getUTCMonth() - n));
      const months = [...new Set([...recent, ...(await repo.touchedMonths(db, since))])].sort();
      return { months: months.length, ...(await this.rebuild(months)) };
    },
  };
}

export type CaseStats = ReturnType<typeof createCaseStats>;
