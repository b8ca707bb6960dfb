import { existsSync, readFileSync } from 'node:fs';
import { AppError } from './errors.ts';

/**
 * What every generated PDF (credit decisions, case documents) shares: the CJK font it embeds, the error when
 * there is none, the Chinese date and a pdfkit document collected into one buffer.
 */

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

export interface FontConfig {
  CJK_FONT_PATH?: string;
  CJK_FONT_NAME?: string;
}

export function findCjkFont(config: FontConfig): CjkFont | undefined {
  if (config.CJK_FONT_PATH) {
    return existsSync(config.CJK_FONT_PATH) ? { path: config.CJK_FONT_PATH, name: config.CJK_FONT_NAME } : undefined;
  }
  return SYSTEM_FONTS.find((f) => existsSync(f.path));
}

export const noCjkFont = () =>
  new AppError(
    'VALIDATION',
    '服务器未安装中文字体，无法生成文书：请安装 fonts-noto-cjk 或设置环境变量 CJK_FONT_PATH（.ttc 另设 CJK_FONT_NAME）',
    [{ path: 'document', message: '缺少中文字体' }],
  );

const fontBytes = new Map<string, Buffer>();

/**
 * Registers the CJK font on a document and selects it. The file is read once per process: given a path, pdfkit
 * reads the whole collection (about 20 MB for Noto CJK) for every document, which doubled the time of a download.
 */
export function useCjkFont(doc: PDFKit.PDFDocument, font: CjkFont): void {
  let bytes = fontBytes.get(font.path);
  if (!bytes) {
    bytes = readFileSync(font.path);
    fontBytes.set(font.path, bytes);
  }
  doc.registerFont('cjk', bytes, font.name);
  doc.font('cjk');
}

/** 2026-03-05 → 2026年3月5日 */
export const chineseDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** Collects a pdfkit document into one buffer: `draw` fills it, then it is ended and awaited. */
export async function pdfBuffer(doc: PDFKit.PDFDocument, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
