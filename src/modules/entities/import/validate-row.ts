import { entityTypes, type TEntityCreate, type TEntityType, ZEntityCreate } from '../../../contracts/entities.ts';
import type { TEntityImportError, TEntityImportField } from '../../../contracts/entity-import.ts';
import { maskIdCard, maskPhone, normaliseIdCard, normalisePhone } from '../../../domain/id-card.ts';
import { industryByCode } from '../../../domain/industry-codes.ts';
import { normaliseUscc } from '../../../domain/uscc.ts';
import type { Actor } from '../../../platform/actor.ts';
import { columnLabel, type HeaderMap } from './headers.ts';
import { resolveStation, type StationDirectory } from './stations.ts';
import { type EntityCandidate, validEntity } from './valid-entity.ts';
import { cellText, type Parsed, parseDate, toHalfWidth, yuanToFen } from './values.ts';

export type RowOutcome =
  | { ok: true; entity: TEntityCreate; stationId: number }
  /** `uscc` is set when the code itself is valid, so duplicates are still reported for a row with other errors. */
  | { ok: false; errors: TEntityImportError[]; uscc?: string };

export interface RowContext {
  map: HeaderMap;
  stations: StationDirectory;
  actor: Actor;
}

const typeByLabel = new Map<string, TEntityType>([
  ...Object.entries(entityTypes).map(([key, label]) => [label, key as TEntityType] as const),
  ...Object.keys(entityTypes).map((key) => [key.toLowerCase(), key as TEntityType] as const),
  ['个体', 'individualBusiness'],
  ['合作社', 'farmerCooperative'],
]);

// Personal data is shown masked in error reports, which are stored and downloaded.
const maskers: Partial<Record<TEntityImportField, (s: string) => string>> = {
  legalRepIdNumber: maskIdCard,
  phone: maskPhone,
};
// An 18-digit number typed into a 常规 cell is stored by Excel as a float: its last digits are already lost.
const TEXT_ONLY: TEntityImportField[] = ['uscc', 'legalRepIdNumber'];
const REQUIRED: TEntityImportField[] = ['type', 'uscc', 'name', 'address', 'establishedOn'];

/** One row's cells by field, and the errors found in it; a field is reported at most once. */
class RowReader {
  readonly errors: TEntityImportError[] = [];
  private readonly reported = new Set<string>();
  /** Each field's text, made once: a field is read several times per row (required, parsed, reported). */
  private readonly texts: Partial<Record<TEntityImportField, string>> = {};
  constructor(
    readonly row: number,
    private readonly cells: readonly unknown[],
    readonly map: HeaderMap,
  ) {}

  raw(f: TEntityImportField): unknown {
    const i = this.map.index[f];
    return i === undefined ? undefined : this.cells[i];
  }
  text(f: TEntityImportField): string | undefined {
    let text = this.texts[f];
    if (text === undefined) {
      text = cellText(this.raw(f));
      this.texts[f] = text;
    }
    return text || undefined;
  }
  report(f: TEntityImportField, reason: string): void {
    if (this.reported.has(f)) return;
    this.reported.add(f);
    const value = this.text(f);
    const shown = value && (maskers[f]?.(value) ?? value.slice(0, 100));
    this.errors.push({ row: this.row, column: columnLabel(this.map, f), ...(shown ? { value: shown } : {}), reason });
  }
  take<T>(f: TEntityImportField, parse: (v: unknown) => Parsed<T>): T | undefined {
    if (!this.text(f)) return undefined;
    const parsed = parse(this.raw(f));
    if (parsed.ok) return parsed.value;
    this.report(f, parsed.reason);
    return undefined;
  }
  has(f: TEntityImportField): boolean {
    return this.reported.has(f);
  }
}

const optional = (s: string | undefined, f: (s: string) => string) => (s === undefined ? undefined : f(s));
const capitalField = (map: HeaderMap): TEntityImportField =>
  map.index.registeredCapitalFen !== undefined ? 'registeredCapitalFen' : 'registeredCapital';

function fenInteger(v: unknown): Parsed<number> {
  const n = Number(toHalfWidth(cellText(v)).replace(/[\s,]/g, ''));
  return Number.isSafeInteger(n) && n >= 0
    ? { ok: true, value: n }
    : { ok: false, reason: '注册资本（分）应为非负整数' };
}

/** Cells to the contract's input shape; dates, money and type labels parsed here, the rest by the contract. */
function candidateOf(r: RowReader): EntityCandidate {
  for (const f of REQUIRED) if (!r.text(f)) r.report(f, '必填项未填写');
  for (const f of TEXT_ONLY) {
    if (typeof r.raw(f) === 'number') r.report(f, '该列须设为文本格式：Excel 已把长数字改写，末几位可能已丢失');
  }
  const typeText = r.text('type');
  const type = typeText ? typeByLabel.get(typeText.toLowerCase()) : undefined;
  if (typeText && !type) r.report('type', '主体类型应为 企业、个体工商户 或 农民专业合作社');
  const capital = capitalField(r.map);
  return {
    type,
    uscc: r.text('uscc') ?? '',
    name: r.text('name') ?? '',
    address: r.text('address') ?? '',
    establishedOn: r.take('establishedOn', parseDate) ?? '',
    legalRepName: r.text('legalRepName'),
    legalRepIdNumber: optional(r.text('legalRepIdNumber'), normaliseIdCard),
    phone: optional(r.text('phone'), normalisePhone),
    regionCode: optional(r.text('regionCode'), (s) => toHalfWidth(s).replace(/\s/g, '')),
    industryCode: optional(r.text('industryCode'), (s) => industryByCode(s)?.code ?? s),
    registeredCapitalFen: r.take(capital, capital === 'registeredCapitalFen' ? fenInteger : yuanToFen),
    businessScope: r.text('businessScope'),
    usccOverrideReason: undefined,
  };
}

/** Validates one sheet row with the same contract as the single-entity form, plus station resolution. */
export function validateRow(row: number, cells: readonly unknown[], ctx: RowContext): RowOutcome {
  const r = new RowReader(row, cells, ctx.map);
  const candidate = candidateOf(r);
  // Nearly every row is valid: checked first by the contract's rules without zod (valid-entity.ts); any other row
  // goes through the contract, which words its errors.
  const entity = r.errors.length === 0 ? validEntity(candidate) : undefined;
  if (entity) {
    const station = resolveStation(ctx.stations, ctx.actor, r.text('stationCode'), candidate.regionCode);
    if (station.ok) return { ok: true, entity, stationId: station.stationId };
  }
  const parsed = ZEntityCreate.safeParse(candidate);
  for (const issue of parsed.error?.issues ?? []) {
    const field = String(issue.path[0] ?? '') as TEntityImportField;
    r.report(field === 'registeredCapitalFen' ? capitalField(ctx.map) : field, issue.message);
  }
  const station = resolveStation(ctx.stations, ctx.actor, r.text('stationCode'), candidate.regionCode);
  if (!station.ok) r.report(station.field, station.reason);
  if (parsed.success && station.ok && r.errors.length === 0) {
    return { ok: true, entity: parsed.data, stationId: station.stationId };
  }
  return {
    ok: false,
    errors: r.errors,
    ...(r.has('uscc') || !candidate.uscc ? {} : { uscc: normaliseUscc(candidate.uscc) }),
  };
}
