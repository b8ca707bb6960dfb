// The real-use stage: starts the app the way a user does (`npm start`), on the embedded database and on a
// PostgreSQL server, and uses it over HTTP with idle pauses, restarts, a kill -9 and two app processes.
// Run: npm run smoke   (SMOKE_IDLE_SECONDS to change the pause; SMOKE_SKIP_POSTGRES=1 for PGlite only)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latestClosedReportYear } from '../../src/domain/credit-rules.ts';
import { shanghaiToday } from '../../src/domain/deadlines.ts';
import { type AppProcess, sleep, startApp } from './app-process.ts';
import { createPgCluster } from './pg-cluster.ts';
import { killDuringImport, pgRestartUnderLoad, twoProcesses } from './stages.ts';
import { complaintWorkflow, creditWorkflow, importWorkflow, spotCheckWorkflow, type Workflow } from './workflows.ts';

/** Longer than every cache on a request path (calendar and routing directory: 10 s). */
const IDLE_SECONDS = Number(process.env.SMOKE_IDLE_SECONDS ?? 12);
const root = mkdtempSync(join(tmpdir(), 'sj-smoke-'));
const logDir = join(process.cwd(), '.tmp', 'smoke');
const baseEnv = {
  LOG_LEVEL: 'warn',
  SECRET_KEY: 'smoke-secret-key-for-personal-data-0123456789',
  AUDIT_KEY: 'smoke-audit-key-kept-outside-the-database-0123',
  PUBLIC_RATE_LIMIT_PER_MINUTE: '1000000',
  JOB_POLL_MS: '200',
};
let failed = 0;

type Check = (label: string, fn: () => Promise<unknown>) => Promise<void>;

/** A stage's checks, printed as they finish with the stage's tag (the two stages run side by side). */
function checker(tag: string): Check {
  return async (label, fn) => {
    const t0 = Date.now();
    try {
      const note = await fn();
      console.log(
        `  ✓ [${tag}] ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)${typeof note === 'string' ? `: ${note}` : ''}`,
      );
    } catch (err) {
      failed++;
      console.log(`  ✗ [${tag}] ${label}: ${(err as Error).message}`);
    }
  };
}

/** Step i of every workflow, an idle pause, step i + 1 … so each step runs after every cache has expired. */
async function runWorkflows(check: Check, workflows: Workflow[]): Promise<void> {
  const rounds = Math.max(...workflows.map((w) => w.steps.length));
  for (let i = 0; i < rounds; i++) {
    if (i > 0) await sleep(IDLE_SECONDS * 1000);
    for (const w of workflows) {
      const step = w.steps[i];
      if (step) await check(`${w.name}：${step.label}${i > 0 ? `（空闲 ${IDLE_SECONDS} 秒后）` : ''}`, step.run);
    }
  }
}

const workflowsFor = (baseUrl: string) => [
  complaintWorkflow(baseUrl),
  creditWorkflow(baseUrl, latestClosedReportYear(shanghaiToday())),
  spotCheckWorkflow(baseUrl),
  importWorkflow(baseUrl),
];

async function entityTotal(baseUrl: string): Promise<number> {
  const { login } = await import('./workflows.ts');
  const admin = await login(baseUrl, 'admin');
  const page = (await admin.get<{ total: number }>('/api/v1/entities?limit=1')).body;
  return page.total;
}

async function pgliteStage(): Promise<void> {
  console.log('== [PGlite] 嵌入式数据库：npm start 两次、各业务流程、导入中 kill -9');
  const check = checker('PGlite');
  const env = { ...baseEnv, DATA_DIR: join(root, 'pglite') };
  const port = 3900;
  let app: AppProcess | undefined;
  let total = 0;
  await check('首次 npm start：载入演示数据并提供服务', async () => {
    app = await startApp({ name: 'pglite-1', port, env, logDir });
    if (!/演示数据载入完成/.test(app.output())) throw new Error('no demo load on a fresh data folder');
    total = await entityTotal(app.baseUrl);
  });
  await check('SIGTERM 后进程有序退出', async () => {
    await app?.stop();
    const out = app?.output() ?? '';
    if (!/正在停止服务/.test(out) || /强制退出/.test(out)) throw new Error(`no orderly stop:\n${out.slice(-1500)}`);
  });
  await check('再次 npm start：同样的数据，不再载入演示数据', async () => {
    app = await startApp({ name: 'pglite-2', port, env, logDir });
    if (/首次启动/.test(app.output())) throw new Error('the second start loaded the demo again');
    const again = await entityTotal(app.baseUrl);
    if (again !== total) throw new Error(`entities ${again}, before the restart ${total}`);
    return `${total.toLocaleString()} 户`;
  });
  await check('同一数据目录上的第二个 npm start 被拒绝，数据不受影响', async () => {
    const second = startApp({
      name: 'pglite-twice',
      port: port + 1,
      env: { ...env, SHUTDOWN_TIMEOUT_MS: '500' },
      logDir,
    });
    const refused = await second.then(
      async (extra) => {
        await extra.stop();
        return '';
      },
      (err: Error) => err.message,
    );
    if (!/正由进程 \d+ 使用/.test(refused))
      throw new Error(`a second process opened the embedded database: ${refused}`);
    if ((await entityTotal(app!.baseUrl)) !== total) throw new Error('the first process lost data');
  });
  await runWorkflows(check, workflowsFor(app!.baseUrl));
  await killDuringImport(check, { app: app!, restart: () => startApp({ name: 'pglite-3', port, env, logDir }) }).then(
    (next) => {
      app = next;
    },
  );
  await app?.stop().catch(() => {});
}

async function postgresStage(): Promise<void> {
  console.log('== [PG] PostgreSQL 服务器：各业务流程、负载中重启数据库、两个应用进程');
  const check = checker('PG');
  const cluster = createPgCluster(55432);
  const env = { ...baseEnv, DATA_DIR: join(root, 'pg-app'), DATABASE_URL: cluster.url };
  let a: AppProcess | undefined;
  try {
    await check('npm start -- --demo：在 PostgreSQL 上载入演示数据', async () => {
      a = await startApp({ name: 'pg-a', port: 3910, env, args: ['--demo'], logDir });
    });
    if (!a) return;
    await runWorkflows(check, workflowsFor(a.baseUrl));
    await pgRestartUnderLoad(check, { app: a, cluster });
    await twoProcesses(check, { a, cluster, start: () => startApp({ name: 'pg-b', port: 3911, env, logDir }) });
  } finally {
    await a?.stop().catch(() => {});
    cluster.destroy();
  }
}

const t0 = Date.now();
try {
  // Side by side: most of each stage is idle pauses and restarts (different ports, data folders and clusters).
  await Promise.all([pgliteStage(), process.env.SMOKE_SKIP_POSTGRES === '1' ? undefined : postgresStage()]);
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(
  `\n冒烟测试${failed ? `失败 ${failed} 项` : '全部通过'}，用时 ${Math.round((Date.now() - t0) / 1000)} 秒；日志在 ${logDir}`,
);
process.exit(failed ? 1 : 0);
