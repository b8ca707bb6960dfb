import PDFDocument from 'pdfkit';
import { type Block, type DocLayout, qrCaption, type SignatureSlot } from './doc-layout.ts';
import { type CjkFont, noCjkFont, pdfBuffer, useCjkFont } from './pdf.ts';

const MARGIN = { top: 72, bottom: 72, left: 80, right: 80 };
const LABEL_WIDTH = 110;
const PAD = 6;

/** A 审批表 row: label cell and value cell, as tall as the longer text; a new page when it does not fit. */
function formRow(doc: PDFKit.PDFDocument, label: string, value: string) {
  const x = MARGIN.left;
  const width = doc.page.width - MARGIN.left - MARGIN.right;
  const valueWidth = width - LABEL_WIDTH;
  const text = value || ' ';
  const h =
    Math.max(
      doc.heightOfString(label, { width: LABEL_WIDTH - 2 * PAD }),
      doc.heightOfString(text, { width: valueWidth - 2 * PAD, lineGap: 2 }),
    ) +
    2 * PAD;
  if (doc.y + h > doc.page.height - MARGIN.bottom) doc.addPage();
  const y = doc.y;
  doc
    .rect(x, y, LABEL_WIDTH, h)
    .rect(x + LABEL_WIDTH, y, valueWidth, h)
    .stroke();
  doc.text(label, x + PAD, y + PAD, { width: LABEL_WIDTH - 2 * PAD });
  doc.text(text, x + LABEL_WIDTH + PAD, y + PAD, { width: valueWidth - 2 * PAD, lineGap: 2 });
  doc.x = x;
  doc.y = y + h;
}

const SLOT_HEIGHT = 80;
const IMAGE_HEIGHT = 40;
/** The entity and two inspectors (the usual team) side by side, so the signatures stay under the record. */
const SLOTS_PER_ROW = 3;

/** Signature boxes three to a row: the role, the image as drawn (or a blank line), the name and the date. */
function signatureSlots(doc: PDFKit.PDFDocument, slots: readonly SignatureSlot[]) {
  const x0 = MARGIN.left;
  const width = (doc.page.width - MARGIN.left - MARGIN.right) / SLOTS_PER_ROW;
  doc.moveDown(0.5).fontSize(11);
  for (let i = 0; i < slots.length; i += SLOTS_PER_ROW) {
    if (doc.y + SLOT_HEIGHT > doc.page.height - MARGIN.bottom) doc.addPage();
    const y = doc.y;
    slots.slice(i, i + SLOTS_PER_ROW).forEach((s, j) => {
      const x = x0 + j * width;
      doc.rect(x, y, width, SLOT_HEIGHT).stroke();
      doc.text(`${s.role}：`, x + PAD, y + PAD, { width: width - 2 * PAD });
      const imageY = y + PAD + 16;
      if (s.png) doc.image(s.png, x + PAD, imageY, { fit: [width - 2 * PAD, IMAGE_HEIGHT] });
      else doc.text('（未签名）', x + PAD, imageY + IMAGE_HEIGHT / 2 - 6, { width: width - 2 * PAD });
      const caption = [s.name, s.signedOn].filter(Boolean).join('　');
      doc.text(caption, x + PAD, y + SLOT_HEIGHT - PAD - 13, { width: width - 2 * PAD, align: 'right' });
    });
    doc.x = x0;
    doc.y = y + SLOT_HEIGHT;
  }
  doc.fontSize(13);
}

/** The footer on every page, with the page number: drawn once all pages exist (bufferPages). */
function footers(doc: PDFKit.PDFDocument, footer: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const y = doc.page.height - MARGIN.bottom + 24;
    // Below the bottom margin: lift it so pdfkit does not start a new page for the footer line.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.fontSize(9).text(`${footer}　第 ${i - start + 1} 页 共 ${count} 页`, MARGIN.left, y, {
      width: doc.page.width - MARGIN.left - MARGIN.right,
      align: 'center',
    });
    doc.page.margins.bottom = bottom;
  }
}

function block(doc: PDFKit.PDFDocument, b: Block) {
  const left = MARGIN.left;
  switch (b.kind) {
    case 'heading':
      doc.moveDown(0.6).fontSize(14).text(b.text, left, doc.y).fontSize(13);
      break;
    case 'paragraph':
      for (const line of b.text.split('\n')) doc.moveDown(0.3).text(`　　${line}`, left, doc.y, { lineGap: 4 });
      break;
    case 'form':
      doc.moveDown(0.5).fontSize(12);
      for (const [label, value] of b.rows) formRow(doc, label, value);
      doc.fontSize(13);
      break;
    case 'signature':
      doc.moveDown(1.5);
      for (const line of b.lines) doc.text(line, left, doc.y, { align: 'right' });
      break;
    case 'note':
      doc.moveDown(0.8).fontSize(10).text(b.text, left, doc.y, { lineGap: 2 }).fontSize(13);
      break;
    case 'signatures':
      signatureSlots(doc, b.slots);
      break;
  }
}

/** The document as PDF with the CJK font embedded (subset); its number and title also in the metadata. */
export async function renderLayoutPdf(font: CjkFont | undefined, d: DocLayout, qrPng?: Buffer): Promise<Buffer> {
  if (!font) throw noCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    info: { Title: d.title, Subject: d.docNo, Author: d.authority, Creator: 'Shijian 市监' },
    ...(d.footer !== undefined && { bufferPages: true }),
  });
  return pdfBuffer(doc, (doc) => {
    useCjkFont(doc, font);
    doc.fontSize(18).text(d.authority, { align: 'center' });
    doc.moveDown(0.3).fontSize(22).text(d.title, { align: 'center' });
    doc.moveDown(0.5).fontSize(12).text(d.docNo, { align: 'right' });
    doc.fontSize(13);
    for (const b of d.blocks) block(doc, b);
    if (qrPng) {
      if (doc.y + 120 > doc.page.height - MARGIN.bottom) doc.addPage();
      const y = doc.y + 16;
      doc.image(qrPng, MARGIN.left, y, { width: 90, height: 90 });
      doc.fontSize(9).text(qrCaption, MARGIN.left, y + 94, { width: 160 });
    }
    if (d.footer !== undefined) footers(doc, d.footer);
  });
}
