import PDFDocument from 'pdfkit';
import { type CjkFont, chineseDate, noCjkFont, pdfBuffer, useCjkFont } from '../../../platform/pdf.ts';

export interface DecisionDocument {
  /** e.g. 列入经营异常名录决定书 */
  title: string;
  decisionNo: string;
  authority: string;
  decidedOn: string;
  /** Addressee lines: one entity, or a header before the table of a batch. */
  addressee: string;
  paragraphs: string[];
  /** A batch decision lists its entities. */
  table?: { uscc: string; name: string }[];
}

/** Renders a decision document as PDF with the CJK font embedded (subset), the number also in the metadata. */
export async function renderDecisionPdf(font: CjkFont | undefined, d: DecisionDocument): Promise<Buffer> {
  if (!font) throw noCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 80, right: 80 },
    info: { Title: d.title, Subject: d.decisionNo, Author: d.authority, Creator: 'Shijian 市监' },
  });
  return pdfBuffer(doc, (doc) => {
    useCjkFont(doc, font);
    doc.fontSize(18).text(d.authority, { align: 'center' });
    doc.moveDown(0.3).fontSize(22).text(d.title, { align: 'center' });
    doc.moveDown(0.5).fontSize(12).text(d.decisionNo, { align: 'right' });
    doc.moveDown().fontSize(13).text(d.addressee);
    for (const p of d.paragraphs) doc.moveDown(0.5).text(`　　${p}`, { lineGap: 4 });
    if (d.table?.length) {
      doc.moveDown().fontSize(11);
      d.table.forEach((row, i) => {
        doc.text(`${String(i + 1).padStart(4, ' ')}  ${row.uscc}  ${row.name}`);
      });
      doc.fontSize(13);
    }
    doc.moveDown(2).text(d.authority, { align: 'right' });
    doc.text(chineseDate(d.decidedOn), { align: 'right' });
  });
}
