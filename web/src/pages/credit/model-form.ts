import type { z } from 'zod';
import { ZModelBody } from '../../../../src/contracts/credit.ts';
import type { TModelInput } from '../../api/credit.ts';

type Body = z.output<typeof ZModelBody>;
type Indicator = Body['indicators'][number];

/**
 * The risk model as the form holds it: a prefix table becomes rows (antd Form.List cannot edit a record), every
 * kind's numbers sit side by side so switching an indicator's kind keeps what was typed.
 */
export interface IndicatorRow {
  code: string;
  label: string;
  kind: Indicator['kind'];
  fact: string;
  points?: number;
  pointsEach?: number;
  cap?: number;
  table?: { prefix: string; points: number }[];
}
export interface ModelFormValues {
  name: string;
  note?: string;
  thresholds: { B: number; C: number; D: number };
  indicators: IndicatorRow[];
}

export function toFormValues(
  m: Pick<Body, 'name' | 'indicators' | 'thresholds'> & { note?: string | null },
): ModelFormValues {
  return {
    name: m.name,
    note: m.note ?? undefined,
    thresholds: { ...m.thresholds },
    indicators: m.indicators.map((ind) => {
      const base = { code: ind.code, label: ind.label, kind: ind.kind, fact: ind.fact };
      if (ind.kind === 'flag') return { ...base, points: ind.points };
      if (ind.kind === 'count') return { ...base, pointsEach: ind.pointsEach, cap: ind.cap };
      return { ...base, table: Object.entries(ind.table).map(([prefix, points]) => ({ prefix, points })) };
    }),
  };
}

/** Back to the API body; only the numbers of the indicator's kind go with it. */
export function toBody(v: ModelFormValues): TModelInput {
  return {
    name: v.name,
    note: v.note?.trim() ? v.note : undefined,
    thresholds: v.thresholds,
    indicators: (v.indicators ?? []).map((row): Indicator => {
      const base = { code: row.code, label: row.label, fact: row.fact };
      if (row.kind === 'flag') return { ...base, kind: 'flag', points: row.points as number };
      if (row.kind === 'count')
        return { ...base, kind: 'count', pointsEach: row.pointsEach as number, cap: row.cap as number };
      return {
        ...base,
        kind: 'prefix',
        table: Object.fromEntries((row.table ?? []).map((r) => [r.prefix, r.points])),
      };
    }),
  };
}

/** Stands for the message 'credit.thresholdOrder'; the page translates it. */
export const THRESHOLD_ORDER = 'B < C < D';

/** The contract's check (the same zod schema the API runs), with each problem at its form field path. */
export function checkModel(
  body: unknown,
): { ok: true; body: TModelInput } | { ok: false; problems: { path: (string | number)[]; message: string }[] } {
  const parsed = ZModelBody.safeParse(body);
  if (parsed.success) {
    const { B, C, D } = parsed.data.thresholds;
    // The service's rule (src/domain/risk-model.ts validateModel), checked here so the field shows it.
    if (!(B < C && C < D)) return { ok: false, problems: [{ path: ['thresholds', 'C'], message: THRESHOLD_ORDER }] };
    return { ok: true, body: parsed.data };
  }
  return {
    ok: false,
    problems: parsed.error.issues.map((i) => ({
      path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: i.message,
    })),
  };
}
