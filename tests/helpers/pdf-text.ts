import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that pdfkit wrote with an embedded (subset) CJK font, for assertions: every stream is
 * inflated, the fonts' ToUnicode CMaps map glyph ids back to characters, and each BT…ET text object becomes one
 * line. Not a general PDF parser: enough for our generated documents (no object streams, hex-encoded glyphs).
 */
export function pdfText(pdf: Buffer): string {
  const streams = decodedStreams(pdf);
  const glyphs = new Map<string, string>();
  for (const s of streams) if (s.includes('begincmap')) readCMap(s, glyphs);
  const width = glyphs.size ? [...glyphs.keys()][0]!.length : 4;
  const lines: string[] = [];
  for (const s of streams) {
    if (s.includes('begincmap')) continue;
    for (const [, body] of s.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let line = '';
      for (const [, hex] of body!.matchAll(/<([0-9a-fA-F\s]*)>/g)) {
        const h = hex!.replace(/\s/g, '').toLowerCase();
        for (let i = 0; i + width <= h.length; i += width) line += glyphs.get(h.slice(i, i + width)) ?? '';
      }
      if (line) lines.push(line);
    }
  }
  return lines.join('\n');
}

function decodedStreams(pdf: Buffer): string[] {
  const out: string[] = [];
  const raw = pdf.toString('latin1');
  const re = /stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const dict = raw.slice(Math.max(0, raw.lastIndexOf('obj', m.index)), m.index);
    let data = pdf.subarray(start, end);
    if (/\/FlateDecode/.test(dict)) {
      try {
        data = inflateSync(data);
      } catch {
        // Trailing newline before endstream, or not ours to read (an image): the tolerant way, else skip.
        try {
          data = inflateSync(data, { finishFlush: 2 });
        } catch {
          continue;
        }
      }
    }
    if (!/\/Subtype\s*\/Image/.test(dict)) out.push(data.toString('latin1'));
    re.lastIndex = end;
  }
  return out;
}

const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');

function readCMap(cmap: string, glyphs: Map<string, string>) {
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, src, dst] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      glyphs.set(src!.toLowerCase(), utf16(dst!));
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, lo, hi, dst] of block!.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g,
    )) {
      const from = Number.parseInt(lo!, 16);
      const to = Number.parseInt(hi!, 16);
      const key = (n: number) => n.toString(16).padStart(lo!.length, '0');
      if (dst!.startsWith('[')) {
        const list = [...dst!.matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]!);
        for (const [i, d] of list.entries()) glyphs.set(key(from + i), utf16(d));
      } else {
        const base = Number.parseInt(dst!.slice(1, -1), 16);
        const digits = dst!.length - 2;
        for (let n = from; n <= to; n++)
          glyphs.set(key(n), utf16((base + n - from).toString(16).padStart(digits, '0')));
      }
    }
  }
}
