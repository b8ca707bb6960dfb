import PDFDocument from 'pdfkit';
import { type PlacardGrade, placardGradeFace } from '../../../domain/food-placard.ts';
import { type CjkFont, chineseDate, pdfBuffer, useCjkFont } from '../../../platform/pdf.ts';
import { qrPng } from '../../cases/templates/qr.ts';

export interface PlacardPrint {
  size: 'A4' | 'A5';
  font: CjkFont;
  kind: 'dynamic' | 'annual';
  grade: PlacardGrade;
  entityName: string;
  licenceNo: string | null;
  inspectedOn: string;
  issuedOn: string;
  placardId: number;
  url: string;
  authority: string;
}

const FACE_COLOURS = { laugh: '#2f9e44', smile: '#1c7ed6', flat: '#f08c00' } as const;

/** The face of the 2012 scheme (大笑/微笑/平脸), drawn as vectors so it prints sharp at any size. */
function face(doc: PDFKit.PDFDocument, kind: 'laugh' | 'smile' | 'flat', cx: number, cy: number, r: number) {
  const colour = FACE_COLOURS[kind];
  doc.save();
  doc
    .lineWidth(r * 0.08)
    .circle(cx, cy, r)
    .stroke(colour);
  doc
    .circle(cx - r * 0.35, cy - r * 0.25, r * 0.1)
    .circle(cx + r * 0.35, cy - r * 0.25, r * 0.1)
    .fill(colour);
  const left = cx - r * 0.5;
  const right = cx + r * 0.5;
  const y = cy + r * 0.2;
  doc.lineWidth(r * 0.08).lineCap('round');
  if (kind === 'laugh') {
    doc
      .moveTo(left, y)
      .bezierCurveTo(left, y + r * 0.65, right, y + r * 0.65, right, y)
      .closePath()
      .fill(colour);
  } else if (kind === 'smile') {
    doc
      .moveTo(left, y)
      .bezierCurveTo(left + r * 0.2, y + r * 0.4, right - r * 0.2, y + r * 0.4, right, y)
      .stroke(colour);
  } else {
    doc
      .moveTo(left, y + r * 0.15)
      .lineTo(right, y + r * 0.15)
      .stroke(colour);
  }
  doc.restore();
}

/**
 * 食品安全等级公示牌, A4 or A5 portrait: everything is laid out on the A4 grid and scaled, so both sizes look alike.
 */
export async function placardPdf(p: PlacardPrint): Promise<Buffer> {
  const qr = await qrPng(p.url);
  const doc = new PDFDocument({
    size: p.size,
    margin: 0,
    info: { Title: `食品安全等级公示牌 ${p.entityName}`, Author: p.authority },
  });
  return pdfBuffer(doc, (d) => {
    useCjkFont(d, p.font);
    const s = d.page.width / 595.28;
    const w = d.page.width;
    const centre = (text: string, y: number, size: number, colour = '#000000') =>
      d
        .fillColor(colour)
        .fontSize(size * s)
        .text(text, 30 * s, y * s, { width: w - 60 * s, align: 'center' });
    const { face: kind, word } = placardGradeFace[p.grade];
    d.lineWidth(4 * s)
      .rect(16 * s, 16 * s, w - 32 * s, d.page.height - 32 * s)
      .stroke(FACE_COLOURS[kind]);
    centre(p.kind === 'dynamic' ? '餐饮服务食品安全等级公示' : '食品安全年度等级公示', 50, 30);
    face(d, kind, w / 2, 250 * s, 105 * s);
    centre(word, 375, 52, FACE_COLOURS[kind]);
    centre(p.entityName, 455, 24);
    const lines = [
      `许可证编号：${p.licenceNo ?? '—'}`,
      `检查日期：${chineseDate(p.inspectedOn)}`,
      `公示牌编号：${p.placardId}　发放日期：${chineseDate(p.issuedOn)}`,
    ];
    for (const [i, l] of lines.entries()) centre(l, 500 + i * 24, 14);
    const qrSize = 160 * s;
    d.image(qr, (w - qrSize) / 2, 585 * s, { width: qrSize, height: qrSize });
    centre('扫码核验', 750, 18);
    centre(p.authority, 785, 16);
  });
}
