import { entityImportColumns, type TEntityImportField } from '../../../contracts/entity-import.ts';
import { fileError } from './limits.ts';
import { cellText, toHalfWidth } from './values.ts';

/** Other names people give these columns in registers kept by hand or exported by other systems. */
const aliases: Record<TEntityImportField, string[]> = {
  type: ['类型', '市场主体类型', '主体类别'],
  uscc: ['信用代码', '社会信用代码', '统一代码'],
  name: ['主体名称', '企业名称', '市场主体名称', '字号名称'],
  address: ['住所(经营场所)', '经营场所', '地址', '住所地址'],
  establishedOn: ['登记日期', '成立时间'],
  legalRepName: ['法定代表人', '经营者', '负责人', '法定代表人(负责人)', '经营者姓名'],
  legalRepIdNumber: ['身份证号', '证件号码', '法定代表人身份证号码'],
  phone: ['电话', '联系方式', '手机号码'],
  regionCode: ['区划代码', '行政区划'],
  stationCode: ['管辖所', '管辖单位编码', '管辖所代码'],
  industryCode: ['国民经济行业代码', '行业分类代码'],
  registeredCapital: ['注册资本', '注册资金(元)', '注册资金', 'registeredCapitalYuan'],
  registeredCapitalFen: [],
  businessScope: ['经营范围(一般项目)'],
};

/** Case, width, spaces, brackets and a leading * (a "required" mark) do not matter. */
export function normaliseHeader(header: string): string {
  return toHalfWidth(header)
    .replace(/[\s*＊]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();
}

const lookup = new Map<string, TEntityImportField>();
for (const c of entityImportColumns) {
  for (const name of [c.label, c.key, ...aliases[c.key]]) lookup.set(normaliseHeader(name), c.key);
}
lookup.set(normaliseHeader('registeredCapitalFen'), 'registeredCapitalFen');
lookup.set(normaliseHeader('注册资本(分)'), 'registeredCapitalFen');

export const fieldForHeader = (header: string): TEntityImportField | undefined => lookup.get(normaliseHeader(header));

export interface HeaderMap {
  /** Field → index of its column in each row. */
  index: Partial<Record<TEntityImportField, number>>;
  /** Field → the header as the file spells it, for error messages that point at the user's own column. */
  label: Partial<Record<TEntityImportField, string>>;
  ignored: string[];
}

export type HeaderProblem = { missing: string[] } | { duplicate: string };

/** Maps a header row to fields; reports required columns that are missing and columns given twice. */
export function mapHeaders(cells: readonly unknown[]): HeaderMap | HeaderProblem {
  const map: HeaderMap = { index: {}, label: {}, ignored: [] };
  for (const [i, cell] of cells.entries()) {
    const text = cellText(cell);
    if (!text) continue;
    const field = fieldForHeader(text);
    if (!field) {
      map.ignored.push(text);
      continue;
    }
    if (map.index[field] !== undefined) return { duplicate: text };
    map.index[field] = i;
    map.label[field] = text;
  }
  const missing = entityImportColumns.filter((c) => c.required && map.index[c.key] === undefined).map((c) => c.label);
  return missing.length ? { missing } : map;
}

/** The header row's map, or the file's error: a required column missing, a column given twice. */
export function requireHeaderMap(cells: readonly unknown[]): HeaderMap {
  const mapped = mapHeaders(cells);
  if ('missing' in mapped) {
    throw fileError(`缺少必填列：${mapped.missing.join('、')}。请使用导入模板，表头须在第一行`);
  }
  if ('duplicate' in mapped) throw fileError(`表头中“${mapped.duplicate}”列重复`);
  return mapped;
}

/** How many cells of a row name a known field: tells the data sheet's header row from an instructions sheet. */
export const knownHeaderCount = (cells: readonly unknown[]) =>
  cells.filter((c) => fieldForHeader(cellText(c)) !== undefined).length;

/** The label to show for a field's column: the file's own header, else the template's. */
export function columnLabel(map: HeaderMap, field: TEntityImportField): string {
  return map.label[field] ?? entityImportColumns.find((c) => c.key === field)?.label ?? (field || '（整行）');
}
