import { randomBytes } from 'node:crypto';
import type { TComplaintDetail } from '../../../contracts/complaints.ts';
import type { Db } from '../../../db/client.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import type { FileService } from '../../files/service.ts';
import { complaintAttachmentKind } from '../access.ts';
import * as links from '../repos/attachments.ts';
import { intakeUnit } from '../repos/reference.ts';
import { purpose, tokenHash } from './claim-uploads.ts';
import type { ComplaintService } from './complaints.ts';
import { recordStep } from './record-step.ts';

/**
 * Evidence on 12315 items. A submission's files are uploaded first (each answered with a one-time token)
 * and claimed by the submission, so the intake itself stays one small JSON request; handlers add files to an
 * existing item directly. Files follow the item's station, which is what scopes their download.
 */
export function createComplaintAttachments(db: Db, deps: { files: FileService; complaints: ComplaintService }) {
  const { files, complaints } = deps;

  /** Keeps an upload (already read and capped by the route) until a submission claims it. */
  async function upload(file: ReceivedFile, actor: Actor | null) {
    const ownerUnitId = actor?.unitId ?? (await intakeUnit(db));
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

    /** The largest file an upload may carry (the route reads the request body up to it). */
    maxBytes: files.maxBytes,

    /** A handler adds evidence to an item in their reach: on the timeline and audited. */
    async add(actor: Actor, id: number, file: ReceivedFile): Promise<TComplaintDetail> {
      const row = await complaints.writable(actor, id);
      await db.transaction(async (tx) => {
        const stored = await files.store(tx, file, { purpose, ownerUnitId: row.stationId, createdBy: actor.userId });
        const detail = { fileId: stored.id, sha256: stored.sha256 };
        const step = { complaintId: id, action: 'attach', fromStatus: row.status, toStatus: row.status };
        await recordStep(tx, actor, { ...step, note: stored.filename, data: detail, audit: detail }, async () => {
          await links.linkAttachments(tx, id, [stored.id], actor.userId);
          return true;
        });
      });
      return complaints.get(actor, id);
    },

    /** A file of an item: exactly as readable as the item (404 for a file the item does not have). */
    async download(actor: Actor, id: number, fileId: number) {
      await complaints.readable(actor, id);
      const linked = await links.findAttachment(db, id, fileId);
      if (linked === undefined) throw notFound(complaintAttachmentKind.label);
      return files.openLinked(linked, purpose);
    },
  };
}

export type ComplaintAttachments = ReturnType<typeof createComplaintAttachments>;
