import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { type FilePurpose, filePurposes } from '../../contracts/files.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { canRead } from '../../platform/access.ts';
import { type Actor, requirePermission } from '../../platform/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { attachmentTooLarge, type ReceivedFile } from '../../platform/uploads.ts';
import { fileReach } from './access.ts';
import { deleteFiles, findFile, findFiles, insertFile, readBlob, type StoredFileRow } from './repo.ts';
import { acceptedKinds, sniffMimeType } from './sniff.ts';

export interface FileOwner {
  purpose: FilePurpose;
  ownerUnitId: number;
  createdBy: number | null;
}

/**
 * Purposes whose access depends on the record, not only on the owning unit: inspection evidence is opened by the
 * visit's team (inspectors of other stations included) and, before a result links it, by its uploader only. The
 * generic download would bypass that rule, so these files are served through their record alone (openLinked).
 */
const servedThroughRecord: ReadonlySet<FilePurpose> = new Set([
  'inspection-evidence',
  'case-evidence',
  'inspection-signature',
  'station-rating-evidence',
  'kitchen-snapshot',
  'equipment-rectification-evidence',
]);
/** The permissions that open some file through the generic download. */
const genericPermissions = (Object.keys(filePurposes) as FilePurpose[])
  .filter((p) => !servedThroughRecord.has(p))
  .map((p) => filePurposes[p]);

const invalid = (path: string, message: string) =>
  new AppError('VALIDATION', `${path}：${message}`, [{ path, message }]);

/** A browser's path or an odd name must not leak into a Content-Disposition header. */
function cleanFilename(name: string): string {
  const printable = [...name.replaceAll('\\', '/')].filter((c) => c >= ' ' && c !== '"').join('');
  const base = basename(printable).trim();
  return (base || '附件').slice(0, 255);
}

export function createFileService(db: Db, opts: { maxBytes: number }) {
  const { maxBytes } = opts;

  /** Checks size and content type, then stores inside the caller's transaction. `path` names the form field. */
  async function store(q: Queryable, file: ReceivedFile, owner: FileOwner, path = 'file'): Promise<StoredFileRow> {
    if (file.sizeBytes > maxBytes) throw attachmentTooLarge(maxBytes);
    if (file.sizeBytes === 0) throw invalid(path, '附件是空文件');
    const data = Buffer.concat(file.pieces);
    const filename = cleanFilename(file.filename);
    const mimeType = sniffMimeType(data, filename);
    if (!mimeType) throw invalid(path, `不支持的附件类型（可上传 ${acceptedKinds}）`);
    const sha256 = createHash('sha256').update(data).digest('hex');
    return insertFile(q, { sha256, data, filename, mimeType, ...owner });
  }

  return {
    maxBytes,
    store,
    /** The multipart body of an upload request, the file capped at the attachment limit (422 beyond it). */
    /** Inside the caller's transaction: files the calling module knows are linked nowhere, and their unshared bytes. */
    remove: (q: Queryable, ids: readonly number[]) => deleteFiles(q, ids),
    /** Metadata of files a module links to (the module has already checked its own record's scope). */
    describe: (ids: readonly number[]) => findFiles(db, ids),
    /**
     * For a module that has already checked access to the record the file belongs to and that the file is that
     * record's own (an inspector assigned to a visit of another station opens the photos of that visit). A file
     * stored for another purpose is not found, whatever id the module passes.
     */
    async openLinked(id: number, purpose: FilePurpose): Promise<{ file: StoredFileRow; data: Buffer }> {
      const file = await findFile(db, id);
      const data = file?.purpose === purpose && (await readBlob(db, file.sha256));
      if (!file || !data) throw notFound('附件');
      return { file, data };
    },
    async open(actor: Actor, id: number): Promise<{ file: StoredFileRow; data: Buffer }> {
      // A caller who may open no generic file at all learns nothing from a 403 (e.g. 法制审核 staff).
      if (!genericPermissions.some((p) => actor.permissions.has(p))) throw forbidden('缺少权限：查看附件');
      const file = await findFile(db, id);
      // Out of scope looks the same as missing: ids must not reveal what exists elsewhere. Only a file the caller
      // may reach answers 403 for lacking its purpose's permission.
      if (!file || servedThroughRecord.has(file.purpose) || !canRead(actor, fileReach(file))) throw notFound('附件');
      requirePermission(actor, filePurposes[file.purpose]);
      const data = await readBlob(db, file.sha256);
      if (!data) throw notFound('附件内容');
      return { file, data };
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;

export type { StoredFileRow } from './repo.ts';
