import { createHash, randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { TComplaintDetail } from '../../contracts/complaints.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, validation } from '../../platform/errors.ts';
import { moveFiles } from '../files/repo.ts';
import type { FileService } from '../files/service.ts';
import * as links from './attachments-repo.ts';
import * as repo from './repo.ts';
import type { ComplaintService } from './service.ts';

const purpose = 'complaint-attachment' as const;
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Inside the intake transaction: links the tokens' files to the new items, moved to their station. */
export async function claimUploads(
  tx: Queryable,
  tokens: readonly string[],
  itemIds: readonly number[],
  stationId: number,
  by: number | null,
): Promise<number> {
  if (tokens.length === 0) return 0;
  const unique = [...new Set(tokens)];
  const fileIds = await links.claimPendingUploads(tx, unique.map(tokenHash));
  if (fileIds.length !== unique.length) throw validation('attachments', '附件已过期或已提交过，请重新上传');
  for (const id of itemIds) await links.linkAttachments(tx, id, fileIds, by);
  await moveFiles(tx, fileIds, stationId);
  return fileIds.length;
}

/**
 * Evidence on 12315 items. A submission's files are uploaded first (each answered with a one-time token)
 * and claimed by the submission, so the intake itself stays one small JSON request; handlers add files to an
 * existing item directly. Files follow the item's station, which is what scopes their download.
 */
export function createComplaintAttachments(db: Db, deps: { files: FileService; complaints: ComplaintService }) {
  const { files, complaints } = deps;

  /** Reads the upload (422 when oversized, before anything is written) and keeps it until a submission claims it. */
  async function upload(req: FastifyRequest, actor: Actor | null) {
    const { file } = await files.receive(req);
    const ownerUnitId = actor?.unitId ?? (await repo.intakeUnit(db));
    if (ownerUnitId == null) throw new AppError('INVALID_STATE', '没有投诉举报中心，暂不能接收附件');
    const token = randomBytes(24).toString('base64url');
    const stored = await db.transaction(async (tx) => {
      const row = await files.store(tx, file, { purpose, ownerUnitId, createdBy: actor?.userId ?? null });
      await links.insertPendingUpload(tx, tokenHash(token), row.id);
      return row;
    });
    return { token, filename: stored.filename, sizeBytes: stored.sizeBytes, sha256: stored.sha256 };
  }

  /**
   * Uploads no submission claimed within `hours` (the form was abandoned, or someone filled the disk on purpose):
   * tokens, files and bytes, in short transactions of 500 so a backlog never holds the database for long.
   */
  async function deleteUnclaimed(hours: number) {
    const removed = { uploads: 0, files: 0, blobs: 0, bytes: 0 };
    for (;;) {
      const batch = await db.transaction(async (tx) => {
        const fileIds = await links.deleteUnclaimedUploads(tx, hours, 500);
        return { count: fileIds.length, ...(await files.remove(tx, fileIds)) };
      });
      removed.uploads += batch.count;
      removed.files += batch.files;
      removed.blobs += batch.blobs;
      removed.bytes += batch.bytes;
      if (batch.count < 500) return removed;
    }
  }

  return {
    upload,
    deleteUnclaimed,

    /** A handler adds evidence to an item in their scope: on the timeline and audited. */
    async add(actor: Actor, id: number, req: FastifyRequest): Promise<TComplaintDetail> {
      const row = await complaints.inScope(actor, id);
      const { file } = await files.receive(req);
      await db.transaction(async (tx) => {
        const stored = await files.store(tx, file, { purpose, ownerUnitId: row.stationId, createdBy: actor.userId });
        await links.linkAttachments(tx, id, [stored.id], actor.userId);
        await repo.insertEvent(tx, {
          complaintId: id,
          action: 'attach',
          fromStatus: row.status,
          toStatus: row.status,
          note: stored.filename,
          data: { fileId: stored.id, sha256: stored.sha256 },
          actorId: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'complaint.attach',
          targetType: 'complaint',
          targetId: id,
          detail: { fileId: stored.id, sha256: stored.sha256 },
        });
      });
      return complaints.get(actor, id);
    },
  };
}

export type ComplaintAttachments = ReturnType<typeof createComplaintAttachments>;
