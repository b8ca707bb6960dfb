import type { TRollupCity } from '../../api/rollup.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';

/** The counts of a city row (everything but its code, name and problem). */
export type NumericField = Exclude<keyof TRollupCity, 'cityCode' | 'name' | 'problem'>;

const fields: NumericField[] = [
  'entities',
  'activeEntities',
  'abnormalListed',
  'spotCheckVisits',
  'spotCheckInspected',
  'spotCheckProblemVisits',
  'riskA',
  'riskB',
  'riskC',
  'riskD',
  'complaints',
  'cases',
  'finesFen',
];

/** The totals row: every count summed over the cities. */
export function cityTotals(cities: readonly TRollupCity[]): Record<NumericField, number> {
  const total = Object.fromEntries(fields.map((f) => [f, 0])) as Record<NumericField, number>;
  for (const c of cities) for (const f of fields) total[f] += c[f];
  return total;
}

/** 元 with two decimals, from fen. */
export const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How a chart names a city: its name and region code. */
export const cityLabel = (t: Translate, c: { cityCode: string; name: string }) =>
  t('province.cityLabel', { name: c.name, code: c.cityCode });
