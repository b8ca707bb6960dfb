import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { loadBaseline } from '../db/seed/baseline.ts';
import { isDatabaseEmpty, loadDemo } from '../db/seed/demo.ts';
import { DEMO_PASSWORD, demoUsers } from '../db/seed/demo-org.ts';
import { upsertSchedule } from '../modules/jobs/repo.ts';
import { buildApp } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';

const webDist = join(dirname(fileURLToPath(import.meta.url)), '../../web/dist');

export async function serve(args: string[]): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  console.log(`数据库：${db.kind === 'pglite' ? `嵌入式 PGlite（${config.DATA_DIR}）` : 'PostgreSQL 服务器'}`);
  await migrate(db, (m) => console.log(`  ${m}`));

  // The embedded database is the demo install; a real server gets demo data only when asked.
  const wantDemo = args.includes('--demo') || (db.kind === 'pglite' && !args.includes('--no-demo'));
  if (await isDatabaseEmpty(db)) {
    if (wantDemo) {
      console.log('首次启动，正在载入演示数据……');
      await loadDemo(db, (step, done, total) => console.log(`  [${done}/${total}] ${step}`));
      console.log(`演示账号（密码均为 ${DEMO_PASSWORD}）：${demoUsers.map((u) => u.username).join(', ')}`);
    } else {
      const { password } = await loadBaseline(db);
      console.log(`首次启动：已创建管理员 admin，初始密码 ${password}（只显示这一次，请登录后修改）`);
    }
  }

  await upsertSchedule(db, { name: 'sessions.cleanup', kind: 'sessions.cleanup', intervalSeconds: 600 });
  await upsertSchedule(db, { name: 'complaints.escalate', kind: 'complaints.escalate', intervalSeconds: 3600 });
  await upsertSchedule(db, { name: 'complaints.rollup', kind: 'complaints.rollup', intervalSeconds: 600 });
  await upsertSchedule(db, { name: 'complaints.detect', kind: 'complaints.detect', intervalSeconds: 86_400 });
  const { server, services } = await buildApp({ config, db, webDist });
  if (config.WORKERS) services.jobRunner.start();
  await server.listen({ port: config.PORT, host: config.HOST });
  console.log(`Shijian 已启动：http://localhost:${config.PORT}  （接口文档 /api/docs）`);

  const shutdown = async () => {
    await services.jobRunner.stop();
    await server.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}
