import { chineseDate } from './pdf.ts';

/**
 * The one layout every case document is drawn from, so a template only says what it holds (headings, paragraphs,
 * an approval form's rows) and the PDF and DOCX renderers say how it looks: the authority over the title, the number
 * on the right, the body, the seal line and, on a decision, the QR code of its public page.
 */
export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'form'; rows: readonly (readonly [string, string])[] }
  | { kind: 'signature'; lines: readonly string[] }
  | { kind: 'note'; text: string }
  | { kind: 'signatures'; slots: readonly SignatureSlot[] };

/** One signer's box on a record signed on the spot: who signs, as whom, and the captured image when signed. */
export interface SignatureSlot {
  role: string;
  name: string;
  /** The signature as drawn (PNG); the box stays blank for a signer who has not signed. */
  png?: Buffer;
  /** When they signed, as printed (e.g. 2026年3月5日). */
  signedOn?: string;
}

export interface DocLayout {
  authority: string;
  title: string;
  docNo: string;
  blocks: Block[];
  /** Printed as a QR code under the seal (decisions). */
  qrUrl?: string;
  /** Printed at the foot of every page with its number ("第 1 页 共 2 页"); documents without one have none. */
  footer?: string;
}

export const heading = (text: string): Block => ({ kind: 'heading', text });
export const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
export const form = (rows: readonly (readonly [string, string])[]): Block => ({ kind: 'form', rows });
export const note = (text: string): Block => ({ kind: 'note', text });
export const signatures = (slots: readonly SignatureSlot[]): Block => ({ kind: 'signatures', slots });

/** The seal line: the authority and the date (a form leaves the seal to the approvers' rows). */
export const signature = (authority: string, issuedOn: string): Block => ({
  kind: 'signature',
  lines: [`${authority}（印章）`, chineseDate(issuedOn)],
});

/** The QR caption, under the code. */
export const qrCaption = '扫码查看行政处罚信息公示';
