/**
 * The kinds of attachment we accept, recognised by their first bytes: a client's declared type is not
 * trusted (a renamed .exe must not be served back as a picture).
 */
const signatures: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/png', test: (b) => b.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex')) },
  { mime: 'image/webp', test: (b) => b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP' },
  { mime: 'image/gif', test: (b) => b.toString('latin1', 0, 4) === 'GIF8' },
  { mime: 'application/pdf', test: (b) => b.toString('latin1', 0, 5) === '%PDF-' },
  {
    mime: 'audio/mpeg',
    test: (b) => b.toString('latin1', 0, 3) === 'ID3' || (b[0] === 0xff && (b[1]! & 0xe0) === 0xe0),
  },
  // HEIC/HEIF (phone cameras) share the ISO media box with MP4: the brand after 'ftyp' tells them apart.
  {
    mime: 'image/heic',
    test: (b) =>
      b.toString('latin1', 4, 8) === 'ftyp' &&
      ['heic', 'heix', 'heim', 'heis', 'mif1', 'msf1'].includes(b.toString('latin1', 8, 12)),
  },
  { mime: 'video/mp4', test: (b) => b.toString('latin1', 4, 8) === 'ftyp' },
];

const officeByExtension: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** The content's type, or null when it is none we accept. Office files are ZIPs: the extension tells which. */
export function sniffMimeType(data: Buffer, filename: string): string | null {
  for (const s of signatures) if (data.length >= 12 && s.test(data)) return s.mime;
  const isZip = data.length >= 4 && data.readUInt32LE(0) === 0x04034b50;
  const ext = filename.toLowerCase().split('.').pop() ?? '';
  if (isZip) return officeByExtension[ext] ?? null;
  if (ext === 'txt' && !data.includes(0)) return 'text/plain; charset=utf-8';
  return null;
}

export const acceptedKinds = 'JPG、PNG、HEIC、WEBP、GIF、PDF、MP3、MP4、DOCX、XLSX、TXT';
