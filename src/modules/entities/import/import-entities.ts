import type { TEntityImportError, TEntityImportMode } from '../../../contracts/entity-import.ts';
import type { Db, Queryable, Transaction } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { openTransaction } from '../../../db/open-transaction.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { entityCopyLine } from '../copy-repo.ts';
import { withEventKeyDeferred, withIndexesDeferred } from '../repo.ts';
import { toEntityRow } from '../row.ts';
import { ImportCollector } from './collect.ts';
import { beginDirectLoad, DirectWriter, directLoadWanted, finishDirectLoad } from './direct-load-repo.ts';
import { columnLabel, type HeaderMap } from './headers.ts';
import { defaultImportLimits, fileError, type ImportLimits } from './limits.ts';
import type { ImportSource } from './read-rows.ts';
import { checkRowsInWorker } from './read-rows-worker.ts';
import { listOrgUnitRefs } from './repo.ts';
import { StageWriter, stageBatchFor } from './stage-writer.ts';
import { createStage, dropStage, insertStagedEntities, type Stage } from './staging-repo.ts';
import type { OrgUnitRef } from './stations.ts';

export interface ImportDeps {
  db: Db;
  pii: PiiCipher;
  /** Bounds on the file (size when unzipped, rows, columns, cells, parser memory); the defaults when not given. */
  limits?: ImportLimits;
}

export interface ImportRequest {
  actor: Actor;
  source: ImportSource;
  mode: TEntityImportMode;
  /** The background job, when run as one; named in the audit row. */
  jobId?: number;
}

export interface ImportProgress {
  phase: 'validating' | 'validated' | 'inserting' | 'done';
  rows: number;
  message: string;
}

export interface ImportHooks {
  /**
   * Called between phases and every 1000 rows; never inside the insert transaction (a direct load keeps it open
   * meanwhile on its own connection: the hook may use the pool, but not read or write the register).
   */
  onProgress?: (p: ImportProgress) => Promise<void> | void;
  /** Runs last inside the insert transaction (tests use it to fail there and check that nothing remains). */
  beforeCommit?: (tx: Transaction) => Promise<void>;
}

export interface ImportOutcome {
  total: number;
  valid: number;
  invalid: number;
  imported: number;
  /** Every error, in row order. */
  errors: TEntityImportError[];
  ignoredColumns: string[];
}

const PROGRESS_EVERY = 1000;

/**
 * The one import path, shared by the API's background job and the CLI: read the file as a stream and validate
 * every row, streaming the valid ones into a staging table as they come (the database loads while the file is
 * still being read); then (mode `all`: only when every row is valid) insert them from there in ONE transaction with
 * their 设立 events and one audit row, so a process that dies half-way leaves nothing in the register. A large load
 * on PostgreSQL writes the register during validation instead, inside that one transaction (direct-load-repo.ts).
 */
export async function importEntities(
  deps: ImportDeps,
  req: ImportRequest,
  hooks: ImportHooks = {},
): Promise<ImportOutcome> {
  requirePermission(req.actor, 'entity:write');
  const progress = async (phase: ImportProgress['phase'], rows: number, message: string) =>
    hooks.onProgress?.({ phase, rows, message });
  const units = await listOrgUnitRefs(deps.db);
  const { collector, map, imported } = (await directLoadWanted(deps.db, req.source))
    ? await validateAndLoad(deps, req, hooks, { units, progress })
    : await viaStage(deps, req, hooks, { units, progress });
  if (imported) {
    // Outside the transaction: merge the GIN pending list and refresh statistics, or the first
    // searches after a big import scan the pending list (hundreds of ms at city scale).
    await deps.db.exec('VACUUM (ANALYZE) entities');
  }
  await progress('done', collector.total, imported ? `已导入 ${imported} 条` : '未导入任何数据');
  return {
    total: collector.total,
    valid: collector.total - collector.invalid,
    invalid: collector.invalid,
    imported,
    errors: collector.sortedErrors(),
    ignoredColumns: map.ignored,
  };
}

type Progress = (phase: ImportProgress['phase'], rows: number, message: string) => Promise<void>;
interface Validated {
  collector: ImportCollector;
  map: HeaderMap;
}
/** Where validated rows go, and the checks run once the last one is in (ImportCollector.finish). */
interface Sink {
  writer: { add(line: string): Promise<void> | undefined; finish(): Promise<unknown>; abandon(): Promise<void> };
  checks(collector: ImportCollector): Promise<void>;
}

/** Into an unlogged staging table during validation, then into the register in one transaction (PGlite, small loads). */
async function viaStage(
  deps: ImportDeps,
  req: ImportRequest,
  hooks: ImportHooks,
  ctx: { units: OrgUnitRef[]; progress: Progress },
) {
  const stage = await createStage(deps.db);
  try {
    const writer = new StageWriter(deps.db, stage.copySql, stageBatchFor(deps.db.kind));
    const sink = { writer, checks: (c: ImportCollector) => c.finish(deps.db, stage) };
    const { collector, map } = await validateFile(deps, req, { ...ctx, sink });
    const valid = await validated(collector, ctx.progress);
    let imported = 0;
    if (insertWanted(req, collector)) {
      await ctx.progress('inserting', collector.total, `正在写入 ${valid} 条市场主体……`);
      imported = await insertValid(deps.db, req, { collector, stage, valid }, hooks);
    }
    return { collector, map, imported };
  } finally {
    // A drop that fails (database gone) must not hide the import's own error; a later import drops the table.
    await dropStage(deps.db, stage).catch(() => undefined);
  }
}

