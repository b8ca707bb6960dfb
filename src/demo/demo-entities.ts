import type { TEntityType } from '../contracts/entities.ts';
import { makeUscc, USCC_ALPHABET } from '../domain/uscc.ts';
import { type EntityRow, toEntityRow } from '../modules/entities/row.ts';
import type { PiiCipher } from '../platform/pii.ts';
import {
  cooperativeTrades,
  type DemoLicenceKind,
  type DemoTown,
  type DemoTrade,
  demoTowns,
  enterpriseTrades,
  fallbackTown,
  individualTrades,
} from './demo-entities.data.ts';
import { type DemoEvent, lifecycleEvents } from './demo-entity-events.ts';
import * as parts from './demo-entity-parts.ts';
import { affinePermutation, dayToIso, feistelPermutation, isoToDay, rowRng, toAlphabet, Weighted } from './random.ts';

export type { DemoEvent } from './demo-entity-events.ts';

/** Seed 001: 51,632 entities, 22,774 企业 and 28,858 个体户; 300 of the 企业 are modelled as 农民专业合作社 (93…). */
export const DEMO_ENTITY_COUNT = 51_632;
const TYPE_SHARES: readonly (readonly [TEntityType, number])[] = [
  ['enterprise', 22_474],
  ['farmerCooperative', 300],
  ['individualBusiness', 28_858],
];
/** The demo's "today": fixed, so the same seed gives the same register on any day and machine. */
export const DEMO_AS_OF = '2026-11-25';
/** Subject identifiers of post-2015 codes are 'MA' + era + 5 characters: 31^5 distinct values. */
export const MAX_DEMO_ENTITIES = Math.min(31 ** 5, parts.MAX_LICENCE_INDEX);
/** GB 32100 codes replaced organisation codes from 1 October 2015. */
const USCC_REFORM_DAY = isoToDay('2015-10-01');
/** Codes issued from 2018 on carry MA5…, earlier ones MA4… (a nod to Guangdong's real series). */
const MA5_DAY = isoToDay('2018-01-01');

export interface DemoStation {
  id: number;
  code: string;
  regionCodes: readonly string[];
}

export interface DemoEntityOptions {
  entities?: number;
  seed?: number;
  stations: readonly DemoStation[];
  pii: PiiCipher;
  asOf?: string;
  /** Generate only indexes [from, to) of the `entities`-sized register (a bulk load in several transactions). */
  from?: number;
  to?: number;
}

export interface DemoLicence {
  kind: DemoLicenceKind;
  number: string;
  issuedOn: string;
  validUntil: string;
}

export interface DemoEntity {
  /** Position in the generated sequence: the same index always yields the same entity. */
  index: number;
  row: EntityRow;
  licences: DemoLicence[];
  events: DemoEvent[];
}

/** Exact counts per type for n entities, in seed 001's proportions (largest remainder). */
export function demoTypeCounts(n: number): Record<TEntityType, number> {
  const total = TYPE_SHARES.reduce((sum, [, share]) => sum + share, 0);
  const exact = TYPE_SHARES.map(([type, share]) => ({ type, value: (n * share) / total }));
  const counts = exact.map((e) => ({ ...e, count: Math.floor(e.value) }));
  let left = n - counts.reduce((sum, c) => sum + c.count, 0);
  for (const c of [...counts].sort((a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)))) {
    if (left-- > 0) c.count++;
  }
  return Object.fromEntries(counts.map((c) => [c.type, c.count])) as Record<TEntityType, number>;
}

const tradeTables: Record<TEntityType, Weighted<DemoTrade>> = {
  enterprise: new Weighted(enterpriseTrades.map((t) => [t, t[1]] as const)),
  individualBusiness: new Weighted(individualTrades.map((t) => [t, t[1]] as const)),
  farmerCooperative: new Weighted(cooperativeTrades.map((t) => [t, t[1]] as const)),
};

/** [years ago, weight] falling by `ratio` a year; repeated division, not `**`, so every engine rounds alike. */
function decaying(years: number, ratio: number): [number, number][] {
  const out: [number, number][] = [];
  for (let y = 0, w = 1; y < years; y++, w /= ratio) out.push([y, w]);
  return out;
}

/** Registrations grew about 9 % a year (seed 001) and individual businesses churn faster: years ago → weight. */
const yearTables: Record<TEntityType, Weighted<number>> = {
  enterprise: new Weighted(decaying(20, 1.1)),
  individualBusiness: new Weighted(decaying(20, 1.16)),
  farmerCooperative: new Weighted(decaying(15, 1.05)),
};

const USCC_PREFIX: Record<TEntityType, string> = {
  enterprise: '91',
  individualBusiness: '92',
  farmerCooperative: '93',
};

/** A multiplier coprime with n near n·0.618, so consecutive indexes land far apart. */
function spreadMultiplier(n: number): number {
  let m = Math.max(1, Math.round(n * 0.618));
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(m, n) !== 1) m++;
  return m;
}

