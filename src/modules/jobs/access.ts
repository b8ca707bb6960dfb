import { defineResource, type RowReach } from '../../platform/access.ts';

/**
 * A background job: owned by the unit it was started for; under `self` the jobs the caller started. Whoever
 * started a job follows its progress in every scope and without jobs:read (participant).
 */
export const jobResource = defineResource({
  name: 'job',
  label: '后台任务',
  read: 'jobs:read',
  write: null,
  unitColumn: 'j.unit_id',
  selfColumns: ['j.created_by'],
  participant: 'j.created_by = ?',
});

export const jobReach = (job: { unitId: number | null; createdBy: number | null }, userId: number): RowReach => ({
  unitId: job.unitId,
  userIds: [job.createdBy],
  participant: job.createdBy === userId,
});
