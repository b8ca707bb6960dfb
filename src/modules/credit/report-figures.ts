import type { Db } from '../../db/client.ts';
import { describeQuery, type ReportFiguresProvider, scopeParams } from '../reports/figures.ts';
import { creditFigures, creditFiguresSql } from './repos/report-figures.ts';

/** 工作总结 figures of 信用监管: entities listed as abnormal or serious, and abnormal listings removed. */
export function creditReportFigures(db: Db): ReportFiguresProvider {
  const query = describeQuery(creditFiguresSql, scopeParams);
  return {
    module: 'credit',
    title: '信用监管',
    async figures(s) {
      const r = await creditFigures(db, s.from, s.to, s.unitIds);
      const count = (key: keyof typeof r, label: string) =>
        ({
          key: `credit.${key}`,
          label,
          measure: '户',
          unit: 'count',
          value: r[key],
          query: `${query}  -- 列 ${key}`,
        }) as const;
      return [
        count('abnormalListed', '列入经营异常名录'),
        count('abnormalRemoved', '移出经营异常名录'),
        count('seriousListed', '列入严重违法失信名单'),
      ];
    },
  };
}
