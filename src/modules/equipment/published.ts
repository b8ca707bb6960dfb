import type { Queryable } from '../../db/client.ts';
import type { EquipmentAction, EquipmentStatus } from '../../domain/equipment-workflow.ts';
import type { Actor } from '../../platform/actor.ts';
import type { AuditActor } from '../../platform/audit.ts';
import * as repo from './repos/equipment.ts';
import * as records from './repos/records.ts';
import { recordInspection } from './services/equipment.ts';
import { moveEquipment } from './services/status.ts';

/**
 * What other modules (hazards, 指令书, lift plates) may use of the equipment register. They read the register through
 * `findEquipment` and change a status only through `setEquipmentStatus`, which goes through the one transition table
 * (src/domain/equipment-workflow.ts) and writes its event and audit rows in the caller's transaction. The caller checks
 * access (equipmentKind / equipmentReach from ./access.ts) before.
 */
export type { EquipmentAction, EquipmentStatus } from '../../domain/equipment-workflow.ts';
export { equipmentKind, equipmentReach } from './access.ts';

export interface PublishedEquipment {
  id: number;
  equipmentCode: string;
  categoryCode: string;
  categoryName: string;
  /** The top-level category (3000 for a 3100 lift). */
  topCategoryCode: string;
  registrationNo: string | null;
  entityId: number;
  entityName: string;
  stationId: number;
  stationName: string;
  stationCode: string;
  address: string;
  maintenanceUnitName: string | null;
  status: EquipmentStatus;
  nextInspectionDue: string | null;
  inspectionState: 'normal' | 'due' | 'overdue';
  safetyGrade: number | null;
  /** 最近一次维保 (the lift plate's public page shows it). */
  lastMaintainedOn: string | null;
  createdBy: number | null;
  version: number;
}

export async function findEquipment(q: Queryable, id: number): Promise<PublishedEquipment | undefined> {
  const row = await repo.getEquipment(q, id);
  if (!row) return undefined;
  return {
    id: row.id,
    equipmentCode: row.equipmentCode,
    categoryCode: row.categoryCode,
    categoryName: row.categoryName,
    topCategoryCode: row.topCategoryCode,
    registrationNo: row.registrationNo,
    entityId: row.entityId,
    entityName: row.entityName,
    stationId: row.stationId,
    stationName: row.stationName,
    stationCode: row.stationCode,
    address: row.address,
    maintenanceUnitName: row.maintenanceUnitName,
    status: row.status as EquipmentStatus,
    nextInspectionDue: row.nextInspectionDue,
    inspectionState: row.inspectionState as PublishedEquipment['inspectionState'],
    safetyGrade: row.safetyGrade,
    lastMaintainedOn: row.lastMaintainedOn,
    createdBy: row.createdBy,
    version: row.version,
  };
}

/**
 * Changes a piece of equipment's status by a named action (e.g. 'stop' when a 指令书 orders it out of use, 'resume'
 * when rectified). 409 INVALID_STATE when the table does not allow it from the current status.
 */
export async function setEquipmentStatus(
  tx: Queryable,
  actor: AuditActor | null,
  p: { id: number; action: EquipmentAction; reason?: string | null; registrationNo?: string; registeredOn?: string },
): Promise<{ from: EquipmentStatus; to: EquipmentStatus }> {
  return moveEquipment(tx, actor, p);
}

/**
 * Locks the equipment row for the rest of the caller's transaction. A transaction that will change the equipment
 * takes this first, before it appends any audit row: a status change holds the row and then waits for the audit
 * chain's lock, so taking them the other way round deadlocks.
 */
export async function lockEquipment(tx: Queryable, id: number): Promise<void> {
  await repo.lockEquipment(tx, [id]);
}

/** Whether the newest periodic inspection on record failed (equipment used after it raises a case lead). */
export async function lastInspectionFailed(q: Queryable, id: number): Promise<boolean> {
  const [last] = await records.inspectionsOf(q, id);
  return last?.conclusion === 'fail';
}

/**
 * A passing re-inspection recorded by another module (a 指令书 accepted with its 复检), in the caller's transaction:
 * the same path as an inspection entered on the register (result row, next due date, state, audit row).
 */
export async function recordReinspection(
  tx: Queryable,
  actor: Actor,
  p: { equipmentId: number; inspectedOn: string; nextDue: string; reportNo: string; today: string },
): Promise<void> {
  const eq = await repo.getEquipment(tx, p.equipmentId, true);
  if (!eq) return;
  await recordInspection(
    tx,
    actor,
    eq,
    {
      inspectionKind: 'periodic',
      inspectedOn: p.inspectedOn,
      conclusion: 'pass',
      nextDue: p.nextDue,
      reportNo: p.reportNo,
    },
    p.today,
  );
}
