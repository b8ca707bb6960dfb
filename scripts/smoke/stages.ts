import type { ApiClient } from '../../tests/helpers/test-app.ts';
import { type AppProcess, healthStatus, sleep } from './app-process.ts';
import { publicIntakeLoad } from './load.ts';
import type { PgCluster } from './pg-cluster.ts';
import { entityCsv, expectStatus, importStatus, login, uploadImport } from './workflows.ts';

type Check = (label: string, fn: () => Promise<unknown>) => Promise<void>;
type Job = { id: number; kind: string; status: string; attempts: number };

const entityTotal = async (admin: ApiClient) =>
  expectStatus(await admin.get<{ total: number }>('/api/v1/entities?limit=1'), 200, 'entities').total;

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const v = await probe().catch(() => undefined);
    if (v !== undefined) return v;
    await sleep(250);
  }
  throw new Error(`${what}: not within ${timeoutMs / 1000} s`);
}

/** kill -9 while an import job writes: after a restart the job ends within its attempts and nothing is partial. */
export async function killDuringImport(
  check: Check,
  opts: { app: AppProcess; restart: () => Promise<AppProcess> },
): Promise<AppProcess> {
  let app = opts.app;
  const rows = 30_000;
  await check(`导入 ${rows.toLocaleString()} 行时 kill -9，重启后任务结束且无半截数据`, async () => {
    let admin = await login(app.baseUrl, 'admin');
    const before = await entityTotal(admin);
    const jobId = await uploadImport(admin, entityCsv(rows, 'KL'), 'kill9.csv');
    await waitFor('import running', 60_000, async () => {
      const s = await importStatus(admin, jobId);
      if (s.status === 'succeeded' || s.status === 'failed')
        throw new Error(`import ended before the kill: ${s.status}`);
      return s.status === 'running' ? s : undefined;
    });
    await app.kill9();
    app = await opts.restart();
    admin = await login(app.baseUrl, 'admin');
    const job = await waitFor('the killed job to end', 120_000, async () => {
      const j = expectStatus(await admin.get<Job>(`/api/v1/jobs/${jobId}`), 200, 'job');
      return j.status === 'succeeded' || j.status === 'failed' ? j : undefined;
    });
    if (job.attempts > 1) throw new Error(`the job ran ${job.attempts} times (max_attempts 1)`);
    const after = await entityTotal(admin);
    const expected = job.status === 'succeeded' ? before + rows : before;
    if (after !== expected) throw new Error(`${after - before} entities added, job ${job.status}`);
    return `任务 ${job.status}，尝试 ${job.attempts} 次，新增 ${after - before} 户`;
  });
  return app;
}

/** PostgreSQL restarts in the middle of a public-intake load: the app recovers by itself and loses nothing. */
export async function pgRestartUnderLoad(check: Check, opts: { app: AppProcess; cluster: PgCluster }): Promise<void> {
  await check('公众投诉负载中重启 PostgreSQL：应用自行恢复，已确认的提交全部在库', async () => {
    const load = publicIntakeLoad([opts.app.baseUrl], 16);
    await sleep(3_000);
    const beforeRestart = load.acknowledged.length;
    const restartedAt = Date.now();
    await opts.cluster.restart();
    const restartSeconds = (Date.now() - restartedAt) / 1000;
    const recovered = await waitFor('health 200 after the restart', 30_000, async () =>
      (await healthStatus(opts.app.baseUrl, 2_000)) === 200 ? true : undefined,
    );
    const ackAtRecovery = load.acknowledged.length;
    await waitFor('new submissions acknowledged after the restart', 30_000, async () =>
      load.acknowledged.length > ackAtRecovery + 10 ? true : undefined,
    );
    const recoverySeconds = (Date.now() - restartedAt) / 1000;
    await load.stop();
    if (!recovered || beforeRestart === 0) throw new Error('no load before the restart');
    const codes = load.acknowledged;
    const [found] = await opts.cluster.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM complaints WHERE tracking_code = ANY($1)',
      [codes],
    );
    if (found!.n !== codes.length) throw new Error(`${codes.length - found!.n} acknowledged submissions are missing`);
    const failures = [...load.failures].map(([k, v]) => `${k}×${v}`).join(' ') || '无';
    return (
      `${codes.length} 条已确认全部在库；重启 ${restartSeconds.toFixed(1)} 秒，` +
      `从重启开始到恢复 ${recoverySeconds.toFixed(1)} 秒；失败应答 ${failures}`
    );
  });
  if (opts.app.output().match(/Unhandled|uncaught/i)) throw new Error('the app logged an unhandled error');
}

