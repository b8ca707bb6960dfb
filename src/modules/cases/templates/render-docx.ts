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
import { type Block, type DocLayout, qrCaption } from '../../../platform/doc-layout.ts';
import { DOCX_BODY_FONT, DOCX_TITLE_FONT } from '../../../platform/docx-fonts.ts';

const TITLE_FONT = DOCX_TITLE_FONT;
const BODY_FONT = DOCX_BODY_FONT;
const BODY_SIZE = 32;
/** Two characters of 16 pt, in twips. */
const FIRST_LINE = 640;

const run = (text: string, size = BODY_SIZE, font = BODY_FONT) => new TextRun({ text, size, font });

function blockParagraphs(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [
        new Paragraph({
          spacing: { before: 120 },
          children: [new TextRun({ text: b.text, size: BODY_SIZE, font: BODY_FONT, bold: true })],
        }),
      ];
    case 'paragraph':
      return b.text
        .split('\n')
        .map(
          (line) => new Paragraph({ indent: { firstLine: FIRST_LINE }, spacing: { line: 560 }, children: [run(line)] }),
        );
    case 'form':
      return [
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows.map(
            ([label, value]) =>
              new TableRow({
                children: [
                  new TableCell({
                    width: { size: 22, type: WidthType.PERCENTAGE },
                    children: [new Paragraph({ children: [run(label, 28)] })],
                  }),
                  new TableCell({
                    width: { size: 78, type: WidthType.PERCENTAGE },
                    children: (value || ' ').split('\n').map((line) => new Paragraph({ children: [run(line, 28)] })),
                  }),
                ],
              }),
          ),
        }),
      ];
    case 'signature':
      return b.lines.map(
        (line, i) =>
          new Paragraph({
            alignment: AlignmentType.RIGHT,
            spacing: { before: i === 0 ? 480 : 0 },
            children: [run(line)],
          }),
      );
    case 'note':
      return [new Paragraph({ spacing: { before: 240 }, children: [run(b.text, 21)] })];
    case 'signatures':
      return b.slots.map(
        (s) =>
          new Paragraph({
            spacing: { before: 240 },
            children: [
              run(`${s.role}：`),
              s.png
                ? new ImageRun({ type: 'png', data: s.png, transformation: { width: 150, height: 50 } })
                : run('＿＿＿＿＿＿'),
              run(`　${s.name}${s.signedOn ? `　${s.signedOn}` : ''}`),
            ],
          }),
      );
  }
}

/** The document as DOCX (Word), the same layout as the PDF. */
export async function renderLayoutDocx(d: DocLayout, qrPng?: Buffer): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(d.authority, 36, TITLE_FONT)] }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 120 },
      children: [run(d.title, 44, TITLE_FONT)],
    }),
    new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [run(d.docNo)] }),
    ...d.blocks.flatMap(blockParagraphs),
  ];
  if (qrPng) {
    children.push(
      new Paragraph({
        spacing: { before: 240 },
        children: [new ImageRun({ type: 'png', data: qrPng, transformation: { width: 110, height: 110 } })],
      }),
      new Paragraph({ children: [run(qrCaption, 18)] }),
    );
  }
  const doc = new Document({
    creator: 'Shijian 市监',
    title: d.title,
    subject: d.docNo,
    sections: [{ properties: { page: { margin: { top: 2098, bottom: 1984, left: 1587, right: 1474 } } }, children }],
  });
  return Packer.toBuffer(doc);
}
