import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as pdfkit writes it, for tests: content streams (Flate) decoded through each font's ToUnicode
 * CMap (pdfkit writes CJK text as 2-byte glyph codes). One line per text object (BT … ET); a line wrapped by
 * pdfkit is two lines, so search the text with `pdfTextFlat` when a phrase may wrap. Not a general PDF reader.
 */
interface Stream {
  num: number;
  dict: string;
  data: Buffer;
}

function streams(pdf: Buffer): Stream[] {
  const out: Stream[] = [];
  const latin = pdf.toString('latin1');
  const re = /(\d+) 0 obj\s*(<<[\s\S]*?>>)\s*stream\r?\n/g;
  for (let m = re.exec(latin); m; m = re.exec(latin)) {
    const start = m.index + m[0].length;
    const length = /\/Length (\d+)(?! \d+ R)/.exec(m[2] as string);
    const end = length ? start + Number(length[1]) : latin.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    let data = raw;
    if ((m[2] as string).includes('/FlateDecode')) {
      try {
        data = inflateSync(raw);
      } catch {
        continue;
      }
    }
    out.push({ num: Number(m[1]), dict: m[2] as string, data });
  }
  return out;
}

/** code → text from a ToUnicode CMap's bfchar and bfrange sections. */
function parseCmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (hex: string) => Buffer.from(hex, 'hex').swap16().toString('utf16le');
  for (const sec of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, dst] of (sec[1] as string).matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(Number.parseInt(code as string, 16), utf16(dst as string));
  for (const sec of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    const body = sec[1] as string;
    for (const [, lo, hi, arr, single] of body.matchAll(
      /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F]+)>)/g,
    )) {
      const first = Number.parseInt(lo as string, 16);
      const last = Number.parseInt(hi as string, 16);
      if (arr !== undefined) {
        const dsts = [...arr.matchAll(/<([0-9a-fA-F]+)>/g)].map((d) => d[1] as string);
        for (const [i, d] of dsts.entries()) map.set(first + i, utf16(d));
      } else {
        const base = Number.parseInt(single as string, 16);
        for (let c = first; c <= last; c++) map.set(c, String.fromCharCode(base + c - first));
      }
    }
  }
  return map;
}

function literal(s: string): string {
  return s.replace(/\\([nrtbf()\\]|[0-7]{1,3})/g, (_, e: string) =>
    /^[0-7]+$/.test(e)
      ? String.fromCharCode(Number.parseInt(e, 8))
      : ({ n: '\n', r: '\r', t: '\t', b: '', f: '' }[e] ?? e),
  );
}

export function pdfText(pdf: Buffer): string {
  const all = streams(pdf);
  const latin = pdf.toString('latin1');
  const cmaps = new Map<number, Map<number, string>>();
  for (const s of all) {
    const t = s.data.toString('latin1');
    if (t.includes('beginbfrange') || t.includes('beginbfchar')) cmaps.set(s.num, parseCmap(t));
  }
  // Font object → its CMap, and resource name (/F1) → font object.
  const fontCmap = new Map<number, Map<number, string>>();
  for (const m of latin.matchAll(/(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)\/ToUnicode (\d+) 0 R/g)) {
    const cmap = cmaps.get(Number(m[3]));
    if (cmap) fontCmap.set(Number(m[1]), cmap);
  }
  const names = new Map<string, number>();
  for (const m of latin.matchAll(/\/(F\d+) (\d+) 0 R/g)) names.set(m[1] as string, Number(m[2]));
  const onlyCmap = cmaps.size === 1 ? [...cmaps.values()][0] : undefined;

  const lines: string[] = [];
  for (const s of all) {
    if (s.dict.includes('/Subtype') || s.dict.includes('/Length1')) continue; // fonts, images
    const content = s.data.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    let cmap: Map<number, string> | undefined;
    for (const block of content.split(/\bBT\b/).slice(1)) {
      const body = block.split(/\bET\b/)[0] as string;
      let line = '';
      const ops = /\/(F\d+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\(((?:\\.|[^\\)])*)\)/g;
      for (const m of body.matchAll(ops)) {
        if (m[1]) {
          const font = names.get(m[1]);
          cmap = (font !== undefined ? fontCmap.get(font) : undefined) ?? onlyCmap;
        } else if (m[2] !== undefined) {
          const hex = m[2];
          const width = cmap ? 4 : 2;
          for (let i = 0; i + width <= hex.length; i += width) {
            const code = Number.parseInt(hex.slice(i, i + width), 16);
            line += cmap?.get(code) ?? String.fromCharCode(code);
          }
        } else if (m[3] !== undefined) line += literal(m[3]);
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}

/** The text with pdfkit's line breaks removed, to find a phrase wherever a line wrapped. */
export const pdfTextFlat = (pdf: Buffer) => pdfText(pdf).replace(/\n/g, '');
