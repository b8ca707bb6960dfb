import { parseArgs } from 'node:util';
import { openDatabase } from '../db/open.ts';
import { RollupError } from '../modules/rollup/errors.ts';
import { checkRollup } from '../modules/rollup/services/boot-check.ts';
import { publishCity } from '../modules/rollup/services/publish.ts';
import { subscribeCity, unsubscribeCity } from '../modules/rollup/services/subscribe.ts';
import { loadConfig } from '../server/config.ts';

const usage = `用法: shijian rollup <子命令>   省级汇总（PostgreSQL 逻辑复制；数据库由 DATABASE_URL 指定）
  publish                                   在城市执行：检查数据库版本，创建或刷新发布 shijian_rollup（不含个人信息列）
  subscribe --city 代码 --url 城市数据库地址 [--name 名称] [--no-wait]
                                            在省级执行：订阅该城市，建立副本库与 rollup.* 视图（city_code 区分城市）
  unsubscribe --city 代码                   在省级执行：停止订阅并删除该城市的副本库
  status                                    在省级执行：列出已订阅的城市及其数据库版本是否一致`;

const SYNC_WAIT_MS = 10 * 60_000;

function databaseUrl(): string {
  const url = loadConfig().DATABASE_URL;
  if (!url) throw new RollupError('省级汇总需要 PostgreSQL：请设置 DATABASE_URL（嵌入式 PGlite 不支持逻辑复制）');
  return url;
}

async function publish(): Promise<number> {
  const db = await openDatabase(loadConfig());
  try {
    const r = await publishCity(db);
    console.log(`已发布 ${r.publication}：${r.tables} 张表、${r.columns} 列（个人信息列不发布）`);
    if (r.unclassified.length) {
      console.log(`注意：以下列未在 src/modules/rollup/published.ts 中归类，不会发布：${r.unclassified.join('、')}`);
    }
    return 0;
  } finally {
    await db.close();
  }
}

async function subscribe(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      city: { type: 'string' },
      url: { type: 'string' },
      name: { type: 'string' },
      'no-wait': { type: 'boolean' },
    },
  });
  if (!values.city || !values.url) {
    console.error(usage);
    return 2;
  }
  const r = await subscribeCity({
    provinceUrl: databaseUrl(),
    city: { code: values.city, url: values.url, name: values.name },
    waitMs: values['no-wait'] ? 0 : SYNC_WAIT_MS,
  });
  console.log(
    `${r.created ? '已订阅' : '已刷新订阅'} 城市 ${r.code}：副本库 ${r.replicaDatabase}，订阅 ${r.subscription}` +
      (r.syncSeconds === null ? '（初始复制在后台进行）' : `，初始复制用时 ${r.syncSeconds.toFixed(1)} 秒`),
  );
  return 0;
}

async function unsubscribe(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { city: { type: 'string' } } });
  if (!values.city) {
    console.error(usage);
    return 2;
  }
  await unsubscribeCity(databaseUrl(), values.city);
  console.log(`已取消订阅城市 ${values.city}`);
  return 0;
}

async function status(): Promise<number> {
  const db = await openDatabase(loadConfig());
  try {
    const report = await checkRollup(db);
    if (!report.length) console.log('本库没有订阅任何城市');
    for (const c of report) console.log(`${c.code} ${c.name}：${c.problem ?? '数据库版本一致'}`);
    return report.some((c) => c.problem) ? 1 : 0;
  } finally {
    await db.close();
  }
}

export async function rollupCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  try {
    if (sub === 'publish') return await publish();
    if (sub === 'subscribe') return await subscribe(rest);
    if (sub === 'unsubscribe') return await unsubscribe(rest);
    if (sub === 'status') return await status();
  } catch (err) {
    if (!(err instanceof RollupError)) throw err;
    console.error(err.message);
    return 1;
  }
  console.log(usage);
  return sub ? 2 : 0;
}
