import type { TEntityStatus, TEntityType } from '../contracts/entities.ts';
import { makeIdCard } from '../domain/id-card.ts';
import {
  addressTails,
  capitalsYuan,
  type DemoLicenceKind,
  type DemoTown,
  type DemoTrade,
  givenNameChars,
  idRegionCodes,
  mobilePrefixes,
  surnames,
  tradeNameChars,
} from './demo-entities.data.ts';
import { dayToIso, feistelPermutation, type Rng, Weighted } from './random.ts';

/** Builders for one demo entity's fields; each takes the row's own Rng so rows stay independent. */

const surnameTable = new Weighted(surnames);
const idRegionTable = new Weighted(idRegionCodes);
const capitalTable = new Weighted(capitalsYuan);
const givenChars = [...givenNameChars];

/** How a town appears inside a name: 里水镇, but 桂城 (not 桂城街道) and 罗村. */
const townInName = (town: DemoTown) => (town.full.endsWith('镇') ? town.full : town.short);

export function personName(rng: Rng): string {
  const given = rng.chance(0.75) ? rng.pick(givenChars) + rng.pick(givenChars) : rng.pick(givenChars);
  return surnameTable.pick(rng) + given;
}

function tradeName(rng: Rng, length: number): string {
  let s = '';
  while (s.length < length) {
    const c = tradeNameChars.charAt(rng.int(tradeNameChars.length));
    if (!s.includes(c)) s += c;
  }
  return s;
}

const enterpriseForms = new Weighted<(t: { tn: string; word: string; town: DemoTown; factory: boolean }) => string>([
  [({ tn, word }) => `佛山市${tn}${word}有限公司`, 38],
  [({ tn, word }) => `佛山市南海区${tn}${word}有限公司`, 30],
  [({ tn, word, town, factory }) => `佛山市南海区${townInName(town)}${tn}${word}${factory ? '厂' : '有限公司'}`, 22],
  [({ tn, word }) => `广东${tn}${word}有限公司`, 7],
  [({ tn, word }) => `佛山市${tn}${word}股份有限公司`, 3],
]);

export function enterpriseName(rng: Rng, town: DemoTown, trade: DemoTrade): string {
  const tn = tradeName(rng, rng.chance(0.8) ? 2 : 3);
  const manufacturing = /^(1[3-9]|2\d|3\d|4[0-3])/.test(trade[0]);
  return enterpriseForms.pick(rng)({ tn, word: rng.pick(trade[2]), town, factory: manufacturing && rng.chance(0.4) });
}

export function individualName(rng: Rng, town: DemoTown, trade: DemoTrade, operator: string): string {
  const r = rng.next();
  const brand =
    r < 0.3
      ? `${operator.charAt(0)}记`
      : r < 0.42
        ? `阿${rng.pick(givenChars)}`
        : r < 0.8
          ? tradeName(rng, 2)
          : r < 0.85
            ? `老${operator.charAt(0)}`
            : operator;
  const p = rng.next();
  const prefix = p < 0.4 ? `佛山市南海区${townInName(town)}` : p < 0.75 ? `南海区${town.short}` : townInName(town);
  return `${prefix}${brand}${rng.pick(trade[2])}`;
}

export function cooperativeName(rng: Rng, town: DemoTown, trade: DemoTrade): string {
  const place = rng.chance(0.6) ? `${townInName(town)}${rng.pick(town.villages)}` : tradeName(rng, 2);
  return `佛山市南海区${place}${rng.pick(trade[2])}专业合作社`;
}

export function address(rng: Rng, town: DemoTown): string {
  const number = rng.chance(0.7) ? rng.between(1, 120) : rng.between(121, 688);
  return `佛山市南海区${town.full}${rng.pick(town.roads)}${number}号${rng.pick(addressTails)}`;
}

/** A valid resident ID for someone aged 22–60 when the business was established. */
export function idNumber(rng: Rng, establishedYear: number): string {
  const year = establishedYear - rng.between(22, 60);
  const birth = `${year}${String(rng.between(1, 12)).padStart(2, '0')}${String(rng.between(1, 28)).padStart(2, '0')}`;
  return makeIdCard(idRegionTable.pick(rng), birth, rng.digits(3));
}

