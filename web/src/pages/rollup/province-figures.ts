import type { TRollupCount } from '../../../../src/contracts/rollup.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';

/** The counts of a city row (everything but its code, name and problem). */
export type NumericField = TRollupCount;

/** 元 with two decimals, from fen. */
export const yuan = (fen: number) =>
  (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** How a chart names a city: its name and region code. */
export const cityLabel = (t: Translate, c: { cityCode: string; name: string }) =>
  t('province.cityLabel', { name: c.name, code: c.cityCode });
