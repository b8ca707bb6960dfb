import QRCode from 'qrcode';

/** A decision's QR code as PNG (for pdfkit and the docx ImageRun): medium error correction survives a smudged print. */
export const qrPng = (url: string): Promise<Buffer> =>
  QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
