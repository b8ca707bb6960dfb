import { posix } from 'node:path';
import { knownHeaderCount } from './headers.ts';
import { fileError, type ImportLimits, limitErrors } from './limits.ts';
import { attr, localName, type Tag, XlsxParts, type XmlParser } from './xlsx-parts.ts';
import type { ZipEntry } from './zip.ts';

/** One spreadsheet row as read: its 1-based number and its cells. */
export interface SheetRow {
  row: number;
  cells: unknown[];
}

/**
 * Rows of the data sheet, read straight from the zip with every size bounded as it streams: parts are inflated a
 * chunk at a time and never past their declared size (checked against the limits first), the shared-string table
 * is capped, and rows, columns and cell lengths are counted as the sheet's XML goes by. (exceljs's streaming
 * reader inflates without a bound and keeps the whole shared-string table: a 16 MB upload asked for 4.4 GB.)
 *
 * The data sheet is the first worksheet, in workbook order, whose first non-empty row names at least two known
 * columns, so an instructions sheet placed first is skipped. Cells come as exceljs gave them: strings, numbers,
 * booleans, and Dates (UTC) for numbers in a date format.
 */
export async function* readXlsxRows(
  file: Uint8Array,
  limits: ImportLimits,
  /** How many known column names a row holds (another module's import passes its own headers). */
  headerCount: (cells: readonly unknown[]) => number = knownHeaderCount,
  /** Parser of the sheets and shared strings: saxes only as the tests' reference. */
  xml: XmlParser = 'scanner',
): AsyncGenerator<SheetRow> {
  for await (const batch of readXlsxRowBatches(file, limits, headerCount, xml)) yield* batch;
}

/** readXlsxRows's rows in the batches they are read in (one per inflated chunk), for a consumer that loops itself. */
export async function* readXlsxRowBatches(
  file: Uint8Array,
  limits: ImportLimits,
  headerCount: (cells: readonly unknown[]) => number = knownHeaderCount,
  xml: XmlParser = 'scanner',
): AsyncGenerator<SheetRow[]> {
  const book = await openWorkbook(new XlsxParts(file, limits), xml);
  for (const sheet of book.sheets) {
    let seen = 0; // rows of this sheet, the header included
    for await (const batch of sheetRows(book, sheet)) {
      if (seen === 0 && headerCount(batch[0]!.cells) < 2) break; // not the data sheet: stop inflating it
      // The header and limits.maxRows data rows; the rows before the first one over are still given.
      const room = limits.maxRows + 1 - seen;
      if (batch.length > room) {
        if (room > 0) yield batch.slice(0, room);
        throw limitErrors.rows(limits);
      }
      seen += batch.length;
      yield batch;
    }
    if (seen > 0) return;
  }
}

interface Workbook {
  parts: XlsxParts;
  sheets: ZipEntry[];
  sharedStrings: string[];
  /** Per cell style (`s`): whether its number format shows a date. */
  dateStyles: boolean[];
  date1904: boolean;
  xml: XmlParser;
}

async function openWorkbook(parts: XlsxParts, xml: XmlParser): Promise<Workbook> {
  const root = await parts.relationships('_rels/.rels', '');
  const bookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const bookEntry = parts.find(bookPath);
  if (!bookEntry) throw fileError('无法读取 XLSX 文件：文件中没有工作簿，请用 Excel 重新保存后上传');
  const dir = posix.dirname(bookPath);
  const rels = await parts.relationships(`${dir}/_rels/${posix.basename(bookPath)}.rels`, dir);
  const target = (type: string, fallback: string) => rels.find((r) => r.type.endsWith(type))?.target ?? fallback;

  const sheetIds: string[] = [];
  let date1904 = false;
  await parts.parse(bookEntry, {
    open: (tag) => {
      const n = localName(tag);
      if (n === 'workbookPr') date1904 = ['1', 'true'].includes(attr(tag, 'date1904') ?? '');
      if (n === 'sheet') sheetIds.push(Object.entries(tag.attributes).find(([k]) => /(^|:)id$/.test(k))?.[1] ?? '');
    },
  });
  const sheets = sheetIds.flatMap((id) => {
    const rel = rels.find((r) => r.id === id && r.type.endsWith('/worksheet'));
    const entry = rel && parts.find(rel.target);
    return entry ? [entry] : [];
  });

  const stringsEntry = parts.find(target('/sharedStrings', `${dir}/sharedStrings.xml`));
  if (stringsEntry && stringsEntry.size > parts.limits.maxSharedStringsBytes) {
    throw limitErrors.sharedStrings(parts.limits);
  }
  const stylesEntry = parts.find(target('/styles', `${dir}/styles.xml`));
  return {
    parts,
    sheets,
    date1904,
    xml,
    dateStyles: stylesEntry ? await dateStyles(parts, stylesEntry) : [],
    sharedStrings: stringsEntry ? await sharedStrings(parts, stringsEntry, xml) : [],
  };
}

/** Built-in number formats that show dates or times (ECMA-376 18.8.30, with the Chinese-locale ids 27–36, 50–58). */
const builtInDateFormat = (id: number) =>
  (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);

/** As exceljs decides: a format code with y, m, d, h, s outside quotes and brackets is a date format. */
const isDateCode = (code: string) => /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));

