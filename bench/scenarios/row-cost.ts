import { entityCopyLine } from '../../src/db/copy.ts';
import { type DemoStation, generateDemoEntities } from '../../src/db/seed/demo-entities.ts';
import { bigramTsvector } from '../../src/domain/bigrams.ts';
import type { PiiCipher } from '../../src/server/pii.ts';
import { createFastPiiCipher, fastBigramTsvector } from '../lib/proposals.ts';
import type { ResultRow } from '../lib/report.ts';

const N = 20_000;

function perCall(fn: (i: number) => unknown): number {
  for (let i = 0; i < 1_000; i++) fn(i); // warm up the JIT
  const started = performance.now();
  for (let i = 0; i < N; i++) fn(i);
  return ((performance.now() - started) * 1000) / N;
}

/**
 * Where a row's JS time goes (µs per call, single thread): the import pipeline runs these for every row, so
 * they cap rows/s before the database is involved. The proposals are checked to give identical results.
 */
export function rowCostScenario(opts: { pii: PiiCipher; secret: string; stations: DemoStation[] }): ResultRow[] {
  const sample = [...generateDemoEntities({ ...opts, entities: N, seed: 99 })];
  const names = sample.map((e) => e.row.name);
  const ids = sample.map((e) => opts.pii.decrypt(e.row.legalRepIdCipher!));
  const fast = createFastPiiCipher(opts.secret, opts.pii);
  for (let i = 0; i < 1_000; i++) {
    if (fastBigramTsvector(names[i]!) !== bigramTsvector(names[i]!)) throw new Error(`bigram mismatch: ${names[i]}`);
    if (opts.pii.decrypt(fast.encrypt(ids[i]!)) !== ids[i]) throw new Error('fast cipher not readable');
    if (fast.lookupHash(ids[i]!) !== opts.pii.lookupHash(ids[i]!)) throw new Error('fast hash differs');
  }
  const row = (metric: string, value: number, note?: string): ResultRow => ({
    scenario: 'row cost',
    metric,
    value,
    unit: 'µs/row',
    ...(note ? { note } : {}),
  });
  // Enough rows for the warm-up and the timed calls.
  const rows = generateDemoEntities({ ...opts, entities: N + 1_000, seed: 98 });
  return [
    row(
      'generate demo row (all of it)',
      perCall(() => rows.next()),
    ),
    row(
      'pii.encrypt (server/pii.ts)',
      perCall((i) => opts.pii.encrypt(ids[i % N]!)),
    ),
    row(
      'pii.encrypt, proposal',
      perCall((i) => fast.encrypt(ids[i % N]!)),
      'KeyObject + pooled IVs',
    ),
    row(
      'pii.lookupHash (server/pii.ts)',
      perCall((i) => opts.pii.lookupHash(ids[i % N]!)),
    ),
    row(
      'pii.lookupHash, proposal',
      perCall((i) => fast.lookupHash(ids[i % N]!)),
      'KeyObject',
    ),
    row(
      'bigramTsvector (domain/bigrams.ts)',
      perCall((i) => bigramTsvector(names[i % N]!)),
    ),
    row(
      'bigramTsvector, proposal',
      perCall((i) => fastBigramTsvector(names[i % N]!)),
      'fast path for plain names',
    ),
    row(
      'entityCopyLine (db/copy.ts)',
      perCall((i) => entityCopyLine(sample[i % N]!.row)),
    ),
  ];
}
