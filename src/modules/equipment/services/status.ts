import type { Queryable } from '../../../db/client.ts';
import {
  type EquipmentAction,
  type EquipmentStatus,
  equipmentStatusLabels,
  equipmentTransitions,
} from '../../../domain/equipment-workflow.ts';
import type { AuditActor } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import * as repo from '../repos/equipment.ts';

export interface StatusMove {
  id: number;
  action: EquipmentAction;
  reason?: string | null;
  registrationNo?: string;
  registeredOn?: string;
}

/**
 * One status change through the transition table (src/domain/equipment-workflow.ts), with its event row and audit
 * row, in the caller's transaction. The row is locked first, so two moves at once run one after the other.
 */
export async function moveEquipment(
  tx: Queryable,
  actor: AuditActor | null,
  m: StatusMove,
): Promise<{ from: EquipmentStatus; to: EquipmentStatus }> {
  const row = await repo.getEquipment(tx, m.id, true);
  if (!row) throw new AppError('NOT_FOUND', '特种设备不存在');
  const from = row.status as EquipmentStatus;
  const step = allowTransition(equipmentTransitions, m.action, from, equipmentStatusLabels, {
    registrationNo: m.registrationNo,
  });
  const to = (step.to ?? from) as EquipmentStatus;
  await recordTransition(tx, actor, {
    change: () =>
      repo.moveStatus(tx, m.id, from, to, { registrationNo: m.registrationNo, registeredOn: m.registeredOn }),
    event: () =>
      repo.insertStatusEvent(tx, {
        equipmentId: m.id,
        action: m.action,
        from,
        to,
        reason: m.reason ?? null,
        userId: actor?.userId ?? null,
      }),
    audit: {
      action: 'equipment.status',
      targetType: 'equipment',
      targetId: m.id,
      detail: { action: m.action, from, to, reason: m.reason ?? null },
    },
  });
  return { from, to };
}
