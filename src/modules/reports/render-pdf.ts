import PDFDocument from 'pdfkit';
import type { TReportFigure, TWorkReport } from '../../contracts/reports.ts';
import { type CjkFont, chineseDate, noCjkFont, pdfBuffer, useCjkFont } from '../../platform/pdf.ts';
import { appendixQueries } from './appendix.ts';
import type { ReportChart } from './charts.ts';
import { shown } from './narrative.ts';
import { drawSvgChart } from './svg-pdf.ts';

const MARGIN = { top: 64, bottom: 64, left: 64, right: 64 };

/** The YoY column: '+12.5%' for counts and money, '+1.2个百分点' for rates, '—' with nothing to compare. */
export function changeText(f: TReportFigure): string {
  if (f.change === null) return '—';
  const sign = f.change > 0 ? '+' : '';
  return f.unit === 'percent' ? `${sign}${f.change.toFixed(1)}个百分点` : `${sign}${f.change.toFixed(1)}%`;
}

export const periodLine = (r: TWorkReport) =>
  `统计期间：${chineseDate(r.from)}至${chineseDate(r.to)}（上年同期：${chineseDate(r.previousFrom)}至${chineseDate(r.previousTo)}）`;

function ensureRoom(doc: PDFKit.PDFDocument, h: number) {
  if (doc.y + h > doc.page.height - MARGIN.bottom) doc.addPage();
}

function figureTable(doc: PDFKit.PDFDocument, figures: TReportFigure[]) {
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const cols = [width * 0.46, width * 0.18, width * 0.18, width * 0.18];
  const row = (cells: string[], bold = false) => {
    const h = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: (cols[i] as number) - 8 }))) + 8;
    ensureRoom(doc, h);
    const y = doc.y;
    let x = MARGIN.left;
    cells.forEach((c, i) => {
      const w = cols[i] as number;
      if (bold) doc.rect(x, y, w, h).fillAndStroke('#f0f0f0', '#999').fillColor('#000');
      else doc.rect(x, y, w, h).stroke('#999');
      doc.text(c, x + 4, y + 4, { width: w - 8, align: i === 0 ? 'left' : 'right' });
      x += w;
    });
    doc.x = MARGIN.left;
    doc.y = y + h;
  };
  doc.fontSize(10);
  row(['指标', '本期', '上年同期', '同比'], true);
  for (const f of figures) row([f.label, shown(f, f.value), shown(f, f.previous), changeText(f)]);
}

/** The report as PDF (A4, CJK font embedded): title, narrative, charts, the figures table and the query appendix. */
export async function renderWorkReportPdf(
  font: CjkFont | undefined,
  r: TWorkReport,
  charts: ReportChart[],
): Promise<Buffer> {
  if (!font) throw noCjkFont();
  const title = `${r.unit.name}工作总结`;
  const doc = new PDFDocument({ size: 'A4', margins: MARGIN, info: { Title: title, Creator: 'Shijian 市监' } });
  return pdfBuffer(doc, (doc) => {
    useCjkFont(doc, font);
    const left = MARGIN.left;
    const width = doc.page.width - MARGIN.left - MARGIN.right;
    doc.fontSize(20).text(title, { align: 'center' });
    doc.moveDown(0.4).fontSize(11).text(periodLine(r), { align: 'center' });
    for (const p of r.narrative) {
      doc.moveDown(0.8).fontSize(14).text(p.heading, left, doc.y);
      doc.moveDown(0.3).fontSize(12).text(`　　${p.text}`, left, doc.y, { lineGap: 4 });
    }
    doc.moveDown(0.8).fontSize(14).text('六、主要指标图表', left, doc.y);
    for (const c of charts) {
      const h = (c.height * width) / c.width;
      ensureRoom(doc, h + 10);
      const y = doc.y + 6;
      drawSvgChart(doc, c, left, y, width);
      doc.x = left;
      doc.y = y + h + 4;
    }
    doc.addPage().fontSize(14).text('附表：主要指标及同比', left, doc.y);
    doc.moveDown(0.4);
    figureTable(doc, r.figures);
    doc.addPage().fontSize(14).text('附录：指标数据来源（查询语句）', left, doc.y);
    doc
      .moveDown(0.2)
      .fontSize(9)
      .text(
        `本报告全部数字由以下查询得出；本期与上年同期使用同一查询、不同日期参数。生成时间：${r.generatedAt}`,
        left,
        doc.y,
      );
    for (const q of appendixQueries(r.figures)) {
      ensureRoom(doc, 60);
      doc.moveDown(0.6).fontSize(10).text(`查询${q.no}`, left, doc.y);
      doc.fontSize(7.5).fillColor('#444').text(q.sql, left, doc.y, { lineGap: 1 }).fillColor('#000');
      for (const { figure: f, how } of q.figures)
        doc
          .fontSize(9)
          .text(`${f.label}：本期 ${shown(f, f.value)}，上年同期 ${shown(f, f.previous)}（${how}）`, left + 12, doc.y);
    }
  });
}
