import { type ChildProcess, spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { loginCookie } from './http-login.ts';
import type { ResultRow } from './report.ts';
import type { ScenarioContext } from './scenario.ts';
import { summarise } from './timing.ts';

const PORT = Number(process.env.BENCH_PORT ?? 3105);
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const CLIENTS = 4;

/**
 * Each role's home page calls (web/src/pages/home: homeCards decides the cards from the permissions): the inbox and
 * the bell for everyone; the district figures for admin and leader; the station's figures and team workload for a
 * chief; the drawn visits for an inspector; this month by kind for the 12315 desk; the system card for the admin.
 * Plus the header search (issue 12 point 3) as the admin and the chief.
 */
function homeCalls(
  month: string,
  trackingCode: string,
): { role: string; username: string; calls: [string, string][] }[] {
  const common: [string, string][] = [
    ['inbox', '/api/v1/inbox?limit=10'],
    ['notifications count', '/api/v1/notifications/unread-count'],
  ];
  const figures = (by: string): [string, string] => [
    `figures by ${by}`,
    `/api/v1/complaints/analysis?from=${month}&to=${month}&by=${by}`,
  ];
  const search = (q: string, label: string): [string, string] => [
    `search ${label}`,
    `/api/v1/search?q=${encodeURIComponent(q)}`,
  ];
  const searches = [
    search('餐饮', '餐饮 (common)'),
    search('恒泰', '恒泰 (rare)'),
    search(trackingCode, 'tracking code'),
  ];
  return [
    {
      role: 'admin',
      username: 'admin',
      calls: [...common, ['admin health', '/api/v1/system/summary'], figures('station'), ...searches],
    },
    { role: 'leader', username: 'leader', calls: [...common, figures('station')] },
    {
      role: 'station chief',
      username: 's03.chief',
      calls: [...common, ['team workload', '/api/v1/inbox/team?limit=30'], figures('station'), ...searches],
    },
    {
      role: 'inspector',
      username: 's03.inspector',
      calls: [...common, ['my visits', '/api/v1/spot-checks/visits?mine=true&status=assigned&limit=10']],
    },
    { role: '12315 handler', username: 'hotline', calls: [...common, figures('kind')] },
  ];
}

async function startServer(ctx: ScenarioContext): Promise<ChildProcess> {
  const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${process.env.BENCH_DATABASE_NAME ?? 'shijian_bench'}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve'], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      DATA_DIR: `/tmp/bench-home-data-${PORT}`,
      SECRET_KEY: ctx.secret,
      LOG_LEVEL: 'warn',
      // Request latency alone: the job runner's sweeps are measured by their own scenarios.
      WORKERS: 'false',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('bench: server did not start in 120 s')), 120_000);
    child.stdout!.on('data', (b: Buffer) => {
      if (b.toString().includes('Shijian 已启动')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`bench: server exited with ${code}`)));
  });
  child.stdout!.resume();
  return child;
}

async function call(cookie: string, path: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(`http://127.0.0.1:${PORT}${path}`, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`bench: GET ${path} answered ${res.status}: ${body.slice(0, 300)}`);
  return ms;
}

/** `runs` calls per client, `clients` clients at once (each its own session), after 3 warm-up calls each. */
async function measure(cookies: string[], clients: number, runs: number, fn: (cookie: string) => Promise<number>) {
  await Promise.all(
    cookies.slice(0, clients).map(async (c) => {
      for (let i = 0; i < 3; i++) await fn(c);
    }),
  );
  const samples: number[] = [];
  await Promise.all(
    cookies.slice(0, clients).map(async (c) => {
      for (let i = 0; i < runs; i++) samples.push(await fn(c));
    }),
  );
  return summarise(samples);
}

const load1 = () => loadavg()[0]!.toFixed(1);

/** p50/p95 of every role's home calls, one at a time and four clients at once, and of the whole page's calls. */
export async function measureHome(
  ctx: ScenarioContext,
): Promise<{ rows: ResultRow[]; detail: Record<string, unknown> }> {
  const { db, log } = ctx;
  const [month] = await db.query<{ m: string }>(`SELECT to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') AS m`);
  const [code] = await db.query<{ code: string }>(
    'SELECT tracking_code AS code FROM complaints WHERE station_id = (SELECT id FROM org_units WHERE code = $1) ORDER BY id DESC LIMIT 1',
    ['s03'],
  );
  const server = await startServer(ctx);
  const rows: ResultRow[] = [];
  const detail: Record<string, unknown>[] = [];
  try {
    for (const { role, username, calls } of homeCalls(month!.m, code?.code ?? 'TS20260101000000')) {
      const cookies = await Promise.all(
        Array.from({ length: CLIENTS }, () => loginCookie(`http://127.0.0.1:${PORT}`, username)),
      );
      const page = (c: string) =>
        (async () => {
          const t0 = performance.now();
          await Promise.all(calls.filter(([n]) => !n.startsWith('search')).map(([, p]) => call(c, p)));
          return performance.now() - t0;
        })();
      for (const [name, path, fn] of [
        ...calls.map(([n, p]) => [n, p, (c: string) => call(c, p)] as const),
        ['whole home page (its calls in parallel)', '', page] as const,
      ]) {
        for (const clients of [1, CLIENTS]) {
          const s = await measure(cookies, clients, clients === 1 ? RUNS : Math.ceil(RUNS / 2), fn);
          const load = load1();
          const target = name.startsWith('search') ? '≤ 50' : '≤ 100';
          detail.push({ role, name, path, clients, ...s, load });
          log(`  ${role} ${name} ×${clients}: p50 ${s.p50.toFixed(1)} ms, p95 ${s.p95.toFixed(1)} ms (load ${load})`);
          rows.push({
            scenario: 'home',
            metric: `${role}: ${name}, ${clients === 1 ? '1 client' : `${clients} clients`} p95`,
            value: s.p95,
            unit: 'ms',
            target,
            note: `p50 ${s.p50.toFixed(1)}, load ${load}`,
          });
        }
      }
    }
  } finally {
    server.kill('SIGTERM');
  }
  return { rows, detail: { calls: detail } };
}
