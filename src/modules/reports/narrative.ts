import type { TReportFigure, TWorkReport } from '../../contracts/reports.ts';
import { chineseDate } from '../../platform/pdf.ts';

/** 123456 fen → '1234.56' (元); money is shown in 元 with two decimals, from integer fen without float sums. */
export const yuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** A figure's value as the report prints it: counts as digits, money in 元, rates with one decimal and %. */
export function shown(f: Pick<TReportFigure, 'unit' | 'measure'>, v: number | null): string {
  if (v === null) return '—';
  if (f.unit === 'fen') return `${yuan(v)}元`;
  if (f.unit === 'percent') return `${v.toFixed(1)}%`;
  return `${v}${f.measure}`;
}

/** '，同比增长12.5%' / '，同比下降3.0%' / '，与上年同期持平' / '' (nothing to compare with). */
export function yoy(f: TReportFigure): string {
  if (f.change === null) return f.previous === 0 && f.unit !== 'percent' ? '（上年同期为0）' : '';
  if (f.change === 0) return '，与上年同期持平';
  const up = f.change > 0;
  const size = Math.abs(f.change).toFixed(1);
  if (f.unit === 'percent') return `，同比${up ? '提高' : '降低'}${size}个百分点`;
  return `，同比${up ? '增长' : '下降'}${size}%`;
}

type Figures = Map<string, TReportFigure>;
/** A template's phrase for one figure: its value and, where asked, the change; empty when the figure is absent. */
const v = (m: Figures, key: string) => {
  const f = m.get(key);
  return f ? shown(f, f.value) : '—';
};
const vc = (m: Figures, key: string) => {
  const f = m.get(key);
  return f ? `${shown(f, f.value)}${yoy(f)}` : '—';
};

/** One template per module: sentences over the figures only, so every number in the text is in the appendix. */
const templates: Record<
  string,
  { heading: string; text: (m: Figures, r: Pick<TWorkReport, 'to' | 'unit'>) => string }
> = {
  entities: {
    heading: '一、市场主体发展',
    text: (m, r) =>
      `截至${chineseDate(r.to)}，${r.unit.name}实有市场主体${vc(m, 'entities.total')}。期内新增市场主体${vc(m, 'entities.newTotal')}，其中企业${v(m, 'entities.newEnterprise')}、个体工商户${v(m, 'entities.newIndividual')}、农民专业合作社${v(m, 'entities.newCooperative')}。`,
  },
  complaints: {
    heading: '二、12315 投诉举报',
    text: (m) =>
      `期内受理登记12315诉求${vc(m, 'complaints.items')}，其中投诉${v(m, 'complaints.complaints')}、举报${v(m, 'complaints.reports')}、咨询${v(m, 'complaints.inquiries')}。投诉受理率${vc(m, 'complaints.acceptanceRate')}；调解成功${v(m, 'complaints.mediated')}，调解成功率${vc(m, 'complaints.mediationRate')}；为消费者挽回经济损失${vc(m, 'complaints.recovered')}；满意率${v(m, 'complaints.satisfaction')}。`,
  },
  'spot-checks': {
    heading: '三、双随机抽查',
    text: (m) =>
      `期内完成双随机抽查检查${vc(m, 'spot-checks.inspected')}，发现问题${v(m, 'spot-checks.withProblem')}，问题发现率${vc(m, 'spot-checks.problemRate')}；抽查结果已公示${v(m, 'spot-checks.published')}。`,
  },
  credit: {
    heading: '四、信用监管',
    text: (m) =>
      `期内列入经营异常名录${vc(m, 'credit.abnormalListed')}，移出经营异常名录${v(m, 'credit.abnormalRemoved')}；列入严重违法失信名单${v(m, 'credit.seriousListed')}。`,
  },
  cases: {
    heading: '五、执法办案',
    text: (m) =>
      `期内立案查处案件${vc(m, 'cases.filed')}，作出行政处罚决定${vc(m, 'cases.decided')}，决定罚款${vc(m, 'cases.fines')}，罚款缴纳入库${v(m, 'cases.paid')}。`,
  },
};

/** The narrative: one paragraph per module that answered, in the order the modules are registered. */
export function narrative(
  r: Pick<TWorkReport, 'to' | 'unit' | 'figures'>,
  modules: readonly string[],
): TWorkReport['narrative'] {
  const m: Figures = new Map(r.figures.map((f) => [f.key, f]));
  return modules.flatMap((mod) => {
    const t = templates[mod];
    return t ? [{ heading: t.heading, text: t.text(m, r) }] : [];
  });
}
