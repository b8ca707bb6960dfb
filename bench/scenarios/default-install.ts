import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { shanghaiToday } from '../../src/domain/shanghai-date.ts';
import { menuPages, type PageCall, pageCalls } from '../lib/default-install-pages.ts';
import { loginCookie } from '../lib/http-login.ts';
import type { ResultRow } from '../lib/report.ts';
import type { Scenario } from '../lib/scenario.ts';
import { summarise } from '../lib/timing.ts';

const PORT = Number(process.env.BENCH_PORT ?? 3131);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
/**
 * `start` (default): `node scripts/start.mjs --demo` (= `npm start`), on dist/ built beforehand by `npm run build`
 * (timed apart; BENCH_SKIP_BUILD=1 keeps the dist/ there is); `tsx`: `node --import tsx src/cli/main.ts serve --demo`.
 */
const HOW = process.env.BENCH_START ?? 'start';
/**
 * BENCH_QUICK=1: the two starts, then only the pages whose calls were over 80 ms p95 in a run of 2026-12-04 (quiet or
 * loaded), so the whole scenario takes ≈ 5 minutes on a quiet machine.
 */
const QUICK = process.env.BENCH_QUICK === '1';
const QUICK_PAGES = [
  '/',
  '/credit',
  '/reports/work',
  '/equipment/map',
  '/equipment/registry',
  '/equipment/due',
  '/entities',
  '/cases/stats',
  '/food/kitchen/enrollments',
  '/food/plan',
  '/food/sampling/pass-rates',
  '/drugs/attendance',
  '/drugs/sales',
];
/** An already running server to measure (skips the starts): e.g. http://127.0.0.1:3131. */
const EXISTING = process.env.BENCH_URL;
/** Measure only these pages (comma-separated menu paths). */
const ONLY = process.env.BENCH_PAGES?.split(',') ?? (QUICK ? QUICK_PAGES : undefined);
const ROLES = (process.env.BENCH_ROLES ?? 'admin,s01.chief,s01.inspector,leader,hotline').split(',');
const base = () => EXISTING ?? `http://127.0.0.1:${PORT}`;

