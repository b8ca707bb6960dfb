// The user's import path at register scale (issue 15 point 1): a 1.5 M-row CSV (UTF-8 and GBK) and an XLSX
// through `shijian import entities` and through the web wizard, and in the same run each stage alone.
import { type ChildProcess, spawn } from 'node:child_process';
import {
  closeSync,
  createReadStream,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { IMPORT_MAX_BYTES } from '../../src/contracts/entity-import.ts';
import type { Db } from '../../src/db/client.ts';
import { entityCopyLine } from '../../src/modules/entities/copy-repo.ts';
import { actorForUser } from '../../src/modules/entities/import/actor.ts';
import { ImportCollector } from '../../src/modules/entities/import/collect.ts';
import {
  beginDirectLoad,
  DirectWriter,
  directLoadWanted,
  finishDirectLoad,
} from '../../src/modules/entities/import/direct-load-repo.ts';
import { columnLabel, type HeaderMap, mapHeaders } from '../../src/modules/entities/import/headers.ts';
import { defaultImportLimits, type ImportLimits } from '../../src/modules/entities/import/limits.ts';
import { type ImportSource, readRows, type SheetRow } from '../../src/modules/entities/import/read-rows.ts';
import { listOrgUnitRefs } from '../../src/modules/entities/import/repo.ts';
import { createStage, dropStage, insertStagedEntities } from '../../src/modules/entities/import/staging-repo.ts';
import { stationDirectory } from '../../src/modules/entities/import/stations.ts';
import { validateRow } from '../../src/modules/entities/import/validate-row.ts';
import { cellText } from '../../src/modules/entities/import/values.ts';
import { withEventKeyDeferred, withIndexesDeferred } from '../../src/modules/entities/repo.ts';
import { toEntityRow } from '../../src/modules/entities/row.ts';
import { cpuMeter, postgresCpuSeconds, processCpuSeconds } from '../lib/cpu-seconds.ts';
import { loginCookie } from '../lib/http-login.ts';
import { writeCsvFiles, writeXlsxFile } from '../lib/import-files.ts';
import type { ResultRow } from '../lib/report.ts';
import type { ScenarioContext, ScenarioResult } from '../lib/scenario.ts';
import { fileLines } from './import.ts';

/** One XLSX sheet holds 1,048,576 rows: the header and 1,048,575 data rows. */
const XLSX_MAX_DATA_ROWS = 1_048_575;
const SCENARIO = 'import-path';
const benchLimits: ImportLimits = {
  ...defaultImportLimits,
  maxRows: 2_000_000,
  maxUnzippedBytes: 4 * 1024 ** 3,
};
const limitEnv = {
  IMPORT_MAX_ROWS: String(benchLimits.maxRows),
  IMPORT_MAX_UNZIPPED_BYTES: String(benchLimits.maxUnzippedBytes),
};

const load = () => loadavg()[0]!.toFixed(1);
const cpuNote = (c: { bench: number; postgres: number }) =>
  `bench ${c.bench.toFixed(1)} s + PostgreSQL ${c.postgres.toFixed(1)} s`;

/**
 * The best whole ÷ slowest this machine allows: however well the stages overlap, the whole path cannot take less
 * wall time than its CPU seconds spread over every core, nor less than its slowest stage.
 */
function ceilingRow(metric: string, slowestSeconds: number, cpu: { cli: number; postgres: number }): ResultRow {
  const cores = availableParallelism();
  const floor = (cpu.cli + cpu.postgres) / cores;
  return {
    scenario: SCENARIO,
    metric,
    value: (slowestSeconds / Math.max(slowestSeconds, floor)) * 100,
    unit: '%',
    note: `the whole path's ${(cpu.cli + cpu.postgres).toFixed(1)} CPU s on ${cores} cores take at least ${floor.toFixed(1)} s; slowest stage ${slowestSeconds.toFixed(1)} s`,
  };
}
const rate = (rows: number, s: number) => rows / s;

/** Peak RSS of a process since the last reset (VmHWM), in MB; resetting writes 5 to clear_refs. */
function peakRss(pid: number | 'self'): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}
function resetPeak(pid: number | 'self'): void {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    // not Linux, or not allowed: the peak is then the process's lifetime peak
  }
}

interface Format {
  key: 'csv-utf8' | 'csv-gbk' | 'xlsx';
  label: string;
  file: string;
  rows: number;
  invalid: number;
  web?: { file: string; rows: number; invalid: number };
}

