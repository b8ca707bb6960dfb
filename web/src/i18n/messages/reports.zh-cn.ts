/** 工作总结. */
export const reportsZhCN = {
  'nav.workReport': '工作总结',
  'workReport.period': '统计期间',
  'workReport.unit': '单位',
  'workReport.allUnits': '全辖区',
  'workReport.downloadPdf': '下载 PDF',
  'workReport.downloadDocx': '下载 Word',
  'workReport.previous': '上年同期：{from} 至 {to}',
  'workReport.narrative': '文字说明',
  'workReport.figures': '主要指标',
  'workReport.figure': '指标',
  'workReport.current': '本期',
  'workReport.lastYear': '上年同期',
  'workReport.change': '同比',
  'workReport.points': '{value} 个百分点',
  'workReport.query': '查询语句',
  'workReport.appendixHint': '每个指标均由右侧查询得出，PDF 与 Word 附录列出同样的查询。',
};
