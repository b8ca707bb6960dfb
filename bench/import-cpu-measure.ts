// CPU seconds of each part of the import's per-row work, on one thread, without the database's share: the worker's
// (read + parse, validate) and the message between them (flatten a batch and clone it as postMessage does: both
// ends), and the main thread's (rebuild the batch's items, render each valid row, split its line as the direct load
// does). Best of several runs, so that a loaded
// machine disturbs it less than a whole import.
//   DATABASE_URL=postgres://…/db_with_the_demo_stations npx tsx bench/import-cpu-measure.ts FILE.xlsx|FILE.csv [runs=3]
import { createReadStream, statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { openDatabase } from '../src/db/open.ts';
import { entityCopyLine } from '../src/modules/entities/copy-repo.ts';
import { actorForUser } from '../src/modules/entities/import/actor.ts';
import { type CheckedItem, flattenChecked, unflattenChecked } from '../src/modules/entities/import/checked-batch.ts';
import { ImportCollector } from '../src/modules/entities/import/collect.ts';
import { columnLabel } from '../src/modules/entities/import/headers.ts';
import { defaultImportLimits } from '../src/modules/entities/import/limits.ts';
import { rowChecker } from '../src/modules/entities/import/parse-worker.ts';
import { readRowBatches } from '../src/modules/entities/import/read-rows.ts';
import { listOrgUnitRefs } from '../src/modules/entities/import/repo.ts';
import { toEntityRow } from '../src/modules/entities/row.ts';
import { createPiiCipher } from '../src/platform/pii.ts';
import { loadConfig } from '../src/server/config.ts';

const file = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
/** IMPORT_MEASURE_OBJECTS=1: post the items themselves, as before checked-batch.ts. */
const objects = process.env.IMPORT_MEASURE_OBJECTS === '1';
if (!file) throw new Error('usage: import-cpu-measure.ts FILE [runs]');
const db = await openDatabase(loadConfig());
const actor = await actorForUser(db, { username: 'admin' });
const units = await listOrgUnitRefs(db);
await db.close();
const pii = createPiiCipher('shijian-bench-key-not-a-secret-0123456789');
const limits = { ...defaultImportLimits, maxRows: 10_000_000, maxUnzippedBytes: 4 * 1024 ** 3 };
const source = {
  filename: file,
  format: file.endsWith('.csv') ? ('csv' as const) : ('xlsx' as const),
  open: () => createReadStream(file),
};

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** One pass; each part's CPU seconds (all threads of this process while it ran: GC helpers included). */
async function pass() {
  const t = { read: 0, validate: 0, post: 0, rebuild: 0, render: 0 };
  let staged = 0;
  let collector: ImportCollector | undefined;
  const lines: string[] = [];
  const consume = (posted: unknown[]) => {
    let c = cpu();
    const items: CheckedItem[] = objects ? (posted as CheckedItem[]) : [...unflattenChecked(posted)];
    t.rebuild += cpu() - c;
    c = cpu();
    for (const item of items) {
      if ('map' in item) {
        const map = item.map;
        collector = new ImportCollector({
          stage: (line) => {
            // As DirectWriter.add: the row's stage part and its entity part.
            const okAt = line.indexOf('\t') + 1;
            const usccEnd = line.indexOf('\t', okAt + 2);
            lines.push(`${line.slice(0, usccEnd)}\n`, line.slice(okAt + 2));
            staged++;
            return undefined;
          },
          toLine: (entity, stationId) => entityCopyLine(toEntityRow(entity, { stationId, actorId: actor.userId, pii })),
          usccColumn: columnLabel(map, 'uscc'),
          nothingIfInvalid: false,
        });
      } else collector?.add(item.row, item.outcome);
    }
    lines.length = 0;
    t.render += cpu() - c;
  };
  // Reading and validating are interleaved in the import (a generator feeds the other): timed as one, then
  // validation alone is the difference from a read-only pass.
  let c = cpu();
  let batch: CheckedItem[] = [];
  const check = rowChecker({ units, actor });
  for await (const rows of readRowBatches(source, limits)) {
    for (const row of rows) {
      const item = check(row);
      if (!item) continue;
      batch.push(item);
      if (batch.length >= 500) {
        t.validate += cpu() - c;
        const p = cpu();
        const posted = structuredClone(objects ? batch : flattenChecked(batch));
        t.post += cpu() - p;
        consume(posted);
        batch = [];
        c = cpu();
      }
    }
  }
  t.validate += cpu() - c;
  consume(structuredClone(objects ? batch : flattenChecked(batch)));
  c = cpu();
  for await (const _ of readRowBatches(source, limits)) {
    // read only
  }
  t.read = cpu() - c;
  t.validate -= t.read;
  return { ...t, staged };
}

const results: Awaited<ReturnType<typeof pass>>[] = [];
for (let i = 0; i < runs; i++) results.push(await pass());
const best = (k: keyof (typeof results)[number]) => Math.min(...results.map((r) => r[k]));
const fmt = (k: keyof (typeof results)[number]) => `${k} ${best(k).toFixed(2)}`;
console.log(
  `${file} (${(statSync(file).size / 1e6).toFixed(0)} MB, ${results[0]!.staged} rows staged), best of ${runs}, CPU s: ` +
    `${['read', 'validate', 'post', 'rebuild', 'render'].map((k) => fmt(k as 'read')).join(', ')}; worker part ` +
    `${(best('read') + best('validate') + best('post')).toFixed(2)}, main part ${(best('rebuild') + best('render')).toFixed(2)}; ` +
    `load ${loadavg()[0]!.toFixed(2)}`,
);
