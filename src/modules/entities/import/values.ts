/** Pure conversions of spreadsheet cells: text, dates, money. No I/O. */

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Full-width ASCII forms (Ｓ０１, １２３) and the ideographic space, as typed on Chinese keyboards, to ASCII. */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
/** YYYY-MM-DD of a valid Date (UTC); by its parts, as every date cell of a sheet comes through here. */
const isoDay = (d: Date) => {
  const y = d.getUTCFullYear();
  // Years outside 0–9999 are written ±YYYYYY by toISOString.
  if (y < 1000 || y > 9999) return d.toISOString().slice(0, 10);
  return `${y}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
};

/**
 * The text of a cell as read from CSV (a string) or exceljs (string, number, Date, rich text, formula,
 * hyperlink …), trimmed. Dates become YYYY-MM-DD.
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : isoDay(value);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
    if (v.error) return v.error;
  }
  return String(value).trim();
}

function validDay(y: number, m: number, d: number): Parsed<string> {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || y > 2100 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    return fail('不是有效的日期');
  }
  return ok(isoDay(date));
}

// Excel's 1900 date system: serial 1 is 1900-01-01, and its fictitious 1900-02-29 makes day 0 1899-12-30.
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const DATE_FORMATS = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/,
  /^(\d{4})(\d{2})(\d{2})$/,
];

/**
 * A calendar date from a cell: YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日, YYYYMMDD, an Excel date cell
 * (a Date at UTC midnight), or a bare Excel serial number from a cell formatted as 常规.
 */
export function parseDate(value: unknown): Parsed<string> {
  if (value instanceof Date) {
    return Number.isNaN(value.getTime()) ? fail('不是有效的日期') : validDay(...utcParts(value));
  }
  if (typeof value === 'number') {
    if (value >= 1 && value < 100_000) {
      return validDay(...utcParts(new Date(EXCEL_EPOCH + Math.floor(value) * DAY_MS)));
    }
    return parseDate(String(value));
  }
  // A time part ("2024/3/15 0:00:00", as Excel writes some CSVs) is ignored.
  const text = toHalfWidth(cellText(value))
    .replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '')
    .replace(/\s+/g, '');
  for (const format of DATE_FORMATS) {
    const m = format.exec(text);
    if (m) return validDay(Number(m[1]), Number(m[2]), Number(m[3]));
  }
  return fail('日期格式应为 YYYY-MM-DD、YYYY/M/D 或 YYYY年M月D日');
}

function utcParts(d: Date): [number, number, number] {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * 元 (optionally 万元) as written in a cell → integer fen, by decimal-string arithmetic so that no float
 * rounding can creep in ("0.29" is 29 fen, never 28.999…). Accepts thousands separators, ¥, a trailing 元.
 */
export function yuanToFen(value: unknown): Parsed<number> {
  let text = toHalfWidth(cellText(value))
    .replace(/[\s,，]/g, '')
    .replace(/^[¥￥]/, '');
  let scale = 2;
  if (/万元?$/.test(text)) {
    scale = 6;
    text = text.replace(/万元?$/, '');
  } else {
    text = text.replace(/元$/, '');
  }
  if (text.startsWith('-')) return fail('注册资本不能为负数');
  const m = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!m) return fail('注册资本应为金额数字（单位：元）');
  const [, whole = '', fraction = ''] = m;
  if (/[1-9]/.test(fraction.slice(scale))) return fail('注册资本最多精确到分（两位小数）');
  const digits = `${whole}${fraction.padEnd(scale, '0').slice(0, scale)}`.replace(/^0+(?=\d)/, '');
  const fen = Number(digits);
  if (!Number.isSafeInteger(fen)) return fail('注册资本数额过大');
  return ok(fen);
}

/** Fen → "1234.50", the decimal string used in exports. */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
