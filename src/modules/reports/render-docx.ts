import {
  AlignmentType,
  Document,
  ImageRun,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { TWorkReport } from '../../contracts/reports.ts';
import { DOCX_BODY_FONT, DOCX_TITLE_FONT } from '../../platform/docx-fonts.ts';
import { appendixQueries } from './appendix.ts';
import type { ReportChart } from './charts.ts';
import { shown } from './narrative.ts';
import { changeText, periodLine } from './render-pdf.ts';
import { chartPng } from './svg-png.ts';

const TITLE_FONT = DOCX_TITLE_FONT;
const BODY_FONT = DOCX_BODY_FONT;
const run = (text: string, size = 32, font = BODY_FONT, bold = false) => new TextRun({ text, size, font, bold });
const para = (text: string, size = 32, opts: { bold?: boolean; indent?: boolean } = {}) =>
  new Paragraph({
    indent: opts.indent ? { firstLine: 640 } : undefined,
    spacing: { line: size >= 28 ? 560 : 300, before: opts.bold ? 200 : 0 },
    children: [run(text, size, BODY_FONT, opts.bold)],
  });

function cell(text: string, width: number, right = false) {
  return new TableCell({
    width: { size: width, type: WidthType.PERCENTAGE },
    children: [
      new Paragraph({ alignment: right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, 21)] }),
    ],
  });
}

/** The chart as SVG with a PNG fallback (Word before 2016 shows the fallback). */
const chartParagraph = (c: ReportChart) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [
      new ImageRun({
        type: 'svg',
        data: Buffer.from(c.svg),
        fallback: { type: 'png', data: chartPng(c) },
        transformation: { width: 560, height: Math.round((560 * c.height) / c.width) },
      }),
    ],
  });

/** The report as DOCX: the same parts as the PDF (narrative, charts, figures table, query appendix). */
export async function renderWorkReportDocx(r: TWorkReport, charts: ReportChart[]): Promise<Buffer> {
  const title = `${r.unit.name}工作总结`;
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({
        children: [cell('指标', 46), cell('本期', 18, true), cell('上年同期', 18, true), cell('同比', 18, true)],
      }),
      ...r.figures.map(
        (f) =>
          new TableRow({
            children: [
              cell(f.label, 46),
              cell(shown(f, f.value), 18, true),
              cell(shown(f, f.previous), 18, true),
              cell(changeText(f), 18, true),
            ],
          }),
      ),
    ],
  });
  const doc = new Document({
    creator: 'Shijian 市监',
    title,
    sections: [
      {
        properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [run(title, 44, TITLE_FONT)] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(periodLine(r), 24)],
          }),
          ...r.narrative.flatMap((p) => [para(p.heading, 32, { bold: true }), para(p.text, 32, { indent: true })]),
          para('六、主要指标图表', 32, { bold: true }),
          ...charts.map(chartParagraph),
          para('附表：主要指标及同比', 32, { bold: true }),
          table,
          para('附录：指标数据来源（查询语句）', 32, { bold: true }),
          para(
            `本报告全部数字由以下查询得出；本期与上年同期使用同一查询、不同日期参数。生成时间：${r.generatedAt}`,
            18,
          ),
          ...appendixQueries(r.figures).flatMap((q) => [
            para(`查询${q.no}`, 21, { bold: true }),
            para(q.sql, 16),
            ...q.figures.map(({ figure: f, how }) =>
              para(`${f.label}：本期 ${shown(f, f.value)}，上年同期 ${shown(f, f.previous)}（${how}）`, 21),
            ),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