function sourceOf(file: string, format: 'csv' | 'xlsx'): ImportSource {
  const sizeBytes = statSync(file).size;
  return { filename: file.split('/').pop()!, format, path: file, sizeBytes, open: () => createReadStream(file) };
}

/** Stage 1: read + parse, on the main thread with nothing downstream. */
async function stageParse(f: Format) {
  resetPeak('self');
  const started = performance.now();
  let rows = 0;
  for await (const _ of readRows(sourceOf(f.file, f.key === 'xlsx' ? 'xlsx' : 'csv'), benchLimits)) rows++;
  return { seconds: (performance.now() - started) / 1000, rows, rss: peakRss('self') };
}

/**
 * Stage 2: validate + render to the staging table's COPY lines, on rows parsed beforehand in blocks so that only
 * this stage is timed (JS only: the duplicate and already-registered checks are the database's, in stage 3). The
 * lines go to a file.
 */
async function stageValidate(ctx: ScenarioContext, f: Format, copyFile: string) {
  const { db } = ctx;
  const actor = await actorForUser(db, { username: 'admin' });
  const stations = stationDirectory(await listOrgUnitRefs(db));
  const fd = openSync(copyFile, 'w');
  let lines: string[] = [];
  const spill = () => {
    writeFileSync(fd, lines.join(''));
    lines = [];
  };
  let map: HeaderMap | undefined;
  let collector: ImportCollector | undefined;
  let block: SheetRow[] = [];
  let seconds = 0;
  const run = async () => {
    const started = performance.now();
    for (const { row, cells } of block) {
      if (!map || !collector) {
        const mapped = mapHeaders(cells);
        if (!('index' in mapped)) throw new Error('bench: header not recognised');
        map = mapped as HeaderMap;
        collector = new ImportCollector({
          stage: async (line) => {
            lines.push(line);
          },
          toLine: (entity, stationId) =>
            entityCopyLine(toEntityRow(entity, { stationId, actorId: actor.userId, pii: ctx.pii })),
          usccColumn: columnLabel(map, 'uscc'),
          nothingIfInvalid: false,
        });
        continue;
      }
      if (cells.every((c) => cellText(c) === '')) continue;
      await collector.add(row, validateRow(row, cells, { map, stations, actor }));
    }
    seconds += (performance.now() - started) / 1000;
    block = [];
    spill();
  };
  resetPeak('self');
  for await (const row of readRows(sourceOf(f.file, f.key === 'xlsx' ? 'xlsx' : 'csv'), benchLimits)) {
    block.push(row);
    if (block.length >= 20_000) await run();
  }
  await run();
  closeSync(fd);
  return { seconds, collector: collector!, rss: peakRss('self') };
}

async function emptyRegister(db: Db): Promise<void> {
  await db.exec('TRUNCATE entities CASCADE');
  await db.exec('VACUUM (ANALYZE) entities');
}

/**
 * Stage 3: the database's part of the import, from the rendered lines: COPY into the staging table (during the
 * real import this overlaps validation), the duplicate and registered checks, then the insert as the import runs
 * it (INSERT … SELECT with the index strategy and the 设立 events in one transaction), commit, VACUUM (ANALYZE).
 */
async function stageInsert(db: Db, f: Format, copyFile: string, collector: ImportCollector, actorId: number) {
  await emptyRegister(db);
  // The same choice as the import (on the register as the CLI run will find it: empty).
  if (await directLoadWanted(db, sourceOf(f.file, f.key === 'xlsx' ? 'xlsx' : 'csv')))
    return stageDirectLoad(db, copyFile, collector, actorId);
  const t0 = performance.now();
  const stage = await createStage(db);
  let tStage = 0;
  let tChecks = 0;
  let tInsert = 0;
  try {
    await db.copyFrom(stage.copySql, fileLines(copyFile));
    tStage = performance.now();
    await collector.finish(db, stage);
    tChecks = performance.now();
    const valid = collector.total - collector.invalid;
    await db.transaction((tx) =>
      withIndexesDeferred(tx, valid, (deferred) => {
        const insert = () => insertStagedEntities(tx, stage, 'bench', actorId);
        return deferred ? withEventKeyDeferred(tx, insert) : insert();
      }),
    );
    tInsert = performance.now();
  } finally {
    await dropStage(db, stage);
  }
  await db.exec('VACUUM (ANALYZE) entities');
  const t2 = performance.now();
  return {
    direct: false,
    stage: (tStage - t0) / 1000,
    checks: (tChecks - tStage) / 1000,
    insert: (tInsert - tChecks) / 1000,
    vacuum: (t2 - tInsert) / 1000,
    seconds: (t2 - t0) / 1000,
  };
}

