import type { Db } from '../../db/client.ts';
import { describeQuery, type RawFigure, type ReportFiguresProvider, rate, scopeParams } from '../reports/figures.ts';
import { complaintFigures, complaintFiguresSql } from './repos/report-figures.ts';

/** 工作总结 figures of 12315: items by kind, acceptance and mediation success rates, losses recovered, satisfaction. */
export function complaintReportFigures(db: Db): ReportFiguresProvider {
  const query = describeQuery(complaintFiguresSql, scopeParams);
  return {
    module: 'complaints',
    title: '12315 投诉举报',
    async figures(s) {
      const r = await complaintFigures(db, s.from, s.to, s.unitIds);
      const fig = (key: string, label: string, unit: RawFigure['unit'], value: number | null, how: string) => ({
        key: `complaints.${key}`,
        label,
        measure: unit === 'count' ? '件' : '',
        unit,
        value,
        query: `${query}  -- ${how}`,
      });
      return [
        fig('items', '受理登记 12315 诉求', 'count', r.items, '列 items'),
        fig('complaints', '其中投诉', 'count', r.complaints, '列 complaints'),
        fig('reports', '其中举报', 'count', r.reports, '列 reports'),
        fig('inquiries', '其中咨询', 'count', r.inquiries, '列 inquiries'),
        fig(
          'acceptanceRate',
          '投诉受理率',
          'percent',
          rate(r.accepted, r.accepted + r.rejected),
          'accepted ÷ (accepted + rejected)',
        ),
        fig('mediated', '调解成功', 'count', r.mediated, '列 mediated'),
        fig(
          'mediationRate',
          '调解成功率',
          'percent',
          rate(r.mediated, r.mediated + r.terminated),
          'mediated ÷ (mediated + terminated)',
        ),
        fig('recovered', '为消费者挽回经济损失', 'fen', Number(r.recoveredFen), '列 recoveredFen（分）'),
        fig('satisfaction', '满意率（评价 4 分及以上）', 'percent', rate(r.satisfied, r.rated), 'satisfied ÷ rated'),
      ];
    },
  };
}
