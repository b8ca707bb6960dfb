import type { TEntityImportError, TEntityImportMode } from '../../../contracts/entity-import.ts';
import type { Db, Transaction } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { entityCopyLine, entityCopySql } from '../copy-repo.ts';
import { withIndexesDeferred } from '../repo.ts';
import { toEntityRow } from '../row.ts';
import { ImportCollector } from './collect.ts';
import { columnLabel, type HeaderMap } from './headers.ts';
import { defaultImportLimits, fileError, type ImportLimits } from './limits.ts';
import type { ImportSource } from './read-rows.ts';
import { checkRowsInWorker } from './read-rows-worker.ts';
import { existingUsccs, insertEstablishEvents, listOrgUnitRefs } from './repo.ts';
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
  /** Called between phases and every 1000 rows; never inside the insert transaction. */
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
const EVENT_BATCH = 5000;

/**
 * The one import path, shared by the API's background job and the CLI: read the file as a stream, validate
 * every row, then (mode `all`: only when every row is valid) insert the valid rows in ONE transaction with
 * their 设立 events and one audit row, so a process that dies half-way leaves nothing behind.
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
  const { collector, map } = await validateFile(deps, req, units, progress);
  const invalid = collector.invalid;
  const valid = collector.total - invalid;
  await progress(
    'validated',
    collector.total,
    `校验完成：共 ${collector.total} 行，有效 ${valid} 行，错误 ${invalid} 行`,
  );
  const shouldInsert = valid > 0 && (req.mode === 'validOnly' || invalid === 0);
  let imported = 0;
  if (shouldInsert) {
    await progress('inserting', collector.total, `正在写入 ${valid} 条市场主体……`);
    imported = await insertValid(deps.db, req, collector, hooks);
    // Outside the transaction: merge the GIN pending list and refresh statistics, or the first
    // searches after a big import scan the pending list (hundreds of ms at city scale).
    await deps.db.exec('VACUUM (ANALYZE) entities');
  }
  await progress('done', collector.total, imported ? `已导入 ${imported} 条` : '未导入任何数据');
  return {
    total: collector.total,
    valid,
    invalid,
    imported,
    errors: collector.sortedErrors(),
    ignoredColumns: map.ignored,
  };
}

/**
 * Parsing and row validation run in the worker thread; this thread renders each valid row to its COPY line
 * (encryption, bigrams) and checks codes against the database, so the two halves of the work overlap.
 */
async function validateFile(
  deps: ImportDeps,
  req: ImportRequest,
  units: OrgUnitRef[],
  progress: (phase: ImportProgress['phase'], rows: number, message: string) => Promise<void>,
): Promise<{ collector: ImportCollector; map: HeaderMap }> {
  let map: HeaderMap | undefined;
  let collector: ImportCollector | undefined;
  const check = { units, actor: req.actor };
  for await (const item of checkRowsInWorker(req.source, deps.limits ?? defaultImportLimits, check)) {
    if ('map' in item) {
      const m = item.map;
      map = m;
      collector = new ImportCollector({
        existing: (usccs) => existingUsccs(deps.db, usccs),
        toLine: (entity, stationId) =>
          entityCopyLine(toEntityRow(entity, { stationId, actorId: req.actor.userId, pii: deps.pii })),
        usccColumn: columnLabel(m, 'uscc'),
      });
      continue;
    }
    if (!collector) continue;
    await collector.add(item.row, item.outcome);
    if (collector.total % PROGRESS_EVERY === 0) {
      await progress('validating', collector.total, `已读取并校验 ${collector.total} 行`);
    }
  }
  if (!map || !collector) throw fileError('文件中没有找到表头行，请使用导入模板');
  await collector.flush();
  if (collector.total === 0) throw fileError('文件中只有表头，没有数据行');
  return { collector, map };
}

async function insertValid(db: Db, req: ImportRequest, collector: ImportCollector, hooks: ImportHooks) {
  const usccs = [...collector.valid.keys()];
  const lines = Array.from(collector.valid.values(), (v) => v.line);
  try {
    return await db.transaction(async (tx) => {
      const copied = await withIndexesDeferred(tx, lines.length, () => tx.copyFrom(entityCopySql, lines));
      const note = `批量导入：${req.source.filename}`.slice(0, 500);
      for (let i = 0; i < usccs.length; i += EVENT_BATCH) {
        await insertEstablishEvents(tx, usccs.slice(i, i + EVENT_BATCH), req.actor.userId, note);
      }
      await appendAudit(tx, req.actor, {
        action: 'entity.import',
        targetType: req.jobId ? 'job' : undefined,
        targetId: req.jobId,
        detail: {
          filename: req.source.filename,
          mode: req.mode,
          total: collector.total,
          invalid: collector.invalid,
          imported: copied,
        },
      });
      await hooks.beforeCommit?.(tx);
      return copied;
    });
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    throw new AppError(
      'CONFLICT',
      '写入时发现统一社会信用代码已被登记（可能有人同时登记或导入了相同主体），本次导入已全部撤销，请重新导入以查看明细',
    );
  }
}
