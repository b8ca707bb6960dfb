import { parseArgs } from 'node:util';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { isDatabaseEmpty, loadDemo } from '../demo/demo.ts';
import { DEMO_ENTITY_COUNT, MAX_DEMO_ENTITIES } from '../demo/demo-entities.ts';
import { loadDemoEntities } from '../demo/demo-entities-load.ts';
import { anyEntity } from '../modules/entities/repo.ts';
import { listActiveStations } from '../modules/org/repo.ts';
import { createPiiCipher, resolveSecret } from '../platform/pii.ts';
import { loadConfig } from '../server/config.ts';

export const seedUsage = `用法: shijian seed [--entities N] [--seed S]
  空数据库：载入演示组织机构、账号和 N 个市场主体（默认 ${DEMO_ENTITY_COUNT}）
  已有组织机构但无市场主体：只载入市场主体，按各市场监管所的辖区分配
  --seed S   随机种子（默认 1）：同一种子在任何机器上生成相同的数据`;

function parseSeedArgs(args: string[]): { entities: number; seed: number } {
  const { values } = parseArgs({
    args,
    options: { entities: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) throw new SeedUsageError(seedUsage);
  const entities = Number(values.entities ?? DEMO_ENTITY_COUNT);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(entities) || entities < 0 || entities > MAX_DEMO_ENTITIES) {
    throw new SeedUsageError(`--entities 应为 0–${MAX_DEMO_ENTITIES} 的整数`);
  }
  if (!Number.isInteger(seed)) throw new SeedUsageError('--seed 应为整数');
  return { entities, seed };
}

export class SeedUsageError extends Error {}

/** Progress on one line that rewrites itself, with the rate so far. */
function progressPrinter() {
  const started = performance.now();
  return (step: string, done: number, total: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const line = `  ${step} ${done.toLocaleString()}/${total.toLocaleString()}${step === '市场主体' ? `（${rate.toLocaleString()} 行/秒）` : ''}`;
    process.stdout.write(process.stdout.isTTY ? `\r${line}` : `${line}\n`);
    if (done === total && process.stdout.isTTY) process.stdout.write('\n');
  };
}

/** `shijian seed --entities N`: the demo district, or only its register when the organisation already exists. */
export async function seedCommand(args: string[]): Promise<void> {
  try {
    await seed(parseSeedArgs(args));
  } catch (err) {
    if (!(err instanceof SeedUsageError)) throw err;
    console.error(err.message);
    process.exitCode = 2;
  }
}

async function seed({ entities, seed }: { entities: number; seed: number }): Promise<void> {
  const config = loadConfig();
  const db = await openDatabase(config);
  try {
    await migrate(db, (m) => console.log(`  ${m}`));
    const pii = createPiiCipher(resolveSecret(config));
    const progress = progressPrinter();
    const started = performance.now();
    if (await isDatabaseEmpty(db)) {
      const result = await loadDemo(db, progress, { entities, seed, pii });
      console.log(`已载入演示组织机构和账号：${result.users.join(', ')}`);
    } else {
      if (await anyEntity(db)) throw new SeedUsageError('数据库中已有市场主体；演示数据只载入空的主体库');
      const stations = await listActiveStations(db);
      await loadDemoEntities(db, {
        entities,
        seed,
        pii,
        stations,
        progress: (done, total) => progress('市场主体', done, total),
      });
    }
    const seconds = (performance.now() - started) / 1000;
    console.log(`完成：${entities.toLocaleString()} 个市场主体，用时 ${seconds.toFixed(1)} 秒`);
  } finally {
    await db.close();
  }
}
