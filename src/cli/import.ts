import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { type TEntityImportMode, ZEntityImportMode } from '../contracts/entity-import.ts';
import type { Db } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { openDatabase } from '../db/open.ts';
import { actorForUser } from '../modules/entities/import/actor.ts';
import { errorReportXlsx } from '../modules/entities/import/error-report.ts';
import { sniffFormat } from '../modules/entities/import/file-type.ts';
import { type ImportOutcome, type ImportProgress, importEntities } from '../modules/entities/import/import-entities.ts';
import { AppError } from '../platform/errors.ts';
import { createPiiCipher, resolveSecret } from '../platform/pii.ts';
import { importLimits, loadConfig } from '../server/config.ts';

const usage = `用法: shijian import entities 文件.xlsx|文件.csv [--mode all|validOnly] [--as 用户名] [--errors 错误报告.xlsx]
  --mode    all（默认）：全部行校验通过才导入；validOnly：仅导入校验通过的行
  --as      以该用户的身份和数据范围导入（默认 admin）
  --errors  把完整错误清单写入该 XLSX 文件`;

const SHOWN_ERRORS = 30;

interface Options {
  file: string;
  mode: TEntityImportMode;
  username: string;
  errorsFile?: string;
}

function parseOptions(args: string[]): Options | string {
  const { values, positionals } = parseArgs({
    args,
    options: { mode: { type: 'string' }, as: { type: 'string' }, errors: { type: 'string' } },
    allowPositionals: true,
  });
  const [target, file] = positionals;
  if (target !== 'entities' || !file) return usage;
  if (!existsSync(file)) return `文件不存在：${file}`;
  const mode = ZEntityImportMode.safeParse(values.mode ?? 'all');
  if (!mode.success) return `--mode 应为 all 或 validOnly\n${usage}`;
  return { file, mode: mode.data, username: values.as ?? 'admin', errorsFile: values.errors };
}

/** Progress on one terminal line when interactive, one line per phase otherwise (logs, CI). */
function progressPrinter() {
  const tty = process.stderr.isTTY;
  let lastPhase = '';
  return (p: ImportProgress) => {
    if (tty) process.stderr.write(`\r\x1b[K${p.message}${p.phase === 'done' ? '\n' : ''}`);
    else if (p.phase !== lastPhase) process.stderr.write(`${p.message}\n`);
    lastPhase = p.phase;
  };
}

function printOutcome(outcome: ImportOutcome, mode: TEntityImportMode): void {
  console.log(
    `共 ${outcome.total} 行：有效 ${outcome.valid} 行，有错误 ${outcome.invalid} 行；已导入 ${outcome.imported} 条。`,
  );
  if (outcome.ignoredColumns.length) console.log(`未识别而忽略的列：${outcome.ignoredColumns.join('、')}`);
  if (outcome.invalid > 0 && mode === 'all') console.log('导入方式为 all：存在错误行，未导入任何数据。');
  for (const e of outcome.errors.slice(0, SHOWN_ERRORS)) {
    console.log(`  第 ${e.row} 行［${e.column}］${e.reason}${e.value ? `（${e.value}）` : ''}`);
  }
  if (outcome.errors.length > SHOWN_ERRORS) console.log(`  ……另有 ${outcome.errors.length - SHOWN_ERRORS} 条错误`);
}

async function fileHead(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(8192), 0, 8192, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

async function run(db: Db, opts: Options): Promise<ImportOutcome> {
  const config = loadConfig();
  await migrate(db);
  const actor = await actorForUser(db, { username: opts.username });
  const format = sniffFormat(await fileHead(opts.file), opts.file);
  const source = {
    filename: basename(opts.file),
    format,
    path: opts.file,
    sizeBytes: (await stat(opts.file)).size,
    open: () => createReadStream(opts.file),
  };
  const pii = createPiiCipher(resolveSecret(config));
  const deps = { db, pii, limits: importLimits(config) };
  return importEntities(deps, { actor, source, mode: opts.mode }, { onProgress: progressPrinter() });
}

/**
 * `shijian import entities FILE`: the same validation and single-transaction insert as the web upload,
 * run in this process. Exit code 1 when any row is invalid or the file cannot be read.
 */
export async function importCommand(args: string[]): Promise<void> {
  const opts = parseOptions(args);
  if (typeof opts === 'string') {
    console.error(opts);
    process.exitCode = 2;
    return;
  }
  const db = await openDatabase(loadConfig());
  try {
    const outcome = await run(db, opts);
    printOutcome(outcome, opts.mode);
    if (opts.errorsFile && outcome.errors.length) {
      await pipeline(errorReportXlsx(outcome.errors), createWriteStream(opts.errorsFile));
      console.log(`完整错误清单已写入 ${opts.errorsFile}`);
    }
    if (outcome.invalid > 0) process.exitCode = 1;
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    console.error(`导入失败：${err.detail}`);
    process.exitCode = 1;
  } finally {
    await db.close();
  }
}
