/**
 * Spike detection for consumer alerts: this window's count against the same-length windows before it.
 * A spike needs a minimum count (small numbers are noise) and to exceed mean + k·sd of the baseline,
 * with sd floored at sqrt(mean) (Poisson) so a flat baseline does not make every bump a spike.
 */
export interface SpikeResult {
  spike: boolean;
  observed: number;
  expected: number;
  threshold: number;
}

export function detectSpike(
  observed: number,
  baseline: number[],
  opts: { k?: number; minCount?: number } = {},
): SpikeResult {
  const k = opts.k ?? 3;
  const minCount = opts.minCount ?? 5;
  const n = baseline.length;
  const mean = n ? baseline.reduce((a, b) => a + b, 0) / n : 0;
  const variance = n > 1 ? baseline.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : mean;
  const sd = Math.max(Math.sqrt(variance), Math.sqrt(Math.max(mean, 1)));
  const threshold = Math.max(minCount, mean + k * sd);
  return {
    spike: observed >= threshold,
    observed,
    expected: Math.round(mean * 100) / 100,
    threshold: Math.round(threshold * 100) / 100,
  };
}

/** Jaccard similarity of two texts' character bigrams: cheap, language-neutral duplicate detection. */
export function textSimilarity(a: string, b: string): number {
  const grams = (s: string) => {
    const chars = [...s.replace(/[\s\p{P}]+/gu, '')];
    const set = new Set<string>();
    for (let i = 0; i + 1 < chars.length; i++) set.add(chars[i]! + chars[i + 1]!);
    return set;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.size === 0 || y.size === 0) return 0;
  let both = 0;
  for (const g of x) if (y.has(g)) both++;
  return both / (x.size + y.size - both);
}