/**
 * Stage 3 when the import loads directly (direct-load-repo.ts): the same lines split into the register and the narrow
 * stage with each batch's events (during the real import this overlaps validation), the checks with the discarded
 * rows deleted, the constraint, indexes and events' key rebuilt, commit, VACUUM (ANALYZE). `stage` is the COPY part,
 * `insert` the rebuild.
 */
async function stageDirectLoad(db: Db, copyFile: string, collector: ImportCollector, actorId: number) {
  const t0 = performance.now();
  let tStage = 0;
  let tChecks = 0;
  await db.transaction(async (tx) => {
    const load = await beginDirectLoad(tx, { note: 'bench', actorId });
    const writer = new DirectWriter(tx, load);
    for await (const chunk of fileLines(copyFile)) {
      for (const line of chunk.split('\n')) if (line) await writer.add(`${line}\n`);
    }
    await writer.finish();
    tStage = performance.now();
    await collector.finish(tx, load.stage);
    tChecks = performance.now();
    await finishDirectLoad(tx, load);
  });
  const tInsert = performance.now();
  await db.exec('VACUUM (ANALYZE) entities');
  const t2 = performance.now();
  return {
    direct: true,
    stage: (tStage - t0) / 1000,
    checks: (tChecks - tStage) / 1000,
    insert: (tInsert - tChecks) / 1000,
    vacuum: (t2 - tInsert) / 1000,
    seconds: (t2 - t0) / 1000,
  };
}

/** Polls a child's peak RSS until it exits (VmHWM only grows, so the last reading is the peak). */
function watchPeak(child: ChildProcess): { peak: () => number; cpu: () => number } {
  let peak = 0;
  let cpu = 0;
  const timer = setInterval(() => {
    try {
      // A zombie's status has no VmHWM (NaN): keep the last real reading.
      const now = peakRss(child.pid!);
      if (now > peak) peak = now;
      // Its CPU seconds as last seen alive: short by at most one interval's worth.
      cpu = Math.max(cpu, processCpuSeconds(child.pid!));
    } catch {
      // exited
    }
  }, 200);
  child.once('exit', () => clearInterval(timer));
  return { peak: () => peak, cpu: () => cpu };
}

function databaseUrl(ctx: ScenarioContext): string {
  const admin = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  admin.pathname = `/${process.env.BENCH_DATABASE_NAME ?? 'shijian_bench'}`;
  if (ctx.kind !== 'postgres') throw new Error('bench: import-path runs on PostgreSQL (--db postgres)');
  return admin.toString();
}

function appEnv(ctx: ScenarioContext, dataDir: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...limitEnv,
    DATABASE_URL: databaseUrl(ctx),
    DATA_DIR: dataDir,
    SECRET_KEY: ctx.secret,
    AUDIT_KEY: ctx.secret,
    LOG_LEVEL: 'silent',
  };
}

