import { closeSync, createReadStream, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../../src/db/client.ts';
import { type DemoStation, generateDemoEntities } from '../../src/demo/demo-entities.ts';
import { loadDemoEntities } from '../../src/demo/demo-entities-load.ts';
import { entityCopyLine, entityCopySql } from '../../src/modules/entities/copy-repo.ts';
import type { PiiCipher } from '../../src/platform/pii.ts';
import type { ResultRow } from '../lib/report.ts';

interface ImportOptions {
  entities: number;
  seed: number;
  pii: PiiCipher;
  stations: DemoStation[];
  skipRaw: boolean;
  log: (msg: string) => void;
}

const rate = (rows: number, seconds: number) => (seconds > 0 ? rows / seconds : 0);

/** Renders the register's COPY lines to a file: the JS cost alone (generate, encrypt, bigrams, escape). */
function renderToFile(file: string, opts: ImportOptions): { seconds: number; bytes: number } {
  const started = performance.now();
  const fd = openSync(file, 'w');
  let parts: string[] = [];
  let size = 0;
  try {
    for (const { row } of generateDemoEntities(opts)) {
      const line = entityCopyLine(row);
      parts.push(line);
      size += line.length;
      if (size > 1 << 20) {
        writeSync(fd, parts.join(''));
        parts = [];
        size = 0;
      }
    }
    writeSync(fd, parts.join(''));
  } finally {
    closeSync(fd);
  }
  return { seconds: (performance.now() - started) / 1000, bytes: statSync(file).size };
}

/** The file back as line-aligned chunks (a chunk never ends mid-row, as copyFrom requires). */
export async function* fileLines(file: string): AsyncGenerator<string> {
  let carry = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = carry + (chunk as string);
    const cut = text.lastIndexOf('\n') + 1;
    carry = text.slice(cut);
    if (cut) yield text.slice(0, cut);
  }
  if (carry) yield carry;
}

/** COPY of pre-rendered lines into a scratch table shaped like `entities`: the database side alone. */
async function copyInto(db: Db, table: string, create: string, file: string): Promise<number> {
  await db.exec(`DROP TABLE IF EXISTS ${table}; ${create}`);
  const started = performance.now();
  const copied = await db.copyFrom(entityCopySql.replace('COPY entities', `COPY ${table}`), fileLines(file));
  const seconds = (performance.now() - started) / 1000;
  await db.exec(`DROP TABLE ${table}`);
  if (copied <= 0) throw new Error(`bench: nothing copied into ${table}`);
  return seconds;
}

/**
 * The bulk-load alternative: COPY with only the primary key and the USCC unique constraint, then build the other
 * indexes in one pass each (sorted builds; parallel on PostgreSQL). Timed together.
 */
async function copyThenIndex(db: Db, file: string): Promise<number> {
  const defs = await db.query<{ def: string }>(
    `SELECT indexdef AS def FROM pg_indexes WHERE tablename = 'entities' AND indexname NOT IN ('entities_pkey', 'entities_uscc_key')`,
  );
  await db.exec(`DROP TABLE IF EXISTS bench_rebuild;
    CREATE TABLE bench_rebuild (LIKE entities INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING CONSTRAINTS);
    ALTER TABLE bench_rebuild ADD PRIMARY KEY (id), ADD UNIQUE (uscc)`);
  const started = performance.now();
  await db.transaction(async (tx) => {
    await tx.copyFrom(entityCopySql.replace('COPY entities', 'COPY bench_rebuild'), fileLines(file));
    await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const { def } of defs) {
      await tx.query(
        def.replace(/INDEX entities_/, 'INDEX bench_rebuild_').replace(/ON (public\.)?entities /, 'ON bench_rebuild '),
      );
    }
  });
  const seconds = (performance.now() - started) / 1000;
  await db.exec('DROP TABLE bench_rebuild');
  return seconds;
}

/**
 * (1) Import: generation → toEntityRow → copyEntityRows, as the demo loader and an import do it, and two
 * ceilings from the same rows pre-rendered to a file: COPY into an unlogged table with no index (parse and
 * heap write only) and COPY into a logged copy of `entities` with all its indexes (index maintenance, no JS).
 */
export async function importScenario(db: Db, opts: ImportOptions): Promise<ResultRow[]> {
  const n = opts.entities;
  const rows: ResultRow[] = [];
  if (!opts.skipRaw) {
    const dir = join(process.cwd(), '.tmp', 'bench');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `entities-${process.pid}.copy`);
    try {
      opts.log(`rendering ${n.toLocaleString()} rows to ${file}`);
      const rendered = renderToFile(file, opts);
      rows.push({
        scenario: 'import',
        metric: 'generate+render only (JS, no DB)',
        value: rate(n, rendered.seconds),
        unit: 'rows/s',
        note: `${(rendered.bytes / n).toFixed(0)} B/row`,
      });
      opts.log('COPY into an unlogged table without indexes');
      const raw = await copyInto(
        db,
        'bench_raw',
        'CREATE UNLOGGED TABLE bench_raw (LIKE entities INCLUDING DEFAULTS INCLUDING IDENTITY)',
        file,
      );
      rows.push({ scenario: 'import', metric: 'raw COPY, unlogged, no indexes', value: rate(n, raw), unit: 'rows/s' });
      opts.log('COPY into a copy of entities with all its indexes');
      const indexed = await copyInto(
        db,
        'bench_indexed',
        'CREATE TABLE bench_indexed (LIKE entities INCLUDING ALL)',
        file,
      );
      rows.push({
        scenario: 'import',
        metric: 'pre-rendered COPY, all indexes',
        value: rate(n, indexed),
        unit: 'rows/s',
        note: 'DB side of the real import',
      });
      opts.log('COPY with primary key and USCC only, then build the other indexes');
      const rebuilt = await copyThenIndex(db, file);
      rows.push({
        scenario: 'import',
        metric: 'pre-rendered COPY, then build indexes',
        value: rate(n, rebuilt),
        unit: 'rows/s',
        note: 'bulk-load strategy',
      });
    } finally {
      rmSync(file, { force: true });
    }
  }
  opts.log(`import of ${n.toLocaleString()} entities through copyEntityRows`);
  let lastLog = 0;
  // ANALYZE only: main.ts measures search in that state, then VACUUMs.
  const result = await loadDemoEntities(db, {
    ...opts,
    vacuum: false,
    progress: (done, total) => {
      if (performance.now() - lastLog > 10_000 || done === total) {
        lastLog = performance.now();
        opts.log(`  ${done.toLocaleString()}/${total.toLocaleString()}`);
      }
    },
  });
  rows.push(
    {
      scenario: 'import',
      metric: 'import entities (generate+COPY)',
      value: rate(result.entities, result.entitySeconds),
      unit: 'rows/s',
      target: '≥ 100000',
      note: `${result.entitySeconds.toFixed(1)} s`,
    },
    {
      scenario: 'import',
      metric: 'demo load (+licences, events, ANALYZE)',
      value: rate(result.entities, result.seconds),
      unit: 'entities/s',
      note: `${result.seconds.toFixed(1)} s; ${result.licences.toLocaleString()} licences, ${result.events.toLocaleString()} events`,
    },
  );
  return rows;
}
