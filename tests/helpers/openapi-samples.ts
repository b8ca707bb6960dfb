import fc from 'fast-check';

/** The slice of JSON Schema (as the OpenAPI document prints our zod contracts) that the samples need. */
export interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
}

/** Values that satisfy the common patterns and also the refinements behind them (real dates, months). */
const knownGood = ['2026-01-05', '2026-01', '2026', '13800138000', 's01', 'inspector_x', '440605', '1234'];

const pick = (s: JsonSchema): JsonSchema =>
  (s.anyOf ?? s.oneOf)?.find((x) => x.type !== 'null') ?? (s.anyOf ?? s.oneOf)?.[0] ?? s;

function sampleString(s: JsonSchema): string {
  if (s.format === 'date-time') return '2026-01-05T08:00:00+08:00';
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? Number.POSITIVE_INFINITY;
  const fits = (v: string) => v.length >= min && v.length <= max && (!s.pattern || new RegExp(s.pattern).test(v));
  const known = knownGood.find(fits);
  if (known) return known;
  if (s.pattern) {
    const [v] = fc.sample(fc.stringMatching(new RegExp(s.pattern)).filter(fits), { numRuns: 1, seed: 20261125 });
    if (v !== undefined) return v;
  }
  return '测试内容'.repeat(Math.max(1, Math.ceil(min / 4))).slice(0, Math.max(min, 4));
}

/** A plausible valid value: required properties only, so that a test changes one field at a time. */
export function sample(schema: JsonSchema): unknown {
  const s = pick(schema);
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.default !== undefined) return s.default;
  switch (s.type) {
    case 'object':
      return Object.fromEntries((s.required ?? []).map((k) => [k, sample(s.properties?.[k] ?? {})]));
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items ?? {}));
    case 'integer':
    case 'number':
      return Math.max(1, s.minimum ?? 1, (s.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return false;
    default:
      return sampleString(s);
  }
}

export type FieldPath = (string | number)[];

/** Every leaf of a body: object properties at any depth, array items as index 0. */
export function leafPaths(schema: JsonSchema, path: FieldPath = []): FieldPath[] {
  const s = pick(schema);
  if (s.type === 'object' && s.properties && Object.keys(s.properties).length > 0)
    return Object.entries(s.properties).flatMap(([k, sub]) => leafPaths(sub, [...path, k]));
  if (s.type === 'array' && s.items) return leafPaths(s.items, [...path, 0]);
  return [path];
}

/** `base` with `value` at `path`; missing parents are filled with their own samples so they stay valid. */
export function withField(schema: JsonSchema, base: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const s = pick(schema);
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const arr = Array.isArray(base) ? [...base] : [];
    arr[head] = withField(s.items ?? {}, arr[head] ?? sample(s.items ?? {}), rest, value);
    return arr;
  }
  const obj = base && typeof base === 'object' ? { ...(base as Record<string, unknown>) } : {};
  const sub = s.properties?.[head!] ?? {};
  obj[head!] = withField(sub, obj[head!] ?? sample(sub), rest, value);
  return obj;
}
