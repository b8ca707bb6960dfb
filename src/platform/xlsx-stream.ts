import type { PassThrough } from 'node:stream';
import { ZipStream } from './zip-stream.ts';

/**
 * Streaming XLSX (SpreadsheetML) writer: inline strings and three fixed styles straight into a streaming zip, so
 * a 1.5 M-row export runs in constant memory at the speed of the database reads. Kept over exceljs's streaming
 * writer because `npm run bench -- --scenario export-writers` measured it 2.8× faster (100k rows: 0.99 s vs
 * 2.79 s, peak RSS 150 vs 188 MB); the scenario says when that stops being true.
 */

/** Excel's limit is 1,048,576 rows a sheet; a larger export continues on the next sheet. */
export const ROWS_PER_SHEET = 1_000_000;

export interface SheetColumn {
  header: string;
  width: number;
  /** date: a Date shown as yyyy-mm-dd; money: a number shown as #,##0.00; otherwise as given. */
  kind?: 'date' | 'money';
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const STYLE = { date: 1, money: 2, header: 3 } as const;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

// Characters XML 1.0 forbids (control characters) are dropped; the specials are escaped.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching the characters XML forbids is the point
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const SPECIAL = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
export const xmlText = (s: string) =>
  SPECIAL.test(s) ? s.replace(INVALID, '').replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c) : s;

/** A, B, …, Z, AA, AB …: column letters for cell references. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function cellXml(ref: string, value: unknown, style: number): string {
  if (value === null || value === undefined || value === '') return '';
  const s = style ? ` s="${style}"` : '';
  if (value instanceof Date) return `<c r="${ref}"${s}><v>${(value.getTime() - EXCEL_EPOCH) / 86_400_000}</v></c>`;
  if (typeof value === 'number' && Number.isFinite(value)) return `<c r="${ref}"${s}><v>${value}</v></c>`;
  if (typeof value === 'boolean') return `<c r="${ref}" t="b"><v>${value ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${xmlText(String(value))}</t></is></c>`;
}

function rowXml(r: number, values: readonly unknown[], styles: readonly number[], letters: readonly string[]): string {
  let cells = '';
  for (let i = 0; i < values.length; i++) cells += cellXml(`${letters[i]}${r}`, values[i], styles[i] ?? 0);
  return `<row r="${r}">${cells}</row>`;
}

const sheetHead = (columns: SheetColumn[]) =>
  `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}"><sheetViews><sheetView workbookViewId="0">` +
  '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews><cols>' +
  columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('') +
  '</cols><sheetData>';
const SHEET_TAIL = '</sheetData></worksheet>';

/**
 * Streams rows into an XLSX written to `out`, one batch at a time, with backpressure: a slow client slows the
 * database reads instead of filling memory. Returns the number of data rows written.
 */
export async function writeXlsx(
  out: PassThrough,
  sheetName: string,
  columns: SheetColumn[],
  batches: AsyncIterable<unknown[][]>,
  rowsPerSheet = ROWS_PER_SHEET,
): Promise<number> {
  const zip = new ZipStream(out);
  const letters = columns.map((_, i) => columnName(i));
  const styles = columns.map((c) => (c.kind ? STYLE[c.kind] : 0));
  const header = rowXml(
    1,
    columns.map((c) => c.header),
    columns.map(() => STYLE.header),
    letters,
  );
  const source = batches[Symbol.asyncIterator]();
  let carry: unknown[][] = [];
  let total = 0;
  const more = async () => {
    while (carry.length === 0) {
      const next = await source.next();
      if (next.done) return false;
      carry = next.value;
    }
    return !zip.closed;
  };
  async function* sheet(): AsyncGenerator<string> {
    yield sheetHead(columns) + header;
    for (let r = 1; r <= rowsPerSheet && (await more()); ) {
      const take = carry.slice(0, rowsPerSheet + 1 - r);
      carry = carry.slice(take.length);
      yield take.map((values) => rowXml(++r, values, styles, letters)).join('');
      total += take.length;
    }
    yield SHEET_TAIL;
  }
  const names: string[] = [];
  do {
    names.push(names.length === 0 ? sheetName : `${sheetName}（${names.length + 1}）`);
    await zip.add(`xl/worksheets/sheet${names.length}.xml`, sheet());
  } while (await more());
  if (zip.closed) return total;
  for (const [path, xml] of Object.entries(packageParts(names))) await zip.add(path, [xml]);
  await zip.finish();
  return total;
}

/** The fixed parts of the package, written after the sheets because only then is the sheet count known. */
function packageParts(sheets: string[]): Record<string, string> {
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join('');
  const rels = sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('');
  const pkgRels = 'http://schemas.openxmlformats.org/package/2006/relationships';
  return {
    '[Content_Types].xml': `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${overrides}</Types>`,
    '_rels/.rels': `${XML_HEAD}<Relationships xmlns="${pkgRels}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>${sheets.map((name, i) => `<sheet name="${xmlText(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `${XML_HEAD}<Relationships xmlns="${pkgRels}">${rels}<Relationship Id="rId${sheets.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml': `${XML_HEAD}<styleSheet xmlns="${NS}"><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="#,##0.00"/></numFmts><fonts count="2"><font><sz val="11"/><name val="等线"/></font><font><b/><sz val="11"/><name val="等线"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
  };
}
