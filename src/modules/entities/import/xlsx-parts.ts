import { posix } from 'node:path';
import { SaxesParser } from 'saxes';
import { fileError, type ImportLimits, limitErrors } from './limits.ts';
import { XmlScanner } from './xml-scanner.ts';
import { inflateEntry, readZipDirectory, type ZipEntry } from './zip.ts';

/** An element as either parser gives it (the scanner's comes with its local name). */
export interface Tag {
  name: string;
  attributes: Record<string, string>;
  local?: string;
}

/**
 * The scanner (xml-scanner.ts) reads the big parts, sheets and shared strings; saxes the small ones, and it stays
 * selectable for the big ones as the reference the scanner is tested against.
 */
export type XmlParser = 'scanner' | 'saxes';

/** The element's name without its namespace prefix (some writers use `x:row`). */
export const localName = (tag: Tag) => tag.local ?? tag.name.slice(tag.name.indexOf(':') + 1);
export const attr = (tag: Tag, key: string) => tag.attributes[key] as string | undefined;

export interface Relationship {
  id: string;
  type: string;
  /** Zip path, resolved against the folder of the part that owns the relationship. */
  target: string;
}

/** Structure parts (workbook, relationships, styles) are small; anything bigger is not a normal workbook. */
const MAX_STRUCTURE_BYTES = 16 * 1024 * 1024;

const unreadable = (part: string) => fileError(`无法读取 XLSX 文件：${part} 格式错误，请用 Excel 重新保存后上传`);

/** Before anything is inflated: the sizes the zip declares, against the limits. */
export function checkDeclaredSizes(entries: ZipEntry[], limits: ImportLimits): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxUnzippedBytes) throw limitErrors.unzipped(limits);
  const strings = entries.filter((e) => /(^|\/)sharedStrings[^/]*\.xml$/i.test(e.name));
  if (strings.some((e) => e.size > limits.maxSharedStringsBytes)) throw limitErrors.sharedStrings(limits);
}

/**
 * The upload-time check of an XLSX, before it is stored: its directory (read from the end of the file) must not
 * declare more than the limits allow. A file whose directory cannot be read is left to the import job, which
 * reports it as damaged; sizes that lie are caught there too, as the parts are inflated.
 */
export function checkUploadedXlsx(pieces: Uint8Array[], sizeBytes: number, limits: ImportLimits): void {
  const tail = tailOf(pieces, Math.min(sizeBytes, TAIL_BYTES));
  let entries: ZipEntry[] | undefined;
  try {
    entries = readZipDirectory(tail, sizeBytes - tail.length);
  } catch {
    return;
  }
  if (entries) checkDeclaredSizes(entries, limits);
}

/** Enough for the directory of any workbook (MAX_ZIP_ENTRIES entries with long names). */
const TAIL_BYTES = 8 * 1024 * 1024;

function tailOf(pieces: Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let end = n;
  for (let i = pieces.length - 1; i >= 0 && end > 0; i--) {
    const piece = pieces[i]!;
    const take = Math.min(end, piece.length);
    out.set(piece.subarray(piece.length - take), end - take);
    end -= take;
  }
  return out;
}

/** The parts of an XLSX package, each read as a bounded stream of XML events. */
export class XlsxParts {
  private readonly list: ZipEntry[];
  private readonly byName: Map<string, ZipEntry>;

  constructor(
    private readonly file: Uint8Array,
    readonly limits: ImportLimits,
  ) {
    this.list = readZipDirectory(file) ?? [];
    checkDeclaredSizes(this.list, limits);
    this.byName = new Map(this.list.map((e) => [e.name.replace(/^\//, ''), e]));
  }

  find(path: string): ZipEntry | undefined {
    const lower = path.toLowerCase();
    return this.byName.get(path) ?? this.list.find((e) => e.name.toLowerCase() === lower);
  }

  /**
   * The part's text, decoded chunk by chunk. A run of characters without a `<` longer than any cell could need
   * is refused here, before the XML parser buffers it.
   */
  async *text(entry: ZipEntry): AsyncGenerator<string> {
    const decoder = new TextDecoder('utf-8');
    const maxRun = this.limits.maxCellChars * 8 + 4096;
    let run = 0;
    for await (const chunk of inflateEntry(this.file, entry)) {
      const text = decoder.decode(chunk, { stream: true });
      const first = text.indexOf('<');
      if ((first < 0 ? run + text.length : run + first) > maxRun) {
        throw limitErrors.cellChars(this.limits);
      }
      run = first < 0 ? run + text.length : text.length - text.lastIndexOf('<') - 1;
      yield text;
    }
  }

  /**
   * Streams the part through a SAX parser; after each chunk, yields what the handlers collected (`drain`).
   * Errors of the handlers (limits) pass through; malformed XML becomes a Chinese file error.
   */
  async *events<T>(
    entry: ZipEntry,
    handlers: XmlHandlers,
    drain: () => T[],
    xml: XmlParser = 'saxes',
  ): AsyncGenerator<T> {
    const parser = xml === 'scanner' ? new XmlScanner(handlers) : saxes(handlers);
    for await (const text of this.text(entry)) {
      try {
        parser.write(text);
      } catch (err) {
        throw (err as { code?: string }).code === 'VALIDATION' ? err : unreadable(entry.name);
      }
      yield* drain();
    }
    try {
      parser.close();
    } catch {
      throw unreadable(entry.name);
    }
    yield* drain();
  }

  /** A structure part parsed whole (it is small and capped). */
  async parse(entry: ZipEntry, handlers: XmlHandlers): Promise<void> {
    if (entry.size > MAX_STRUCTURE_BYTES) throw fileError(`无法读取 XLSX 文件：${entry.name} 过大`);
    for await (const _ of this.events(entry, handlers, () => [])) {
      // handlers collect
    }
  }

  async relationships(path: string, dir: string): Promise<Relationship[]> {
    const entry = this.find(path);
    if (!entry) return [];
    const out: Relationship[] = [];
    await this.parse(entry, {
      open: (tag) => {
        if (localName(tag) !== 'Relationship') return;
        const raw = attr(tag, 'Target') ?? '';
        const target = raw.startsWith('/') ? raw.slice(1) : posix.normalize(posix.join(dir, raw));
        out.push({ id: attr(tag, 'Id') ?? '', type: attr(tag, 'Type') ?? '', target });
      },
    });
    return out;
  }
}

function saxes(handlers: XmlHandlers): SaxesParser {
  const parser = new SaxesParser();
  parser.on('opentag', handlers.open);
  if (handlers.text) {
    parser.on('text', handlers.text);
    parser.on('cdata', handlers.text); // CDATA is text too (the scanner reads it so)
  }
  if (handlers.close) parser.on('closetag', handlers.close);
  return parser;
}

export interface XmlHandlers {
  open: (tag: Tag) => void;
  text?: (text: string) => void;
  close?: (tag: Tag) => void;
}
