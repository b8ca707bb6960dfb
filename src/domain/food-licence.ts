import type { WorkingDayCalendar } from './working-days.ts';

/**
 * 食品经营/生产许可 numbers and their validity (issue 13, points 1 and 7). Only the structure is checked: the
 * orders name a final check digit but publish no algorithm for it (nor does shared/DOMAIN.md), so the last digit is
 * taken as given. Values the law sets are kept here as data, each with its source.
 *
 * - 食品经营许可证 (《食品经营许可和备案管理办法》): JY + 14 digits = 1 主体业态 (1 食品销售, 2 餐饮服务, 3 单位食堂)
 *   + 6 region (province, city, county) + 6 sequence + 1 check.
 * - 食品生产许可证 (《食品生产许可管理办法》 Art. 29): SC + 14 digits = 3 food category (1xx 食品, 2xx 食品添加剂)
 *   + 6 region + 4 sequence + 1 check.
 * - 仅销售预包装食品备案: YB + 14 digits = 1 业态 (1 批发, 2 零售) + 6 region + 6 sequence + 1 check (verify).
 * - 小作坊/摊贩 登记: provincial formats; any 4–40 letters, digits, CJK and brackets.
 */
export const foodLicenceKinds = ['operation', 'production', 'filing', 'workshop', 'vendor'] as const;
export type FoodLicenceKind = (typeof foodLicenceKinds)[number];
export const foodLicenceKindLabels: Record<FoodLicenceKind, string> = {
  operation: '食品经营许可证',
  production: '食品生产许可证',
  filing: '仅销售预包装食品备案',
  workshop: '食品小作坊登记',
  vendor: '食品摊贩登记',
};

/** 经营项目 as a code list (the operation licence's 经营项目 and the filing's single one). */
export const foodCategories = [
  'prepackaged',
  'bulk',
  'specialFood',
  'hotFood',
  'coldFood',
  'rawFood',
  'pastry',
  'drinks',
  'canteen',
  'online',
  'other',
] as const;
export type FoodCategory = (typeof foodCategories)[number];
export const foodCategoryLabels: Record<FoodCategory, string> = {
  prepackaged: '预包装食品销售',
  bulk: '散装食品销售',
  specialFood: '特殊食品销售',
  hotFood: '热食类食品制售',
  coldFood: '冷食类食品制售',
  rawFood: '生食类食品制售',
  pastry: '糕点类食品制售',
  drinks: '自制饮品制售',
  canteen: '单位食堂',
  online: '网络经营',
  other: '其他类食品制售',
};

/** Validity in years: a licence or filing 5 (both orders), a health certificate 1 (DOMAIN.md "(verify)"). */
export const LICENCE_VALID_YEARS = 5;
export const HEALTH_CERTIFICATE_VALID_YEARS = 1;
/** 延续 must be applied for at least this many working days before expiry (2015 order Art. 34; the 2023 one allows 90–15). */
export const RENEWAL_DEADLINE_WORKING_DAYS = 30;
/** "Expiring soon" on the lists: expiry within this many days. */
export const EXPIRING_SOON_DAYS = 90;

/** GB/T 2260 province codes (first two digits of a region code). */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
]); // biome-ignore format: a table

export type LicenceNoError = 'empty' | 'prefix' | 'length' | 'digits' | 'businessType' | 'region' | 'category';
export const licenceNoErrorMessages: Record<LicenceNoError, string> = {
  empty: '许可证编号不能为空',
  prefix: '编号前缀与许可类型不符（经营许可证为JY，生产许可证为SC，预包装备案为YB）',
  length: '编号应为两位字母加14位数字',
  digits: '编号字母后应为14位数字',
  businessType: '经营许可证第1位主体业态代码应为1、2或3',
  region: '编号中的省级行政区划代码无效',
  category: '生产许可证前3位食品类别编码应以1或2开头',
};

const prefixOf: Partial<Record<FoodLicenceKind, string>> = { operation: 'JY', production: 'SC', filing: 'YB' };
const REGISTRATION = /^[0-9A-Z\u4e00-\u9fa5()（）〔〕[\]-]{4,40}$/;

/** Upper-cases and removes blanks, as numbers come from paper and spreadsheets. */
export const normaliseLicenceNo = (s: string) => s.replace(/\s+/g, '').toUpperCase();

/** The first problem with a (normalised) number for its kind, or null when it is well formed. */
export function checkLicenceNo(kind: FoodLicenceKind, no: string): LicenceNoError | null {
  if (!no) return 'empty';
  const prefix = prefixOf[kind];
  if (!prefix) return REGISTRATION.test(no) ? null : 'length';
  if (!no.startsWith(prefix)) return 'prefix';
  if (no.length !== 16) return 'length';
  const digits = no.slice(2);
  if (!/^\d{14}$/.test(digits)) return 'digits';
  if (kind === 'production') {
    if (!/^[12]/.test(digits)) return 'category';
    return PROVINCES.has(digits.slice(3, 5)) ? null : 'region';
  }
  if (kind === 'operation' && !/^[123]/.test(digits)) return 'businessType';
  if (kind === 'filing' && !/^[12]/.test(digits)) return 'businessType';
  return PROVINCES.has(digits.slice(1, 3)) ? null : 'region';
}

/** The 6-digit region code (province, city, county) a JY/SC/YB number carries; null for a registration. */
export function licenceRegion(kind: FoodLicenceKind, no: string): string | null {
  if (!prefixOf[kind]) return null;
  return kind === 'production' ? no.slice(5, 11) : no.slice(3, 9);
}

/** The last day of a validity of `years` from `issued` (the day before the anniversary); 29 Feb → 28 Feb. */
export function validUntil(issued: string, years: number): string {
  const [y, m, d] = issued.split('-').map(Number) as [number, number, number];
  const end = new Date(Date.UTC(y + years, m - 1, d));
  if (end.getUTCMonth() !== m - 1)
    end.setUTCDate(0); // 29 Feb in a non-leap year
  else end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

/** The last day to apply for 延续: `n` working days before the expiry date (the expiry day itself not counted). */
export function renewalDueOn(cal: WorkingDayCalendar, expiry: string, n = RENEWAL_DEADLINE_WORKING_DAYS): string {
  let t = Date.parse(`${expiry}T00:00:00Z`);
  for (let left = n; left > 0; ) {
    t -= 86_400_000;
    if (cal.isWorkingDay(new Date(t).toISOString().slice(0, 10))) left -= 1;
  }
  return new Date(t).toISOString().slice(0, 10);
}

/** Staff names on lists for callers who may not change them: 张三 → 张*, 欧阳娜娜 → 欧*** (as maskPersonName). */
export function maskStaffName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? chars.join('') : chars[0] + '*'.repeat(chars.length - 1);
}
