/**
 * Deterministic randomness for demo and bench data: the same seed gives the same rows on any machine and
 * Node version (integer arithmetic only, no Math.random).
 */

/** mulberry32: tiny, fast and good enough for synthetic data (not for anything secret). */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** n random decimal digits. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += this.int(10);
    return s;
  }
}

/** An independent stream for row `index`: a row never depends on the rows generated before it. */
export function rowRng(seed: number, index: number): Rng {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(index + 1, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return new Rng(h ^ (h >>> 16));
}

/** Picks by weight; the table is fixed at construction. */
export class Weighted<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (!entries.length) throw new RangeError('Weighted needs at least one entry');
    this.items = entries.map(([item]) => item);
    let sum = 0;
    this.cumulative = entries.map(([, weight]) => (sum += weight));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let i = 0;
    while (i < this.cumulative.length - 1 && this.cumulative[i]! <= x) i++;
    return this.items[i]!;
  }
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/**
 * A bijection on [0, modulus): x → (multiplier·x + offset) mod modulus. Codes built from it spread over the
 * whole space yet never repeat, which is what lets 20 M generated USCCs stay unique without a lookup set.
 */
export function affinePermutation(modulus: number, multiplier: number, offset: number): (x: number) => number {
  if (gcd(multiplier, modulus) !== 1) throw new RangeError('multiplier must be coprime with modulus');
  if (multiplier * modulus >= Number.MAX_SAFE_INTEGER) throw new RangeError('product would lose precision');
  const b = ((offset % modulus) + modulus) % modulus;
  return (x) => (multiplier * x + b) % modulus;
}

/**
 * A keyed bijection on [0, modulus) that looks random (4-round Feistel network over the next even power of two,
 * cycle-walking back into range). Consecutive indexes map to unrelated codes, unlike an affine map.
 */
export function feistelPermutation(modulus: number, seed: number): (x: number) => number {
  if (modulus < 1 || modulus > 2 ** 32) throw new RangeError('modulus must be in 1..2^32');
  let bits = 2;
  while (2 ** bits < modulus) bits += 2;
  const half = bits / 2;
  const mask = 2 ** half - 1;
  const keys = [0, 1, 2, 3].map((r) => rowRng(seed, r).int(2 ** 31));
  const encrypt = (x: number): number => {
    let left = Math.floor(x / 2 ** half);
    let right = x & mask;
    for (const key of keys) {
      let h = Math.imul(right ^ key, 0x9e3779b1);
      h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
      const next = (left ^ (h ^ (h >>> 13))) & mask;
      left = right;
      right = next;
    }
    return left * 2 ** half + right;
  };
  return (x) => {
    let y = encrypt(x);
    while (y >= modulus) y = encrypt(y);
    return y;
  };
}

/** Fixed-width rendering of n in an alphabet (base = alphabet length), most significant first. */
export function toAlphabet(n: number, alphabet: string, width: number): string {
  let s = '';
  for (let i = 0; i < width; i++) {
    s = alphabet.charAt(n % alphabet.length) + s;
    n = Math.floor(n / alphabet.length);
  }
  return s;
}

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 for an ISO date, and back: date arithmetic without time zones. */
export const isoToDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoCache = new Map<number, string>();
/** Cached: a register of millions of rows uses only a few thousand distinct days, and Date formatting is slow. */
export function dayToIso(day: number): string {
  let iso = isoCache.get(day);
  if (iso === undefined) {
    iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (isoCache.size < 100_000) isoCache.set(day, iso);
  }
  return iso;
}
