import { defineResource, type RowReach } from '../../platform/access.ts';
import { drawnInspectorOfVisit } from './repos/participants.ts';

/**
 * The 双随机 module's resource kinds (src/platform/access.ts decides every reach from these). Tasks, plans and
 * entity pools belong to the unit that created them; under `self` they are the caller's own when they created
 * them. A visit belongs to the entity's station, and its drawn inspectors take part in it wherever it lies
 * (a joint draw sends inspectors of other stations); under `self` a visit is the caller's own only when they
 * were drawn for it. Published visits are the 公示 portal's.
 *
 * The check catalog (抽查事项) is shared reference data every spot-check user reads: not registered, no scope.
 */
export const spotCheckTaskKind = defineResource({
  name: 'spot-check-task',
  label: '抽查任务',
  read: 'spotcheck:read',
  write: 'spotcheck:write',
  unitColumn: 't.owner_unit_id',
  selfColumns: ['t.created_by'],
});

export const spotCheckVisitKind = defineResource({
  name: 'spot-check-visit',
  label: '抽查检查记录',
  read: 'spotcheck:read',
  write: 'spotcheck:write',
  unitColumn: 'v.station_id',
  selfColumns: [],
  participant: drawnInspectorOfVisit,
  publicRows: `v.status = 'published'`,
});

export const spotCheckPoolKind = defineResource({
  name: 'spot-check-pool',
  label: '检查对象名录库',
  read: 'spotcheck:read',
  write: 'spotcheck:write',
  unitColumn: 'ep.owner_unit_id',
  selfColumns: ['ep.created_by'],
});

export const spotCheckPlanKind = defineResource({
  name: 'spot-check-plan',
  label: '抽查计划',
  read: 'spotcheck:read',
  write: 'spotcheck:write',
  unitColumn: 'p.owner_unit_id',
  selfColumns: ['p.created_by'],
});

/**
 * An inspector of the 执法检查人员名录库: kept by the station they work at, or by their department when they
 * have none; under `self` a user's own record is the one linked to their account. A draw still picks from the
 * whole pool (it is the server's, not a listing).
 */
export const spotCheckInspectorKind = defineResource({
  name: 'spot-check-inspector',
  label: '检查人员',
  read: 'spotcheck:read',
  write: 'spotcheck:write',
  unitColumn: 'coalesce(p.station_id, p.department_id)',
  selfColumns: ['p.user_id'],
});

/**
 * A registry entity as spot checks reach it: what a pool previews and freezes, what a 回避 declaration may name
 * and which declarations a caller lists. Same reach as in the registry: its station; under `self` the entities
 * the caller registered (nothing unit-wide).
 */
export const spotCheckEntityKind = defineResource({
  name: 'spot-check-entity',
  label: '市场主体',
  read: 'spotcheck:read',
  write: 'spotcheck:write',
  unitColumn: 'e.station_id',
  selfColumns: ['e.created_by'],
});

/** The TypeScript twin of the task, pool and plan kinds' columns, for a loaded row. */
export const ownedReach = (row: { ownerUnitId: number; createdBy: number | null }): RowReach => ({
  unitId: row.ownerUnitId,
  userIds: [row.createdBy],
});

/** The user's account is linked to one of the visit's drawn inspectors (the TypeScript twin of the participant rule). */
export const isDrawnFor = (userId: number, row: { inspectors: readonly { userId: number | null }[] }) =>
  row.inspectors.some((i) => i.userId !== null && i.userId === userId);

/** A visit's reach for one caller: its station, and whether the caller is one of its drawn inspectors. */
export const visitReach =
  (userId: number) =>
  (row: { stationId: number; inspectors: readonly { userId: number | null }[] }): RowReach => ({
    unitId: row.stationId,
    userIds: [],
    participant: isDrawnFor(userId, row),
  });

/** The TypeScript twin of the inspector kind's columns. */
export const inspectorReach = (row: {
  stationId: number | null;
  departmentId: number;
  userId: number | null;
}): RowReach => ({ unitId: row.stationId ?? row.departmentId, userIds: [row.userId] });

/** Where a new or edited inspector record lies (the unit a placement check tests). */
export const inspectorUnit = (row: { stationId: number | null; departmentId: number }) =>
  row.stationId ?? row.departmentId;