/** Two app processes on one database: shared sessions, each job once, a chain that verifies. */
export async function twoProcesses(
  check: Check,
  opts: { a: AppProcess; cluster: PgCluster; start: () => Promise<AppProcess> },
): Promise<void> {
  let b: AppProcess | undefined;
  try {
    await check('第二个应用进程启动（同一数据库）', async () => {
      b = await opts.start();
    });
    if (!b) return;
    const a = opts.a;
    const bothUp = new Date().toISOString();
    await check('在 A 登录的会话在 B 上有效', async () => {
      const admin = await login(a.baseUrl, 'admin');
      const me = await fetch(`${b!.baseUrl}/api/v1/auth/me`, { headers: { cookie: admin.cookie } });
      if (me.status !== 200) throw new Error(`B answered ${me.status} for A's session`);
    });
    await check('两个进程同时处理导入任务：每个任务只运行一次', async () => {
      const clients = [await login(a.baseUrl, 'admin'), await login(b!.baseUrl, 'admin')];
      const before = await entityTotal(clients[0]!);
      const jobIds: number[] = [];
      for (let i = 0; i < 6; i++)
        jobIds.push(await uploadImport(clients[i % 2]!, entityCsv(200, `P${i}`), `two-${i}.csv`));
      const jobs = await waitFor('all imports done', 120_000, async () => {
        const all = await Promise.all(
          jobIds.map(async (id) => expectStatus(await clients[0]!.get<Job>(`/api/v1/jobs/${id}`), 200, 'job')),
        );
        return all.every((j) => j.status === 'succeeded' || j.status === 'failed') ? all : undefined;
      });
      const bad = jobs.filter((j) => j.status !== 'succeeded' || j.attempts !== 1);
      if (bad.length) throw new Error(`jobs not run exactly once: ${JSON.stringify(bad)}`);
      const added = (await entityTotal(clients[0]!)) - before;
      if (added !== 6 * 200) throw new Error(`${added} entities added, want 1200`);
      const scheduled = await opts.cluster.query<{ kind: string; n: number }>(
        `SELECT kind, count(*)::int AS n FROM jobs j JOIN job_schedules s USING (kind)
          WHERE j.created_at >= $1 AND s.interval_seconds >= 600 GROUP BY kind HAVING count(*) > 1`,
        [bothUp],
      );
      if (scheduled.length) throw new Error(`scheduled jobs enqueued twice: ${JSON.stringify(scheduled)}`);
    });
    await check('两个进程并发写入后审计哈希链完整', async () => {
      const load = publicIntakeLoad([a.baseUrl, b!.baseUrl], 8);
      await sleep(4_000);
      await load.stop();
      const admin = await login(b!.baseUrl, 'admin');
      const verify = expectStatus(
        await admin.get<{ ok: boolean; checked: number }>('/api/v1/audit/verify'),
        200,
        'verify',
      );
      if (!verify.ok) throw new Error(`audit chain broken: ${JSON.stringify(verify)}`);
      return `${load.acknowledged.length} 条并发提交，校验 ${verify.checked} 条`;
    });
  } finally {
    await b?.stop().catch(() => {});
  }
}
