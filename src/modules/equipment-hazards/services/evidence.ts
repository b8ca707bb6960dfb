import type { Db } from '../../../db/client.ts';
import { directiveStatusLabels } from '../../../domain/equipment-hazard-workflow.ts';
import { assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import type { FileService } from '../../files/service.ts';
import { equipmentDirectiveKind, stationRowReach } from '../access.ts';
import * as files from '../repos/directive-files.ts';
import { getDirective } from '../repos/directives.ts';

const purpose = 'equipment-rectification-evidence' as const;
/** Photos and PDF scans only: the 整改证据 a reviewer opens in the browser. */
const evidenceTypes = /^(image\/(jpeg|png|heic|webp)|application\/pdf)$/;
const EVIDENCE_MAX_BYTES = 10 * 1024 * 1024;
/** Evidence may be added until the order is accepted (a returned order takes more). */
export const canUploadIn = (status: string) => status !== 'closed';

/**
 * 整改证据 files of a 指令书 (photos, PDF), stored through the files module and served through the order, as
 * readable as the order. Each upload is one transaction with its audit row.
 */
export function createEvidenceFiles(db: Db, deps: { files: Pick<FileService, 'maxBytes' | 'store' | 'openLinked'> }) {
  return {
    maxBytes: Math.min(deps.files.maxBytes, EVIDENCE_MAX_BYTES),

    /** `file` reads the request body only once the caller may add evidence to this order. */
    async upload(actor: Actor, directiveId: number, file: () => Promise<ReceivedFile>) {
      const d = assertWritable(actor, equipmentDirectiveKind, await getDirective(db, directiveId), stationRowReach);
      if (!canUploadIn(d.status))
        throw new AppError('INVALID_STATE', `指令书状态为“${directiveStatusLabels[d.status]}”，不能再上传整改证据`);
      const received = await file();
      await db.transaction(async (tx) => {
        const stored = await deps.files.store(tx, received, {
          purpose,
          ownerUnitId: d.stationId,
          createdBy: actor.userId,
        });
        if (!evidenceTypes.test(stored.mimeType))
          throw validation('file', '整改证据只能上传照片（JPG、PNG、HEIC、WEBP）或 PDF 文件');
        await files.linkFile(tx, { directiveId, fileId: stored.id, uploadedBy: actor.userId });
        await appendAudit(tx, actor, {
          action: 'equipmentDirective.evidenceFile',
          targetType: 'equipmentDirective',
          targetId: directiveId,
          detail: { fileId: stored.id, sha256: stored.sha256, filename: stored.filename },
        });
      });
      return files.filesOf(db, directiveId);
    },

    /** One evidence file, for whoever may read the order. */
    async open(actor: Actor, directiveId: number, fileId: number) {
      assertReadable(actor, equipmentDirectiveKind, await getDirective(db, directiveId), stationRowReach);
      if (!(await files.isFileOf(db, directiveId, fileId))) throw notFound('整改证据');
      return deps.files.openLinked(fileId, purpose);
    },
  };
}

export type EvidenceFiles = ReturnType<typeof createEvidenceFiles>;