async function dateStyles(parts: XlsxParts, entry: ZipEntry): Promise<boolean[]> {
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await parts.parse(entry, {
    open: (tag) => {
      const n = localName(tag);
      if (n === 'numFmt') custom.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) formats.push(Number(attr(tag, 'numFmtId') ?? 0));
    },
    close: (tag) => {
      if (localName(tag) === 'cellXfs') inCellXfs = false;
    },
  });
  return formats.map((id) => (custom.has(id) ? isDateCode(custom.get(id)!) : builtInDateFormat(id)));
}

/** The shared-string table: plain text of each item (rich-text runs joined, phonetic guides left out). */
async function sharedStrings(parts: XlsxParts, entry: ZipEntry, xml: XmlParser): Promise<string[]> {
  const out: string[] = [];
  let text: string | undefined;
  let inT = false;
  let inPhonetic = false;
  const events = parts.events(
    entry,
    {
      open: (tag) => {
        const n = localName(tag);
        if (n === 'si') text = '';
        else if (n === 't' && !inPhonetic) inT = true;
        else if (n === 'rPh') inPhonetic = true;
      },
      // Lengths are checked where a cell uses the string, so the error can name its row.
      text: (t) => {
        if (inT && text !== undefined) text += t;
      },
      close: (tag) => {
        const n = localName(tag);
        if (n === 't') inT = false;
        else if (n === 'rPh') inPhonetic = false;
        else if (n === 'si') {
          out.push(text ?? '');
          text = undefined;
        }
      },
    },
    () => [],
    xml,
  );
  for await (const _ of events) {
    // collected into `out`
  }
  return out;
}

const EXCEL_EPOCH_DAYS = 25_569; // 1970-01-01 as an Excel 1900-system serial
/** The column of a reference like `AB12` (-1 when it has no letters); by char codes, as it runs for every cell. */
const columnIndex = (ref: string) => {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
};

interface CellState {
  column: number;
  type: string;
  style: number;
  value: string;
  inline: string;
}

/**
 * A sheet's rows that hold at least one value, as they stream by, in batches (one per inflated chunk: an async
 * step per row cost more than parsing it); empty cells are skipped.
 */
function sheetRows(book: Workbook, entry: ZipEntry): AsyncGenerator<SheetRow[]> {
  const { limits } = book.parts;
  const ready: SheetRow[] = [];
  let row: SheetRow | undefined;
  let rowNumber = 0;
  let hasValue = false;
  let lastColumn = -1;
  let cell: CellState | undefined;
  let capture: 'v' | 't' | undefined;
  let inPhonetic = false;

  function value(c: CellState): unknown {
    switch (c.type) {
      case 's':
        return book.sharedStrings[Number(c.value)] ?? '';
      case 'inlineStr':
        return c.inline;
      case 'str':
      case 'e':
        return c.value;
      case 'b':
        return c.value !== '' && Number(c.value) !== 0;
      default: {
        if (c.value === '') return '';
        const n = Number(c.value);
        if (Number.isNaN(n)) return c.value;
        if (!book.dateStyles[c.style]) return n;
        const days = n - EXCEL_EPOCH_DAYS + (book.date1904 ? 1462 : 0);
        return new Date(Math.round(days * 86_400_000));
      }
    }
  }

  return book.parts.events(
    entry,
    {
      open: (tag: Tag) => {
        switch (localName(tag)) {
          case 'row':
            rowNumber = Number(attr(tag, 'r')) || rowNumber + 1;
            row = { row: rowNumber, cells: [] };
            hasValue = false;
            lastColumn = -1;
            break;
          case 'c': {
            const ref = attr(tag, 'r');
            const column = ref ? columnIndex(ref) : lastColumn + 1;
            lastColumn = column;
            cell = { column, type: attr(tag, 't') ?? 'n', style: Number(attr(tag, 's') ?? 0), value: '', inline: '' };
            break;
          }
          case 'v':
            capture = cell ? 'v' : undefined;
            break;
          case 't':
            capture = cell && !inPhonetic ? 't' : undefined;
            break;
          case 'rPh':
            inPhonetic = true;
            break;
        }
      },
      text: (text: string) => {
        if (!cell || !capture) return;
        if (capture === 'v') cell.value += text;
        else cell.inline += text;
        if (cell.value.length + cell.inline.length > limits.maxCellChars)
          throw limitErrors.cellChars(limits, rowNumber);
      },
      close: (tag: Tag) => {
        switch (localName(tag)) {
          case 'v':
          case 't':
            capture = undefined;
            break;
          case 'rPh':
            inPhonetic = false;
            break;
          case 'c': {
            const v = cell && row ? value(cell) : '';
            if (cell && row && v !== '') {
              if (cell.column >= limits.maxColumns || cell.column < 0) throw limitErrors.columns(limits, rowNumber);
              if (typeof v === 'string' && v.length > limits.maxCellChars)
                throw limitErrors.cellChars(limits, rowNumber);
              row.cells[cell.column] = v;
              hasValue = true;
            }
            cell = undefined;
            break;
          }
          case 'row':
            if (row && hasValue) ready.push(row);
            row = undefined;
            break;
        }
      },
    },
    () => (ready.length > 0 ? [ready.splice(0)] : []),
    book.xml,
  );
}