/** A process's CPU time (user + system, all its threads) in seconds, from /proc (Linux); NaN elsewhere. */
function cpuSeconds(pid: number | undefined): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds of this process's waited-for children (a spawnSync'd build). */
function childrenCpuSeconds(): number {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

interface Started {
  child: ChildProcess;
  /** Spawn → /api/v1/health answers 200. */
  healthMs: number;
  /** The server's CPU seconds until then. */
  cpu: number;
  output: string[];
}

/** Starts the server the way a user does on `dataDir` and times it until /api/v1/health answers. */
async function start(dataDir: string, log: (m: string) => void): Promise<Started> {
  const args =
    HOW === 'start' ? ['scripts/start.mjs', '--demo'] : ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--demo'];
  const t0 = performance.now();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(PORT),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // The job runner's sweeps share PGlite's one connection: they run in a user's install, but here each request's
    // own latency is measured (BENCH_WORKERS=true to measure with them).
    WORKERS: process.env.BENCH_WORKERS ?? 'false',
  };
  // The default install: the embedded database, whatever the caller's shell says.
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, args, {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  // Each line with the seconds since spawn when it arrived: where the first start's time goes.
  const keep = (b: Buffer) => {
    const at = ((performance.now() - t0) / 1000).toFixed(1).padStart(5);
    for (const line of b.toString().split('\n')) if (line.trim()) output.push(`${at} s  ${line.slice(0, 120)}`);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exited: number | null | undefined;
  child.once('exit', (code) => {
    exited = code;
  });
  for (;;) {
    if (exited !== undefined) throw new Error(`bench: server exited with ${exited}:\n${output.slice(-20).join('\n')}`);
    if (performance.now() - t0 > 600_000) throw new Error('bench: server did not answer /api/v1/health in 600 s');
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/api/v1/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const healthMs = performance.now() - t0;
  const cpu = cpuSeconds(child.pid);
  log(`  health answered after ${(healthMs / 1000).toFixed(1)} s (server CPU ${cpu.toFixed(1)} s)`);
  return { child, healthMs, cpu, output };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const done = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await done;
}

async function get(cookie: string, path: string): Promise<{ ms: number; status: number; body: string }> {
  const t0 = performance.now();
  const res = await fetch(`${base()}${path}`, { headers: { cookie } });
  const body = await res.text();
  return { ms: performance.now() - t0, status: res.status, body };
}

const load1 = () => loadavg()[0]!.toFixed(1);

/** What the starts printed that says where the time went (the demo load's steps with their own seconds). */
function startSteps(output: string[]): string[] {
  return output.filter((l) => !l.includes('{"level"'));
}

/**
 * Issue 15 point 3: the default install (PGlite, the demo district of 51.6 k entities). (a) The first start on an
 * empty DATA_DIR until /api/v1/health answers, then a second start on the same data. (b) As admin, a station chief,
 * an inspector, the leader and the 12315 desk: every sidebar page's API calls (bench/lib/default-install-pages.ts),
 * BENCH_RUNS (20) one at a time after two warm-up calls; p50/p95 per call and role; target p95 ≤ 100 ms.
 * A page the role may not open (403) is skipped. BENCH_URL measures a running server instead (no starts).
 */
export const defaultInstallScenario: Scenario = async (ctx) => {
  if (ctx.kind !== 'pglite') throw new Error('scenario default-install: --db pglite (the default install)');
  const { log } = ctx;
  const rows: ResultRow[] = [];
  const detail: Record<string, unknown> = {};
  const menu = menuPages();
  const today = shanghaiToday();
  const calls = pageCalls({
    today,
    month: today.slice(0, 7),
    lastMonth: new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7),
    year: Number(today.slice(0, 4)),
    monthAgo: new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10),
    stationId: 0,
  });
  const missing = menu.filter((p) => !(p in calls));
  if (missing.length) throw new Error(`bench: sidebar pages without calls in default-install-pages.ts: ${missing}`);
  log(`${menu.length} sidebar pages, ${menu.reduce((n, p) => n + calls[p]!.length, 0)} calls`);

  let server: ChildProcess | undefined;
  const dataDir = join(process.cwd(), '.tmp', 'bench', `default-install-${process.pid}`);
  try {
    if (!EXISTING && HOW === 'start' && process.env.BENCH_SKIP_BUILD !== '1') {
      // `npm run build` first, as a user who runs `npm start` has (start.mjs would build inside the timed start).
      const load = load1();
      const [t0, c0] = [performance.now(), childrenCpuSeconds()];
      const r = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
      if (r.status !== 0) throw new Error(`bench: npm run build failed (${r.status})`);
      const [s, cpu] = [(performance.now() - t0) / 1000, childrenCpuSeconds() - c0];
      log(`npm run build: ${s.toFixed(1)} s (CPU ${cpu.toFixed(1)} s, load ${load})`);
      rows.push({
        scenario: 'default-install',
        metric: 'npm run build (before the starts)',
        value: s,
        unit: 's',
        note: `CPU ${cpu.toFixed(1)} s, load ${load}`,
      });
    }
    if (!EXISTING) {
      rmSync(dataDir, { recursive: true, force: true });
      mkdirSync(dataDir, { recursive: true });
      for (const which of ['first', 'second'] as const) {
        log(`${which} start (${HOW}) on ${dataDir}`);
        const load = load1();
        const s = await start(dataDir, log);
        rows.push({
          scenario: 'default-install',
          metric: `${which} start until /api/v1/health answers`,
          value: s.healthMs / 1000,
          unit: 's',
          target: which === 'first' ? '≤ 30' : undefined,
          note: `${HOW}, server CPU ${s.cpu.toFixed(1)} s, load ${load} → ${load1()}`,
        });
        const steps = startSteps(s.output);
        detail[`${which} start`] = { seconds: s.healthMs / 1000, cpu: s.cpu, load, loadAfter: load1(), steps };
        // The first and last migration, the demo's steps and the listen: the timeline in the log.
        for (const l of steps.filter(
          (l, i, all) => !l.includes('执行迁移') || i === 0 || !all[i - 1]!.includes('执行迁移'),
        ))
          log(`    ${l}`);
        if (which === 'first') await stop(s.child);
        else server = s.child;
      }
    }
    const samples: Record<string, unknown>[] = [];
    for (const username of ROLES) {
      const cookie = await loginCookie(base(), username);
      // The caller's own station for a station filter: the first unit the station list shows them.
      const units = JSON.parse((await get(cookie, '/api/v1/org/units')).body) as { id: number; kind: string }[];
      const stationId = (Array.isArray(units) ? units : []).find((u) => u.kind === 'station')?.id ?? 1;
      const mine = pageCalls({
        today,
        month: today.slice(0, 7),
        lastMonth: new Date(Date.parse(`${today.slice(0, 7)}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7),
        year: Number(today.slice(0, 4)),
        monthAgo: new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10),
        stationId,
      });
      for (const page of menu) {
        if (ONLY && !ONLY.includes(page)) continue;
        for (const c of mine[page] as PageCall[]) {
          const warm = await get(cookie, c.path);
          if (warm.status === 403) continue;
          if (warm.status !== 200) {
            // A wrong path here is the bench's bug: say so and measure the rest.
            log(`  ERROR ${username} GET ${c.path} answered ${warm.status}: ${warm.body.slice(0, 200)}`);
            samples.push({ role: username, page, call: c.label, path: c.path, error: warm.status });
            continue;
          }
          await get(cookie, c.path);
          const ms: number[] = [];
          const serverPid = server?.pid ?? (Number(process.env.BENCH_SERVER_PID) || undefined);
          const cpu0 = cpuSeconds(serverPid);
          for (let i = 0; i < RUNS; i++) ms.push((await get(cookie, c.path)).ms);
          // The server's CPU per call (10 ms ticks, averaged over the runs): fairer than wall time on a busy machine.
          const cpuMs = ((cpuSeconds(serverPid) - cpu0) / RUNS) * 1000;
          const s = summarise(ms);
          const load = load1();
          const over = s.p95 > 100;
          samples.push({ role: username, page, call: c.label, path: c.path, ...s, cpuMs, load });
          log(
            `  ${username.padEnd(14)} ${page} ${c.label}: p50 ${s.p50.toFixed(1)} p95 ${s.p95.toFixed(1)} ms` +
              `, server CPU ${Number.isNaN(cpuMs) ? '?' : cpuMs.toFixed(0)} ms/call${over ? '  OVER 100' : ''} (load ${load})`,
          );
          rows.push({
            scenario: 'default-install',
            metric: `${username}: ${page} ${c.label} p95`,
            value: s.p95,
            unit: 'ms',
            target: '≤ 100',
            note: `p50 ${s.p50.toFixed(1)}, CPU ${cpuMs.toFixed(0)} ms/call, ${c.path}, load ${load}`,
          });
        }
      }
    }
    detail.calls = samples;
    const over = samples.filter((s) => (s.p95 as number) > 100);
    log(`${samples.length} calls measured, ${over.length} over 100 ms p95`);
    for (const o of over) log(`  OVER: ${o.role} ${o.page} ${o.call} p95 ${(o.p95 as number).toFixed(0)} ms ${o.path}`);
  } finally {
    if (server) await stop(server);
    if (!EXISTING && !process.env.BENCH_KEEP_DATA) rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows, detail };
};
