import type { Db } from '../../db/client.ts';
import { describeQuery, type ReportFiguresProvider, scopeParams } from '../reports/figures.ts';
import { entityFigures, entityFiguresSql } from './report-figures-repo.ts';

/** 工作总结 figures of the entity register: the stock at the period's end and the new registrations by type. */
export function entityReportFigures(db: Db): ReportFiguresProvider {
  const query = describeQuery(entityFiguresSql, scopeParams);
  return {
    module: 'entities',
    title: '市场主体',
    async figures(s) {
      const r = await entityFigures(db, s.from, s.to, s.unitIds);
      const count = (key: string, label: string, value: number) =>
        ({
          key: `entities.${key}`,
          label,
          measure: '户',
          unit: 'count',
          value,
          query: `${query}  -- 列 ${key}`,
        }) as const;
      return [
        count('total', '期末实有市场主体（期末前设立、当前存续或停业）', r.total),
        count('newTotal', '新增市场主体', r.newTotal),
        count('newEnterprise', '新增企业', r.newEnterprise),
        count('newIndividual', '新增个体工商户', r.newIndividual),
        count('newCooperative', '新增农民专业合作社', r.newCooperative),
      ];
    },
  };
}
