import type { Db } from '../../src/db/client.ts';
import type { Actor } from '../../src/platform/actor.ts';
import type { EntityApi } from '../lib/entity-api.ts';
import type { ResultRow } from '../lib/report.ts';
import { percentile, sample, summarise } from '../lib/timing.ts';

/**
 * What a user types is seldom one of the named fragments: 3–4 characters cut from a real name, where the town, the
 * surname and the trade meet (区桂城隆, 罗村罗记). Their bigrams are each common, the fragment rare, and the
 * statistics know the bigrams only one by one. The same `count` fragments every run: names of the base rows
 * (`id % 125 = 7`), cut at a position fixed by their order. Each is timed through the service (5 runs after 1);
 * the rows give the spread of their p95s.
 */
export async function searchSpread(db: Db, api: EntityApi, admin: Actor, count = 400) {
  const names = await db.query<{ name: string }>(
    `SELECT name FROM entities WHERE id <= 50000 AND id % 125 = 7 ORDER BY id LIMIT ${count}`,
  );
  const results: { fragment: string; p95: number; p50: number; total: number }[] = [];
  for (const [n, { name }] of names.entries()) {
    const chars = [...name];
    const len = 3 + (n % 2);
    if (chars.length < len + 1) continue;
    const at = (n * 7919) % (chars.length - len);
    const fragment = chars.slice(at, at + len).join('');
    const s = summarise(await sample(5, () => api.list(admin, { q: fragment, limit: 20 }), 1));
    const { total } = await api.list(admin, { q: fragment, limit: 20 });
    results.push({ fragment, p95: s.p95, p50: s.p50, total });
  }
  const p95s = results.map((r) => r.p95).sort((a, b) => a - b);
  const over = results.filter((r) => r.p95 > 20).sort((a, b) => b.p95 - a.p95);
  const worst = over
    .slice(0, 6)
    .map((r) => `${r.fragment}:${r.p95.toFixed(0)} ms/${r.total}`)
    .join(' ');
  const rows: ResultRow[] = [
    ...([50, 90, 95, 99] as const).map((p) => ({
      scenario: 'search',
      metric: `typed 3–4 char fragments: p${p} of their p95s`,
      value: percentile(p95s, p),
      unit: 'ms',
      note: p === 99 ? `${results.length} fragments` : undefined,
    })),
    {
      scenario: 'search',
      metric: 'typed 3–4 char fragments: p95 over 20 ms',
      value: over.length,
      unit: `of ${results.length}`,
      note: worst,
    },
  ];
  return { rows, detail: results };
}