/**
 * A direct load (direct-load-repo.ts): the insert transaction is open from the start and valid rows go into the register
 * as they are validated; nothing is committed unless the outcome is one that inserts, exactly as via the stage.
 */
async function validateAndLoad(
  deps: ImportDeps,
  req: ImportRequest,
  hooks: ImportHooks,
  ctx: { units: OrgUnitRef[]; progress: Progress },
) {
  const open = await openTransaction(deps.db);
  try {
    const load = await beginDirectLoad(open.tx, { note: noteFor(req), actorId: req.actor.userId });
    const sink = {
      writer: new DirectWriter(open.tx, load),
      checks: (c: ImportCollector) => c.finish(open.tx, load.stage),
    };
    const { collector, map } = await validateFile(deps, req, { ...ctx, sink });
    const valid = await validated(collector, ctx.progress);
    if (!insertWanted(req, collector)) {
      await open.rollback();
      return { collector, map, imported: 0 };
    }
    await ctx.progress('inserting', collector.total, `正在写入 ${valid} 条市场主体……`);
    const imported = await finishDirectLoad(open.tx, load);
    await auditImport(open.tx, req, collector, imported);
    await hooks.beforeCommit?.(open.tx);
    await open.commit();
    return { collector, map, imported };
  } catch (err) {
    await open.rollback();
    throw conflictIfDuplicate(err);
  }
}

async function validated(collector: ImportCollector, progress: Progress): Promise<number> {
  const valid = collector.total - collector.invalid;
  await progress(
    'validated',
    collector.total,
    `校验完成：共 ${collector.total} 行，有效 ${valid} 行，错误 ${collector.invalid} 行`,
  );
  return valid;
}

const insertWanted = (req: ImportRequest, c: ImportCollector) =>
  c.total > c.invalid && (req.mode === 'validOnly' || c.invalid === 0);

/**
 * Parsing and row validation run in the worker thread; this thread renders each valid row to its COPY line
 * (encryption, bigrams) and streams it into the staging table, where the database loads it: three parts of the
 * work overlap, and a batch waits for the one before it, so memory does not grow with the file.
 */
async function validateFile(
  deps: ImportDeps,
  req: ImportRequest,
  ctx: { units: OrgUnitRef[]; progress: Progress; sink: Sink },
): Promise<Validated> {
  let map: HeaderMap | undefined;
  let collector: ImportCollector | undefined;
  const check = { units: ctx.units, actor: req.actor };
  const { writer } = ctx.sink;
  try {
    // Batches as the worker posts them; a row waits only when its line does (no promise per row).
    for await (const batch of checkRowsInWorker(req.source, deps.limits ?? defaultImportLimits, check)) {
      for (const item of batch) {
        if ('map' in item) {
          const m = item.map;
          map = m;
          collector = new ImportCollector({
            stage: (line) => writer.add(line),
            toLine: (entity, stationId) =>
              entityCopyLine(toEntityRow(entity, { stationId, actorId: req.actor.userId, pii: deps.pii })),
            usccColumn: columnLabel(m, 'uscc'),
            nothingIfInvalid: req.mode === 'all',
          });
          continue;
        }
        if (!collector) continue;
        const staging = collector.add(item.row, item.outcome);
        if (staging) await staging;
        if (collector.total % PROGRESS_EVERY === 0) {
          await ctx.progress('validating', collector.total, `已读取并校验 ${collector.total} 行`);
        }
      }
    }
    await writer.finish();
  } catch (err) {
    await writer.abandon();
    throw err;
  }
  if (!map || !collector) throw fileError('文件中没有找到表头行，请使用导入模板');
  if (collector.total === 0) throw fileError('文件中只有表头，没有数据行');
  await ctx.sink.checks(collector);
  return { collector, map };
}

async function insertValid(
  db: Db,
  req: ImportRequest,
  { collector, stage, valid }: { collector: ImportCollector; stage: Stage; valid: number },
  hooks: ImportHooks,
) {
  try {
    return await db.transaction(async (tx) => {
      const insert = () => insertStagedEntities(tx, stage, noteFor(req), req.actor.userId);
      const imported = await withIndexesDeferred(tx, valid, (deferred) =>
        deferred ? withEventKeyDeferred(tx, insert) : insert(),
      );
      await auditImport(tx, req, collector, imported);
      await hooks.beforeCommit?.(tx);
      return imported;
    });
  } catch (err) {
    throw conflictIfDuplicate(err);
  }
}

const noteFor = (req: ImportRequest) => `批量导入：${req.source.filename}`.slice(0, 500);

async function auditImport(tx: Queryable, req: ImportRequest, collector: ImportCollector, imported: number) {
  await appendAudit(tx, req.actor, {
    action: 'entity.import',
    targetType: req.jobId ? 'job' : undefined,
    targetId: req.jobId,
    detail: {
      filename: req.source.filename,
      mode: req.mode,
      total: collector.total,
      invalid: collector.invalid,
      imported,
    },
  });
}

/** A code registered by someone else while the import ran: the whole import is undone. */
function conflictIfDuplicate(err: unknown): unknown {
  if (!isUniqueViolation(err)) return err;
  return new AppError(
    'CONFLICT',
    '写入时发现统一社会信用代码已被登记（可能有人同时登记或导入了相同主体），本次导入已全部撤销，请重新导入以查看明细',
  );
}
