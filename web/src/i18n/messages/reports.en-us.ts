import type { reportsZhCN } from './reports.zh-cn.ts';

export const reportsEnUS: Record<keyof typeof reportsZhCN, string> = {
  'nav.workReport': 'Work report',
  'workReport.period': 'Period',
  'workReport.unit': 'Unit',
  'workReport.allUnits': 'Whole district',
  'workReport.downloadPdf': 'Download PDF',
  'workReport.downloadDocx': 'Download Word',
  'workReport.previous': 'Same period last year: {from} to {to}',
  'workReport.narrative': 'Narrative',
  'workReport.figures': 'Key figures',
  'workReport.figure': 'Figure',
  'workReport.current': 'This period',
  'workReport.lastYear': 'Last year',
  'workReport.change': 'Year on year',
  'workReport.points': '{value} points',
  'workReport.query': 'Query',
  'workReport.appendixHint': 'Each figure comes from the query shown; the PDF and Word appendix list the same queries.',
};
