import { evidenceKindLabels, type TEvidence, type TEvidenceBody } from '../../../contracts/case-execution.ts';
import type { Db } from '../../../db/client.ts';
import { evidenceStatuses } from '../../../domain/case-measures.ts';
import { type CaseStatus, caseStatusLabels } from '../../../domain/case-workflow.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import * as repo from '../repos/evidence.ts';
import { assertCaseWritable, type CaseExecDeps, readableCase, recordCaseStep, writableCase } from './exec-deps.ts';

const purpose = 'case-evidence' as const;

function toEvidence(r: repo.EvidenceRow): TEvidence {
  return {
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    kindLabel: evidenceKindLabels[r.kind],
    title: r.title,
    collectedOn: r.collectedOn,
    collectedBy: r.collectedBy,
    collectedByName: r.collectedByName,
    note: r.note,
    sha256: r.sha256,
    file:
      r.fileId === null
        ? null
        : {
            id: r.fileId,
            filename: r.filename ?? '',
            mimeType: r.mimeType ?? '',
            sizeBytes: Number(r.sizeBytes ?? 0),
            sha256: r.sha256 ?? '',
          },
    createdAt: r.createdAt,
  };
}

const canRecordIn = (status: string) => (evidenceStatuses as readonly string[]).includes(status);

function assertRecordable(status: string) {
  if (!canRecordIn(status)) {
    const label = caseStatusLabels[status as CaseStatus] ?? status;
    throw new AppError('INVALID_STATE', `当前状态“${label}”不能登记证据：证据在立案后、作出决定前收集`);
  }
}

/**
 * 证据: 询问笔录, 现场检查笔录, photos, files, samples. A file is uploaded for the case first (the phone page
 * takes the photo), then the item records it with the SHA-256 of the stored content. Evidence is collected after
 * 立案 and before the decision (domain/case-measures.ts evidenceStatuses); each item is a case_steps row
 * (recordEvidence) and an audit row. Files are served through the case, as readable as the case.
 */
export function createEvidenceService(db: Db, deps: CaseExecDeps) {
  return {
    maxUploadBytes: deps.files.maxBytes,

    async list(actor: Actor, caseId: number) {
      const c = await readableCase(db, actor, caseId);
      const rows = await repo.listEvidence(db, caseId);
      return { items: rows.map(toEvidence), canRecord: canRecordIn(c.status) && actor.permissions.has('case:write') };
    },

    /** Stores an upload for the case's evidence; `file` reads the request only once the caller may add evidence. */
    async upload(actor: Actor, caseId: number, file: () => Promise<ReceivedFile>) {
      const c = await assertCaseWritable(db, actor, caseId);
      assertRecordable(c.status);
      const received = await file();
      return db.transaction(async (tx) => {
        const stored = await deps.files.store(tx, received, {
          purpose,
          ownerUnitId: c.stationId,
          createdBy: actor.userId,
        });
        await repo.linkUpload(tx, { fileId: stored.id, caseId, uploadedBy: actor.userId });
        return stored;
      });
    },

    async record(actor: Actor, caseId: number, body: TEvidenceBody): Promise<TEvidence> {
      if (body.collectedOn > deps.today()) throw validation('collectedOn', '取证日期不能晚于今天');
      if (body.kind === 'photo' && body.fileId === undefined) throw validation('fileId', '照片证据须上传照片');
      const id = await db.transaction(async (tx) => {
        const c = await writableCase(tx, actor, caseId);
        assertRecordable(c.status);
        let sha256: string | null = null;
        if (body.fileId !== undefined) {
          const upload = await repo.findUpload(tx, caseId, body.fileId);
          if (!upload) throw validation('fileId', '附件不存在或不是为本案上传的证据材料');
          if (upload.used) throw validation('fileId', '该附件已登记为其他证据');
          if (body.kind === 'photo' && !upload.mimeType.startsWith('image/'))
            throw validation('fileId', '照片证据须为图片文件（JPG、PNG、HEIC 等）');
          sha256 = upload.sha256;
        }
        const evidenceId = await repo.insertEvidence(tx, {
          caseId,
          kind: body.kind,
          title: body.title,
          collectedOn: body.collectedOn,
          collectedBy: actor.userId,
          fileId: body.fileId ?? null,
          sha256,
          note: body.note ?? null,
        });
        await recordCaseStep(tx, actor, c, {
          action: 'recordEvidence',
          note: body.title,
          data: { evidenceId, kind: body.kind, fileId: body.fileId ?? null, sha256 },
        });
        return evidenceId;
      });
      return toEvidence((await repo.findEvidence(db, caseId, id))!);
    },

    /** The evidence's file, for whoever may read the case (officers of other stations included). */
    async file(actor: Actor, caseId: number, evidenceId: number) {
      await readableCase(db, actor, caseId);
      const ev = await repo.findEvidence(db, caseId, evidenceId);
      if (!ev?.fileId) throw notFound('证据附件');
      return deps.files.openLinked(ev.fileId, purpose);
    },

    /** Uploads no evidence item took within `hours`: unlinked and deleted with their unshared bytes. */
    async deleteStaleUploads(hours: number) {
      let removed = 0;
      for (;;) {
        const n = await db.transaction(async (tx) => {
          const ids = await repo.unlinkStaleUploads(tx, hours, 500);
          await deps.files.remove(tx, ids);
          return ids.length;
        });
        removed += n;
        if (n < 500) return { removed };
      }
    },
  };
}

export type EvidenceService = ReturnType<typeof createEvidenceService>;