function makeContext(opts: DemoEntityOptions) {
  const n = opts.entities ?? DEMO_ENTITY_COUNT;
  if (!Number.isInteger(n) || n < 0 || n > MAX_DEMO_ENTITIES) {
    throw new RangeError(`演示主体数量应在 0–${MAX_DEMO_ENTITIES} 之间：${n}`);
  }
  if (!opts.stations.length) throw new RangeError('演示主体需要至少一个市场监管所');
  const seed = opts.seed ?? 1;
  const counts = demoTypeCounts(n);
  // Types are assigned through a permutation of the index, so the counts are exact and the order is mixed.
  const typeSlot = n > 0 ? affinePermutation(n, spreadMultiplier(n), seed) : () => 0;
  const maSubject = feistelPermutation(31 ** 5, seed);
  const oldSubject = feistelPermutation(100_000_000, seed + 1);
  const stations = new Weighted(
    opts.stations.map(
      (s) => [{ station: s, town: demoTowns[s.code] ?? fallbackTown }, demoTowns[s.code]?.weight ?? 1] as const,
    ),
  );
  const asOfDay = isoToDay(opts.asOf ?? DEMO_AS_OF);
  return { n, seed, counts, typeSlot, maSubject, oldSubject, stations, asOfDay, pii: opts.pii };
}

type Context = ReturnType<typeof makeContext>;

function typeAt(ctx: Context, index: number): TEntityType {
  const slot = ctx.typeSlot(index);
  if (slot < ctx.counts.enterprise) return 'enterprise';
  return slot < ctx.counts.enterprise + ctx.counts.farmerCooperative ? 'farmerCooperative' : 'individualBusiness';
}

/** Unique by construction: the subject identifier is a permutation of the index. */
function usccAt(ctx: Context, index: number, type: TEntityType, establishedDay: number): string {
  const subject =
    establishedDay >= USCC_REFORM_DAY
      ? `MA${establishedDay < MA5_DAY ? '4' : '5'}${toAlphabet(ctx.maSubject(index), USCC_ALPHABET, 5)}`
      : String(ctx.oldSubject(index)).padStart(8, '0');
  return makeUscc(USCC_PREFIX[type], '440605', subject);
}

function nameFor(rng: ReturnType<typeof rowRng>, type: TEntityType, town: DemoTown, trade: DemoTrade, rep: string) {
  if (type === 'enterprise') return parts.enterpriseName(rng, town, trade);
  if (type === 'farmerCooperative') return parts.cooperativeName(rng, town, trade);
  return parts.individualName(rng, town, trade, rep);
}

function entityAt(ctx: Context, index: number): DemoEntity {
  const rng = rowRng(ctx.seed, index);
  const type = typeAt(ctx, index);
  const trade = tradeTables[type].pick(rng);
  const { station, town } = ctx.stations.pick(rng);
  const establishedDay = Math.max(
    ctx.asOfDay - 20 * 365,
    ctx.asOfDay - yearTables[type].pick(rng) * 365 - rng.int(365),
  );
  const establishedOn = dayToIso(establishedDay);
  const legalRepName = parts.personName(rng);
  const name = nameFor(rng, type, town, trade, legalRepName);
  const { status, day: statusDay } = parts.statusOf(rng, type, establishedDay, ctx.asOfDay);
  const row = toEntityRow(
    {
      uscc: usccAt(ctx, index, type, establishedDay),
      type,
      name,
      address: parts.address(rng, town),
      establishedOn,
      legalRepName,
      legalRepIdNumber: parts.idNumber(rng, Number(establishedOn.slice(0, 4))),
      phone: parts.phone(rng),
      regionCode: station.regionCodes[0] ?? '440605',
      industryCode: trade[0],
      registeredCapitalFen: parts.capitalFen(rng, type),
      businessScope: parts.businessScope(type, trade),
      status,
    },
    { stationId: station.id, actorId: null, pii: ctx.pii },
  );
  const licences: DemoLicence[] = [];
  const licenceKind = trade[4];
  if (licenceKind && rng.chance(0.92)) {
    const end = status === 'active' ? ctx.asOfDay : statusDay;
    const dates = parts.licenceDates(rng, establishedDay, end);
    licences.push({ kind: licenceKind, number: parts.licenceNumber(licenceKind, index, trade[0]), ...dates });
  }
  const events = lifecycleEvents(rng, { row, town, establishedDay, status, statusDay, asOfDay: ctx.asOfDay });
  return { index, row, licences, events };
}

/**
 * The demo register, one entity at a time (never all in memory). Deterministic: the same options give the same
 * rows except the ID ciphertext, whose IV is random by design.
 */
export function* generateDemoEntities(opts: DemoEntityOptions): Generator<DemoEntity> {
  const ctx = makeContext(opts);
  const to = Math.min(ctx.n, opts.to ?? ctx.n);
  for (let index = Math.max(0, opts.from ?? 0); index < to; index++) yield entityAt(ctx, index);
}
