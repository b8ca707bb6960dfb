import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '../../../platform/errors.ts';

/** Where a CJK font is looked for after CJK_FONT_PATH: Debian/Ubuntu packages first, then other systems. */
const SYSTEM_FONTS: readonly { path: string; name?: string }[] = [
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', name: 'NotoSerifCJKsc-Regular' },
  { path: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc', name: 'NotoSansCJKsc-Regular' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', name: 'WenQuanYiMicroHei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', name: 'WenQuanYiZenHei' },
  { path: '/usr/share/fonts/truetype/arphic/uming.ttc', name: 'AR PL UMing CN' },
  { path: 'C:\\Windows\\Fonts\\simhei.ttf' },
  { path: '/Library/Fonts/Arial Unicode.ttf' },
];

export interface CjkFont {
  path: string;
  name?: string;
}

export function findCjkFont(config: { CJK_FONT_PATH?: string; CJK_FONT_NAME?: string }): CjkFont | undefined {
  if (config.CJK_FONT_PATH) {
    return existsSync(config.CJK_FONT_PATH) ? { path: config.CJK_FONT_PATH, name: config.CJK_FONT_NAME } : undefined;
  }
  return SYSTEM_FONTS.find((f) => existsSync(f.path));
}

export const noCjkFont = () =>
  new AppError(
    'VALIDATION',
    '服务器未安装中文字体，无法生成决定书：请安装 fonts-noto-cjk 或设置环境变量 CJK_FONT_PATH（.ttc 另设 CJK_FONT_NAME）',
    [{ path: 'document', message: '缺少中文字体' }],
  );

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

const chineseDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Renders a decision document as PDF with the CJK font embedded (subset), the number also in the metadata. */
export async function renderDecisionPdf(font: CjkFont | undefined, d: DecisionDocument): Promise<Buffer> {
  if (!font) throw noCjkFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 80, right: 80 },
    info: { Title: d.title, Subject: d.decisionNo, Author: d.authority, Creator: 'Shijian 市监' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.path, font.name);
  doc.font('cjk');
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
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