export function phone(rng: Rng): string {
  return rng.chance(0.88) ? rng.pick(mobilePrefixes) + rng.digits(8) : `0757-8${rng.digits(7)}`;
}

/** Registered capital (enterprise) / 成员出资总额 (cooperative) / 资金数额 (individual, often absent), in fen. */
export function capitalFen(rng: Rng, type: TEntityType): number | null {
  if (type === 'enterprise') return capitalTable.pick(rng) * 100;
  if (type === 'farmerCooperative') return rng.between(1, 60) * 50_000 * 100;
  return rng.chance(0.6) ? rng.pick([10_000, 30_000, 50_000, 100_000, 200_000]) * 100 : null;
}

export function businessScope(type: TEntityType, trade: DemoTrade): string {
  if (type === 'enterprise') return `${trade[3]}。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）`;
  return `${trade[3]}。`;
}

/**
 * Status by age: individual businesses churn more; 吊销 hits those that stopped filing annual reports.
 * The change date lies between two months after establishment and the as-of date.
 */
export function statusOf(
  rng: Rng,
  type: TEntityType,
  establishedDay: number,
  asOfDay: number,
): { status: TEntityStatus; day: number } {
  const years = (asOfDay - establishedDay) / 365;
  if (years < 0.3) return { status: 'active', day: establishedDay };
  const individual = type === 'individualBusiness';
  const deregistered = Math.min(0.2, (individual ? 0.012 : 0.008) * years);
  const revoked = years > 3 ? (individual ? 0.015 : 0.03) : 0;
  const suspended = 0.025;
  const movedOut = individual ? 0.004 : 0.012;
  const r = rng.next();
  const status: TEntityStatus =
    r < deregistered
      ? 'deregistered'
      : r < deregistered + revoked
        ? 'revoked'
        : r < deregistered + revoked + suspended
          ? 'suspended'
          : r < deregistered + revoked + suspended + movedOut
            ? 'movedOut'
            : 'active';
  return { status, day: status === 'active' ? asOfDay : rng.between(establishedDay + 60, asOfDay) };
}

/**
 * Licence numbers come from the entity index through a permutation, so they are unique at any scale without a
 * lookup: 7 digits per block of 10 M entities, and each block gets another Foshan county code (5 blocks).
 */
const seq7 = feistelPermutation(10_000_000, 4754);
const FOSHAN_COUNTIES = ['440605', '440604', '440606', '440607', '440608'];
export const MAX_LICENCE_INDEX = FOSHAN_COUNTIES.length * 10_000_000;

export function licenceNumber(kind: DemoLicenceKind, index: number, industryCode: string): string {
  const county = FOSHAN_COUNTIES[Math.floor(index / 10_000_000)];
  if (!county) throw new RangeError(`演示许可证编号最多支持 ${MAX_LICENCE_INDEX} 个主体`);
  const seq = String(seq7(index % 10_000_000)).padStart(7, '0');
  switch (kind) {
    case 'foodLicence': // JY + 主体业态 (1 销售, 2 餐饮) + county + sequence
      return `JY${industryCode.startsWith('62') ? 2 : 1}${county}${seq}`;
    case 'foodProductionLicence':
      return `SC1${county}${seq}`;
    case 'drugLicence':
      return `粤CB${county.slice(3)}${seq}`;
  }
}

const LICENCE_YEARS_DAYS = 5 * 365 + 1;

/** Issued soon after establishment and renewed every 5 years while the business is alive. */
export function licenceDates(
  rng: Rng,
  establishedDay: number,
  endDay: number,
): { issuedOn: string; validUntil: string } {
  let issued = Math.min(establishedDay + rng.int(90), endDay);
  issued += Math.floor((endDay - issued) / LICENCE_YEARS_DAYS) * LICENCE_YEARS_DAYS;
  return { issuedOn: dayToIso(issued), validUntil: dayToIso(issued + LICENCE_YEARS_DAYS - 1) };
}
