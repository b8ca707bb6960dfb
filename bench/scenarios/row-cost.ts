import { type DemoStation, generateDemoEntities } from '../../src/demo/demo-entities.ts';
import { bigramTsvector } from '../../src/domain/bigrams.ts';
import { entityCopyLine } from '../../src/modules/entities/copy-repo.ts';
import type { PiiCipher } from '../../src/platform/pii.ts';
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
 * they cap rows/s before the database is involved.
 */
export function rowCostScenario(opts: { pii: PiiCipher; secret: string; stations: DemoStation[] }): ResultRow[] {
  const sample = [...generateDemoEntities({ ...opts, entities: N, seed: 99 })];
  const names = sample.map((e) => e.row.name);
  const ids = sample.map((e) => opts.pii.decrypt(e.row.legalRepIdCipher!));
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
      'pii.encrypt (platform/pii.ts)',
      perCall((i) => opts.pii.encrypt(ids[i % N]!)),
    ),
    row(
      'pii.lookupHash (platform/pii.ts)',
      perCall((i) => opts.pii.lookupHash(ids[i % N]!)),
    ),
    row(
      'bigramTsvector (domain/bigrams.ts)',
      perCall((i) => bigramTsvector(names[i % N]!)),
    ),
    row(
      'entityCopyLine (modules/entities/copy-repo.ts)',
      perCall((i) => entityCopyLine(sample[i % N]!.row)),
    ),
  ];
}
