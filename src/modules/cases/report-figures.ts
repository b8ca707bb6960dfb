import type { Db } from '../../db/client.ts';
import { describeQuery, type ReportFiguresProvider, scopeParams } from '../reports/figures.ts';
import { caseFigures, caseFiguresSql } from './repos/report-figures.ts';

/** 工作总结 figures of 执法办案: cases filed and decided, fines imposed and fines paid. */
export function caseReportFigures(db: Db): ReportFiguresProvider {
  const query = describeQuery(caseFiguresSql, scopeParams);
  return {
    module: 'cases',
    title: '执法办案',
    async figures(s) {
      const r = await caseFigures(db, s.from, s.to, s.unitIds);
      return [
        {
          key: 'cases.filed',
          label: '立案查处案件',
          measure: '件',
          unit: 'count',
          value: r.filed,
          query: `${query}  -- 列 filed`,
        },
        {
          key: 'cases.decided',
          label: '作出行政处罚决定',
          measure: '件',
          unit: 'count',
          value: r.decided,
          query: `${query}  -- 列 decided`,
        },
        {
          key: 'cases.fines',
          label: '决定罚款',
          measure: '',
          unit: 'fen',
          value: Number(r.finesFen),
          query: `${query}  -- 列 finesFen（分）`,
        },
        {
          key: 'cases.paid',
          label: '罚款缴纳入库',
          measure: '',
          unit: 'fen',
          value: Number(r.paidFen),
          query: `${query}  -- 列 paidFen（分）`,
        },
      ];
    },
  };
}
