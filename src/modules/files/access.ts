import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * A stored file (attachment, document) opened through the generic download: owned by `owner_unit_id`; under
 * `self` only the files the caller uploaded. Each file also needs the permission of its purpose
 * (contracts/files.ts filePurposes), checked per file by the service; `read` names the purpose the generic
 * download serves most (complaint attachments). Uploads go through the owning module, so no write here.
 */
export const fileResource = defineResource({
  name: 'file',
  label: '附件',
  read: 'complaint:read',
  write: null,
  unitColumn: 'f.owner_unit_id',
  selfColumns: ['f.created_by'],
});

export const fileReach = (row: { ownerUnitId: number; createdBy: number | null }): RowReach => ({
  unitId: row.ownerUnitId,
  userIds: [row.createdBy],
});
