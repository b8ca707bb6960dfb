import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import {
  IMPORT_RESULT_ERRORS,
  type TEntityImportError,
  type TEntityImportMode,
  type TEntityImportResult,
  type TEntityImportStatus,
  ZEntityImportMode,
} from '../../../contracts/entity-import.ts';
import type { Db } from '../../../db/client.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import type { JobContext } from '../../jobs/runner.ts';
import type { JobService } from '../../jobs/service.ts';
import { actorForUser } from './actor.ts';
import { sniffFormat } from './file-type.ts';
import { type ImportOutcome, importEntities } from './import-entities.ts';
import type { ImportLimits } from './limits.ts';
import { deleteUpload, findUpload, insertUpload, uploadChunks } from './uploads-repo.ts';
import { checkUploadedXlsx } from './xlsx-parts.ts';

export const ENTITY_IMPORT_JOB = 'entities.import';

/** An uploaded file as the route received it, already within the size cap. */

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

function headOf(pieces: Uint8Array[]): Uint8Array {
  return Buffer.concat(pieces.slice(0, 8)).subarray(0, 8192);
}

/** What the job stores as its result: the counts and the first errors; the rest are in the report. */
function toResult(outcome: ImportOutcome): TEntityImportResult {
  const { errors, ...counts } = outcome;
  return { ...counts, errorCount: errors.length, errors: errors.slice(0, IMPORT_RESULT_ERRORS) };
}

export function createEntityImportService(
  db: Db,
  deps: {
    pii: PiiCipher;
    jobs: Pick<JobService, 'enqueue' | 'get'>;
    limits: ImportLimits;
  },
) {
  /** The import job runs as the user who uploaded, wherever it runs; the file is deleted once read. */
  async function runJob(ctx: JobContext): Promise<TEntityImportResult> {
    const mode = ZEntityImportMode.parse((ctx.payload as { mode?: unknown } | null)?.mode ?? 'all');
    const upload = await findUpload(db, ctx.id, 'entity-import');
    if (!upload) throw new Error('上传的文件已不存在，请重新上传');
    try {
      const actor = await actorForUser(db, { userId: upload.createdBy ?? 0 });
      const source = {
        filename: upload.filename,
        format: upload.format === 'xlsx' ? ('xlsx' as const) : ('csv' as const),
        sizeBytes: upload.sizeBytes,
        open: () => uploadChunks(db, upload.id),
      };
      const outcome = await importEntities(
        { db, pii: deps.pii, limits: deps.limits },
        { actor, source, mode, jobId: ctx.id },
        { onProgress: (p) => ctx.progress(p.rows, p.phase === 'validating' ? null : p.rows, p.message) },
      );
      await storeErrors(ctx.id, upload.createdBy, outcome.errors);
      return toResult(outcome);
    } finally {
      await deleteUpload(db, ctx.id, 'entity-import');
    }
  }

  async function storeErrors(jobId: number, createdBy: number | null, errors: TEntityImportError[]) {
    if (errors.length === 0) return;
    const data = await gzipAsync(JSON.stringify(errors));
    const sha256 = createHash('sha256').update(data).digest('hex');
    await db.transaction((tx) =>
      insertUpload(
        tx,
        {
          jobId,
          purpose: 'entity-import-errors',
          filename: 'errors.json.gz',
          format: 'json.gz',
          sizeBytes: data.length,
          sha256,
          createdBy,
        },
        [data],
      ),
    );
  }

  /** An import is a job: who may follow it is the job kind's rule (jobs/access.ts); other kinds are not found. */
  async function visibleJob(actor: Actor, jobId: number) {
    const job = await deps.jobs.get(actor, jobId).catch(() => undefined);
    if (job?.kind !== ENTITY_IMPORT_JOB) throw notFound('导入任务');
    return job;
  }

  return {
    runJob,
    limits: deps.limits,

    /** Checks the file type, stores the file and queues the job, all in one transaction. */
    async submit(actor: Actor, file: ReceivedFile, mode: TEntityImportMode): Promise<{ jobId: number }> {
      requirePermission(actor, 'entity:write');
      const format = sniffFormat(headOf(file.pieces), file.filename);
      if (format === 'xlsx') checkUploadedXlsx(file.pieces, file.sizeBytes, deps.limits);
      const hash = createHash('sha256');
      for (const piece of file.pieces) hash.update(piece);
      const jobId = await db.transaction(async (tx) => {
        const id = await deps.jobs.enqueue(
          { kind: ENTITY_IMPORT_JOB, payload: { mode }, createdBy: actor.userId, unitId: actor.unitId, maxAttempts: 1 },
          tx,
        );
        const meta = {
          jobId: id,
          purpose: 'entity-import' as const,
          filename: file.filename,
          format,
          sizeBytes: file.sizeBytes,
        };
        await insertUpload(tx, { ...meta, sha256: hash.digest('hex'), createdBy: actor.userId }, file.pieces);
        return id;
      });
      return { jobId };
    },

    async status(actor: Actor, jobId: number): Promise<TEntityImportStatus> {
      const job = await visibleJob(actor, jobId);
      return {
        jobId: job.id,
        status: job.status,
        progressDone: job.progressDone,
        progressTotal: job.progressTotal,
        message: job.message,
        error: job.error,
        result: (job.result as TEntityImportResult | null) ?? null,
        createdAt: job.createdAt,
        finishedAt: job.finishedAt,
      };
    },

    /** Every error of a finished import; a job that failed as a whole reports its one reason. */
    async errors(actor: Actor, jobId: number): Promise<TEntityImportError[]> {
      const job = await visibleJob(actor, jobId);
      if (job.status === 'queued' || job.status === 'running') {
        throw new AppError('INVALID_STATE', '导入任务尚未完成，请稍后再下载错误报告');
      }
      if (job.status === 'failed') return [{ row: 0, column: '（整个文件）', reason: job.error ?? '导入失败' }];
      const stored = await findUpload(db, jobId, 'entity-import-errors');
      if (!stored) return [];
      const chunks: Uint8Array[] = [];
      for await (const chunk of uploadChunks(db, stored.id)) chunks.push(chunk);
      return JSON.parse((await gunzipAsync(Buffer.concat(chunks))).toString('utf8')) as TEntityImportError[];
    },
  };
}

export type EntityImportService = ReturnType<typeof createEntityImportService>;