/** The whole path through `shijian import entities FILE --mode validOnly`, in its own process. */
async function wholeCli(ctx: ScenarioContext, f: Format, dataDir: string) {
  await emptyRegister(ctx.db);
  const started = performance.now();
  const pg0 = postgresCpuSeconds();
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/main.ts', 'import', 'entities', f.file, '--mode', 'validOnly'],
    { env: appEnv(ctx, dataDir), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const peak = watchPeak(child);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  const seconds = (performance.now() - started) / 1000;
  const cpu = { cli: peak.cpu(), postgres: postgresCpuSeconds() - pg0 };
  const m = /共 (\d+) 行：有效 (\d+) 行，有错误 (\d+) 行；已导入 (\d+) 条/.exec(out);
  if (!m) throw new Error(`bench: CLI import failed (exit ${code}):\n${out.slice(-2000)}`);
  const [total, , invalid, imported] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  if (invalid !== f.invalid) throw new Error(`bench: CLI reported ${invalid} invalid rows, expected ${f.invalid}`);
  return { seconds, total, imported, rss: peak.peak(), cpu };
}

interface Server {
  base: string;
  pid: number;
  stop(): Promise<void>;
}

async function startServer(ctx: ScenarioContext, dataDir: string, port: number): Promise<Server> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--no-demo'], {
    env: { ...appEnv(ctx, dataDir), PORT: String(port), HOST: '127.0.0.1', JOB_POLL_MS: '200' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error('bench: server exited at start');
    try {
      if ((await fetch(`${base}/api/v1/health`)).status < 500) break;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  return {
    base,
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    },
  };
}

/** The whole path through the web wizard: upload, then poll the job until it is done. */
async function wholeWeb(ctx: ScenarioContext, server: Server, file: string, expectInvalid: number) {
  await emptyRegister(ctx.db);
  const cookie = await loginCookie(server.base, 'admin');
  const me = (await (await fetch(`${server.base}/api/v1/auth/me`, { headers: { cookie } })).json()) as {
    csrfToken: string;
  };
  const headers = { cookie, 'x-csrf-token': me.csrfToken };
  resetPeak(server.pid);
  const body = new FormData();
  body.set('mode', 'validOnly');
  body.set('file', new Blob([readFileSync(file)]), file.split('/').pop()!);
  const started = performance.now();
  const res = await fetch(`${server.base}/api/v1/entities/imports`, { method: 'POST', headers, body });
  if (res.status !== 202) throw new Error(`bench: upload answered ${res.status}: ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: number };
  const uploaded = (performance.now() - started) / 1000;
  let peak = 0;
  for (;;) {
    await sleep(250);
    const now = peakRss(server.pid);
    if (now > peak) peak = now;
    const s = (await (await fetch(`${server.base}/api/v1/entities/imports/${jobId}`, { headers })).json()) as {
      status: string;
      error: string | null;
      result: { total: number; invalid: number; imported: number } | null;
    };
    if (s.status === 'failed') throw new Error(`bench: web import failed: ${s.error}`);
    if (s.status === 'done' || s.status === 'succeeded' || s.result) {
      const seconds = (performance.now() - started) / 1000;
      if (s.result?.invalid !== expectInvalid)
        throw new Error(`bench: web import reported ${s.result?.invalid} invalid, expected ${expectInvalid}`);
      return {
        seconds,
        uploaded,
        total: s.result.total,
        imported: s.result.imported,
        rss: Math.max(peak, peakRss(server.pid) || 0),
      };
    }
  }
}

/** The first `rows` data rows of a CSV file (cut at a line end), for the web wizard's upload cap. */
function headOfCsv(file: string, out: string, maxBytes: number): number {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(maxBytes);
  const n = readSync(fd, buf, 0, maxBytes, 0);
  closeSync(fd);
  const cut = buf.subarray(0, n).lastIndexOf(0x0a) + 1;
  writeFileSync(out, buf.subarray(0, cut));
  let lines = 0;
  for (let i = 0; i < cut; i++) if (buf[i] === 0x0a) lines++;
  return lines - 1;
}

const parts = () => new Set((process.env.IMPORT_PATH_PARTS ?? 'stages,cli,web').split(','));
const formatsWanted = () => new Set((process.env.IMPORT_PATH_FORMATS ?? 'csv-utf8,csv-gbk,xlsx').split(','));

/**
 * `--scenario import-path --entities N --db postgres`: writes the files (N rows of CSV in UTF-8 and GBK; an XLSX
 * of min(N, 1,048,575) rows, one sheet's worth), then per format times read+parse, validate+render and the insert
 * phase alone, and the whole import through the CLI and through the web wizard (files within its 50 MB cap).
 */
export async function importPathScenario(ctx: ScenarioContext): Promise<ScenarioResult> {
  const { db, log } = ctx;
  const dir = process.env.IMPORT_PATH_DIR ?? join(process.cwd(), '.tmp', 'bench', `import-path-${process.pid}`);
  const dataDir = process.env.IMPORT_PATH_DATA_DIR ?? join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  mkdirSync(dataDir, { recursive: true });
  const port = Number(process.env.IMPORT_PATH_PORT ?? 3201);
  const n = ctx.entities;
  const xlsxRows = Math.min(n, XLSX_MAX_DATA_ROWS);
  const opts = { rows: n, seed: ctx.seed, stations: ctx.stations, pii: ctx.pii };
  const want = formatsWanted();
  const formats: Format[] = [];
  const csvUtf8 = join(dir, `register-${n}-utf8.csv`);
  const csvGbk = join(dir, `register-${n}-gbk.csv`);
  const xlsx = join(dir, `register-${xlsxRows}.xlsx`);
  const keep = process.env.IMPORT_PATH_KEEP_FILES === '1';
  const rows: ResultRow[] = [];
  // Each figure is logged as it is measured: a long run that is stopped still leaves its figures.
  const push = rows.push.bind(rows);
  rows.push = (...items: ResultRow[]) => {
    for (const r of items)
      log(`  = ${r.metric}: ${Math.round(r.value * 10) / 10} ${r.unit}${r.note ? ` (${r.note})` : ''}`);
    return push(...items);
  };
  const detail: Record<string, unknown> = { dir, loadAtStart: loadavg() };
  try {
    let t = performance.now();
    let invalidCsv = Number(process.env.IMPORT_PATH_CSV_INVALID ?? -1);
    if (invalidCsv < 0 || !statSafe(csvUtf8)) {
      log(`writing ${n.toLocaleString()}-row CSV files (UTF-8, GBK) to ${dir}`);
      invalidCsv = await writeCsvFiles(opts, csvUtf8, csvGbk);
      log(`  written in ${((performance.now() - t) / 1000).toFixed(0)} s; ${invalidCsv} invalid rows expected`);
    }
    const webCap = IMPORT_MAX_BYTES - 64 * 1024;
    if (want.has('csv-utf8'))
      formats.push({ key: 'csv-utf8', label: 'CSV UTF-8', file: csvUtf8, rows: n, invalid: invalidCsv });
    if (want.has('csv-gbk'))
      formats.push({ key: 'csv-gbk', label: 'CSV GBK', file: csvGbk, rows: n, invalid: invalidCsv });
    if (want.has('xlsx')) {
      let invalidXlsx = Number(process.env.IMPORT_PATH_XLSX_INVALID ?? -1);
      if (invalidXlsx < 0 || !statSafe(xlsx)) {
        t = performance.now();
        log(`writing ${xlsxRows.toLocaleString()}-row XLSX`);
        invalidXlsx = await writeXlsxFile({ ...opts, rows: xlsxRows }, xlsx);
        log(
          `  written in ${((performance.now() - t) / 1000).toFixed(0)} s (${(statSync(xlsx).size / 1e6).toFixed(0)} MB)`,
        );
      }
      formats.push({ key: 'xlsx', label: 'XLSX', file: xlsx, rows: xlsxRows, invalid: invalidXlsx });
    }
    // Web wizard files: as many rows as fit under the upload cap.
    for (const f of formats) {
      if (!parts().has('web')) break;
      if (f.key === 'xlsx') {
        const bytesPerRow = statSync(f.file).size / f.rows;
        const webRows = Math.min(f.rows, Math.floor((webCap / bytesPerRow) * 0.97));
        const webFile = join(dir, `web-${webRows}.xlsx`);
        const inv = await writeXlsxFile({ ...opts, rows: webRows }, webFile);
        f.web = { file: webFile, rows: webRows, invalid: inv };
      } else {
        const webFile = join(dir, `web-${f.key}.csv`);
        const webRows = headOfCsv(f.file, webFile, webCap);
        // Faulty rows fall every BAD_EVERY rows: count those within the head.
        f.web = { file: webFile, rows: webRows, invalid: expectedInvalidIn(webRows) };
      }
    }
    const actor = await actorForUser(db, { username: 'admin' });
    for (const f of formats) {
      const fileMb = statSync(f.file).size / 1e6;
      const tag = (m: string) => `${f.label}: ${m}`;
      if (parts().has('stages')) {
        log(tag(`stage 1, read + parse (${fileMb.toFixed(0)} MB), load ${load()}`));
        let cpu = cpuMeter();
        const s1 = await stageParse(f);
        const c1 = cpu();
        if (s1.rows !== f.rows + 1) throw new Error(`bench: parsed ${s1.rows} rows, expected ${f.rows + 1}`);
        rows.push({
          scenario: SCENARIO,
          metric: tag('read + parse'),
          value: rate(f.rows, s1.seconds),
          unit: 'rows/s',
          note: `${s1.seconds.toFixed(1)} s, CPU ${cpuNote(c1)}, peak RSS ${s1.rss.toFixed(0)} MB, load ${load()}`,
        });
        log(tag(`stage 2, validate + render, load ${load()}`));
        const copyFile = join(dir, `${f.key}.copy`);
        await emptyRegister(db);
        cpu = cpuMeter();
        const s2 = await stageValidate(ctx, f, copyFile);
        const c2 = cpu();
        rows.push({
          scenario: SCENARIO,
          metric: tag('validate + render'),
          value: rate(f.rows, s2.seconds),
          unit: 'rows/s',
          note: `${s2.seconds.toFixed(1)} s, CPU ${cpuNote(c2)}, bench RSS ${s2.rss.toFixed(0)} MB, load ${load()}`,
        });
        log(tag(`stage 3, staging COPY + checks + INSERT … SELECT with indexes and events + VACUUM, load ${load()}`));
        cpu = cpuMeter();
        const s3 = await stageInsert(db, f, copyFile, s2.collector, actor.userId);
        const c3 = cpu();
        rmSync(copyFile, { force: true });
        const { collector } = s2;
        if (collector.invalid !== f.invalid)
          throw new Error(
            `bench: ${collector.invalid} invalid rows, expected ${f.invalid}: ${JSON.stringify(collector.errors.slice(0, 8))}`,
          );
        rows.push({
          scenario: SCENARIO,
          metric: tag('insert (staging COPY, checks, INSERT … SELECT + indexes + events, VACUUM)'),
          value: rate(f.rows, s3.seconds),
          unit: 'rows/s',
          note: `${s3.seconds.toFixed(1)} s: ${s3.direct ? `direct load: COPY into the register + stage + events ${s3.stage.toFixed(1)}, checks ${s3.checks.toFixed(1)}, unique key + indexes + events' key ${s3.insert.toFixed(1)}` : `staging ${s3.stage.toFixed(1)}, checks ${s3.checks.toFixed(1)}, insert+indexes+events ${s3.insert.toFixed(1)}`}, VACUUM ${s3.vacuum.toFixed(1)}; CPU ${cpuNote(c3)}; ${collector.invalid} invalid rows reported; load ${load()}`,
        });
        detail[f.key] = {
          parse: { ...s1, cpu: c1 },
          validate: { seconds: s2.seconds, rss: s2.rss, cpu: c2 },
          insert: { ...s3, cpu: c3 },
        };
        const slowest = Math.min(rate(f.rows, s1.seconds), rate(f.rows, s2.seconds), rate(f.rows, s3.seconds));
        if (parts().has('cli')) {
          log(tag(`whole, CLI, load ${load()}`));
          const w = await wholeCli(ctx, f, dataDir);
          const whole = rate(f.rows, w.seconds);
          rows.push(
            {
              scenario: SCENARIO,
              metric: tag('whole import, CLI'),
              value: whole,
              unit: 'rows/s',
              note: `${w.seconds.toFixed(1)} s, ${w.imported} imported, peak RSS ${w.rss.toFixed(0)} MB, load ${load()}`,
            },
            {
              scenario: SCENARIO,
              metric: tag('whole ÷ slowest stage, CLI'),
              value: (whole / slowest) * 100,
              unit: '%',
              target: '≥ 80',
              note: `whole CPU: CLI ${w.cpu.cli.toFixed(1)} s + PostgreSQL ${w.cpu.postgres.toFixed(1)} s`,
            },
            ceilingRow(tag('ceiling of whole ÷ slowest on this machine, CLI'), f.rows / slowest, w.cpu),
          );
          (detail[f.key] as Record<string, unknown>).cli = w;
        }
      } else if (parts().has('cli')) {
        log(tag(`whole, CLI, load ${load()}`));
        const w = await wholeCli(ctx, f, dataDir);
        rows.push({
          scenario: SCENARIO,
          metric: tag('whole import, CLI'),
          value: rate(f.rows, w.seconds),
          unit: 'rows/s',
          note: `${w.seconds.toFixed(1)} s, peak RSS ${w.rss.toFixed(0)} MB, load ${load()}`,
        });
      }
    }
    if (parts().has('web')) {
      const server = await startServer(ctx, dataDir, port);
      try {
        for (const f of formats) {
          if (!f.web) continue;
          log(`${f.label}: whole, web wizard (${f.web.rows.toLocaleString()} rows), load ${load()}`);
          const w = await wholeWeb(ctx, server, f.web.file, f.web.invalid);
          rows.push({
            scenario: SCENARIO,
            metric: `${f.label}: whole import, web wizard (${f.web.rows.toLocaleString()} rows, ≤ 50 MB)`,
            value: rate(f.web.rows, w.seconds),
            unit: 'rows/s',
            note: `${w.seconds.toFixed(1)} s (upload ${w.uploaded.toFixed(1)} s), server peak RSS ${w.rss.toFixed(0)} MB, load ${load()}`,
          });
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
  return { rows, detail };
}

function statSafe(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}

/** Invalid rows among the first `rows` data rows (the faults rotate as in import-files.ts). */
function expectedInvalidIn(rows: number): number {
  const FAULTS = 6;
  let invalid = 0;
  for (let k = 5000; k <= rows; k += 5000) invalid += (k / 5000) % FAULTS === 3 ? 2 : 1;
  return invalid;
}
