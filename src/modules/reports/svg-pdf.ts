import type { ReportChart } from './charts.ts';
import { svgShapes } from './svg-shapes.ts';

/**
 * Draws a chart's SVG into a pdfkit page as vectors (pdfkit reads SVG path data itself), its text in the document's
 * current (CJK) font. `width` is the drawn width in points; the height follows the chart's aspect.
 */
export function drawSvgChart(doc: PDFKit.PDFDocument, chart: ReportChart, x: number, y: number, width: number): number {
  const scale = width / chart.width;
  doc.save();
  doc.translate(x, y).scale(scale);
  for (const s of svgShapes(chart.svg)) {
    doc.save();
    doc.transform(...s.matrix);
    if (s.kind === 'path') {
      // A path with neither fill nor stroke must not be started: pdfkit would paint it with the next shape.
      if (!s.fill && !s.stroke) {
        doc.restore();
        continue;
      }
      doc.path(s.d);
      if (s.fill && s.stroke) doc.lineWidth(s.strokeWidth).fillOpacity(s.opacity).fillAndStroke(s.fill, s.stroke);
      else if (s.fill) doc.fillOpacity(s.opacity).fill(s.fill);
      else if (s.stroke) doc.lineWidth(s.strokeWidth).strokeOpacity(s.opacity).stroke(s.stroke);
    } else {
      doc.fontSize(s.fontSize).fillColor(s.fill);
      const w = doc.widthOfString(s.text);
      const left = s.x - (s.anchor === 'middle' ? w / 2 : s.anchor === 'end' ? w : 0);
      // ECharts writes dominant-baseline central: y is the middle of the line.
      doc.text(s.text, left, s.y - s.fontSize * 0.6, { lineBreak: false });
    }
    doc.restore();
  }
  doc.restore();
  doc.fillColor('#000').fillOpacity(1).strokeOpacity(1);
  return (chart.height * width) / chart.width;
}
