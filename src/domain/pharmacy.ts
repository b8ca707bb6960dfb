/**
 * 零售药店 and 阳光药师 rules without I/O (docs/PHARMACIES.md). Values that are policy (licence term, geofence
 * tolerance) are defaults the configuration or the row may override.
 */

/** 药品经营许可证 term (《药品经营和使用质量监督管理办法》 2023, Art. 17: valid 5 years). */
export const DRUG_LICENCE_YEARS = 5;

/** Geofence tolerance when neither the pharmacy nor the configuration sets one (GPS on a phone indoors: 20–100 m). */
export const DEFAULT_GEOFENCE_METRES = 200;

const PROVINCES = '京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼';

/**
 * 药品经营许可证编号: province abbreviation, 2 letters (A–D business class; A/B wholesale, C/D retail (B: chain
 * store … local letters differ), then 7–11 digits (area code and sequence; the 2024 numbering is 4 + 5, older ones 7).
 */
export const drugLicencePattern = new RegExp(`^[${PROVINCES}][A-D][A-D]\\d{7,11}$`);

export const normaliseDrugLicenceNo = (s: string) => s.trim().toUpperCase().replace(/\s+/g, '');

/** The last day of a licence issued on `issuedOn` (ISO date): the day before the same date `years` later. */
export function licenceValidUntil(issuedOn: string, years = DRUG_LICENCE_YEARS): string {
  const d = new Date(`${issuedOn}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + years);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** 执业药师注册证编号: letters/digits, 8–30 characters (provincial formats differ; e.g. 1044060520180001). */
export const registrationNoPattern = /^[0-9A-Z-]{8,30}$/;

/** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Minutes since midnight in Asia/Shanghai (UTC+8, no DST) and that day. */
export function shanghaiClock(at: Date): { day: string; minute: number } {
  const local = new Date(at.getTime() + 8 * 3_600_000);
  return { day: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** "08:30" ↔ 510. */
export const minuteLabel = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
export function parseMinute(s: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return undefined;
  const v = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && v <= 1440 ? v : undefined;
}

/**
 * Minutes of [opens, closes) covered by at least one interval (minutes of the same day, already clipped to it):
 * the union, so two pharmacists on duty at once count once.
 */
export function coveredMinutes(opens: number, closes: number, intervals: readonly [number, number][]): number {
  const sorted = intervals
    .map(([a, b]) => [Math.max(a, opens), Math.min(b, closes)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = opens;
  for (const [a, b] of sorted) {
    const from = Math.max(a, end);
    if (b > from) {
      total += b - from;
      end = b;
    }
  }
  return total;
}

/** The rate as shown: covered / open minutes, one decimal of a percent; null when there were no opening minutes. */
export const attendanceRate = (covered: number, open: number) =>
  open > 0 ? Math.round((covered / open) * 1000) / 10 : null;

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A vendor file's time cell as an instant: "2026-12-01 08:00[:00]" or "2026/12/1 8:00" (Asia/Shanghai wall time),
 * an ISO timestamp with an offset, an Excel serial number or a Date cell (wall time read as UTC by the reader).
 */
export function parseShanghaiDateTime(value: unknown): Date | undefined {
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? undefined : new Date(value.getTime() - 8 * 3_600_000);
  if (typeof value === 'number')
    return value > 1 && value < 100_000
      ? new Date(EXCEL_EPOCH + Math.round(value * 86_400) * 1000 - 8 * 3_600_000)
      : undefined;
  const text = String(value ?? '').trim();
  if (/[Zz]|[+-]\d{2}:\d{2}$/.test(text) && text.includes('T')) {
    const d = new Date(text);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[];
  const utc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!);
  const check = new Date(utc);
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59 || s! > 59) return undefined;
  return new Date(utc - 8 * 3_600_000);
}
