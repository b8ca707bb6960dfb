import type { TResultBody } from '../../../contracts/spot-checks.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { categoryOf } from '../../../domain/spot-check-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { createCaseLead } from '../../cases/published.ts';
import * as repo from '../repos/visits.ts';

/**
 * Writes one item's result (checks done by the caller): a problem queues the entity for risk recompute and,
 * where the category needs one, opens a case lead; one transaction with its audit row.
 */
export async function writeResult(
  db: Db,
  actor: Actor,
  v: repo.VisitRecord,
  item: { id: number; name: string },
  body: TResultBody,
  cal?: WorkingDayCalendar,
  /** Runs in the same transaction after the result is written (the visit's signatures are cleared). */
  afterWrite?: (tx: Queryable) => Promise<void>,
): Promise<void> {
  const category = categoryOf(body.category)!;
  await db.transaction(async (tx) => {
    let caseLeadRef: string | null = null;
    if (category.lead)
      caseLeadRef = await createCaseLead(
        tx,
        {
          sourceType: 'inspection',
          sourceRef: `SC${v.id}-${item.id}`,
          entityId: v.entityId,
          stationId: v.stationId,
          summary: `双随机抽查「${item.name}」：${category.label}${body.notes ? `。${body.notes}` : ''}`,
          createdBy: actor.userId,
        },
        cal,
      );
    if (category.problem) await repo.queueRiskRecompute(tx, v.entityId, `spot-check:${v.id}:${category.code}`);
    await repo.upsertResult(tx, {
      visitId: v.id,
      itemId: item.id,
      category: category.code,
      notes: body.notes || null,
      fileIds: body.fileIds,
      caseLeadRef,
      recordedBy: actor.userId,
    });
    await appendAudit(tx, actor, {
      action: 'spotcheck.result.record',
      targetType: 'spotCheckVisit',
      targetId: v.id,
      detail: { itemId: item.id, category: category.code, caseLeadRef },
    });
    await afterWrite?.(tx);
  });
}
