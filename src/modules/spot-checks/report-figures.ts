import type { Db } from '../../db/client.ts';
import { resultCategories } from '../../domain/spot-check-workflow.ts';
import { describeQuery, type ReportFiguresProvider, rate, scopeParams } from '../reports/figures.ts';
import { spotCheckFigures, spotCheckFiguresSql } from './repos/report-figures.ts';

const problemCategories = resultCategories.filter((c) => c.problem).map((c) => c.code);

/** 工作总结 figures of 双随机抽查: entities inspected, those with a problem and the problem rate, results published. */
export function spotCheckReportFigures(db: Db): ReportFiguresProvider {
  const query = describeQuery(spotCheckFiguresSql, `${scopeParams}，$4 问题类结果 {${problemCategories.join(',')}}`);
  return {
    module: 'spot-checks',
    title: '双随机抽查',
    async figures(s) {
      const r = await spotCheckFigures(db, s, problemCategories);
      return [
        {
          key: 'spot-checks.inspected',
          label: '完成抽查检查',
          measure: '户次',
          unit: 'count',
          value: r.inspected,
          query: `${query}  -- 列 inspected`,
        },
        {
          key: 'spot-checks.withProblem',
          label: '发现问题',
          measure: '户次',
          unit: 'count',
          value: r.withProblem,
          query: `${query}  -- 列 withProblem`,
        },
        {
          key: 'spot-checks.problemRate',
          label: '问题发现率',
          measure: '',
          unit: 'percent',
          value: rate(r.withProblem, r.inspected),
          query: `${query}  -- withProblem ÷ inspected`,
        },
        {
          key: 'spot-checks.published',
          label: '结果已公示',
          measure: '户次',
          unit: 'count',
          value: r.published,
          query: `${query}  -- 列 published`,
        },
      ];
    },
  };
}
