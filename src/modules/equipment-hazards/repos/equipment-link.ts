import type { Queryable } from '../../../db/client.ts';

/**
 * The only changes this module makes to the equipment register, in the caller's transaction. At merge the
 * coordinator routes both through src/modules/equipment/published.ts (its status transition table and the
 * periodic-inspection record); until then they are guarded, versioned UPDATEs with the caller's audit row.
 */

/** 停用 by a 指令书 that requires the equipment to stop (a 重大 hazard); a lift already stopped stays so. */
export async function stopEquipmentByOrder(tx: Queryable, equipmentId: number): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE equipment SET status = 'stopped', updated_at = now(), version = version + 1
      WHERE id = $1 AND status = 'inUse' RETURNING id`,
    [equipmentId],
  );
  return rows.length > 0;
}

/**
 * A re-inspection recorded on the acceptance of an order: the next due date moves on and the inspection state
 * returns to 正常 (the nightly sweep recomputes it from the date later), and an equipment stopped by the order is
 * back in use.
 */
export async function recordReinspection(
  tx: Queryable,
  equipmentId: number,
  p: { nextInspectionDue: string; resume: boolean },
): Promise<void> {
  await tx.query(
    `UPDATE equipment SET next_inspection_due = $2, inspection_state = 'normal',
            status = CASE WHEN $3::boolean AND status = 'stopped' THEN 'inUse' ELSE status END,
            updated_at = now(), version = version + 1
      WHERE id = $1`,
    [equipmentId, p.nextInspectionDue, p.resume],
  );
}
