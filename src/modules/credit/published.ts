import type { Queryable } from '../../db/client.ts';
import { batchTransitions, listingTransitions } from '../../domain/credit-workflow.ts';
import type { AuditActor } from '../../platform/audit.ts';
import { appendAudit } from '../../platform/audit.ts';
import { decideBatch, proposedBatchesOfCase, proposeOneSerious, settleBatchListings } from './repos/batches.ts';
import { insertBatchListingEvents, insertEvent } from './repos/events.ts';
import { listsInForce } from './repos/listings.ts';
import { queueRecompute } from './repos/risk.ts';

/**
 * What the credit module lets other modules call inside their own transaction. Everything else of credit is
 * reached through its service; the layer check forbids importing another module's repo.
 */

/** Outbox: the entities' risk class is recomputed after the caller commits (the credit.recompute-queue job). */
export const queueRiskRecompute = (tx: Queryable, entityIds: number[], reason: string) =>
  queueRecompute(tx, entityIds, reason);

/** Whether the entity is on the abnormal list or the serious list today. */
export const creditListsOf = (db: Queryable, entityId: number) => listsInForce(db, entityId);

/** The ground of a serious-list proposal made by a penalty decision (SAMR Order 44 Arts. 2–9). */
export const SERIOUS_PENALTY_GROUND = 'seriousPenalty';

/**
 * 拟列入严重违法失信名单 on a heavy penalty (SAMR Order 44): a proposed batch of one, which the credit staff then
 * approve (with the listing decision) or discard through the credit workflow like any other batch. Nothing when
 * the entity already has an open proposal or listing on this ground. `actor` null: proposed by the system.
 */
export async function proposeSeriousListingForPenalty(
  tx: Queryable,
  actor: AuditActor | null,
  p: { entityId: number; ownerUnitId: number; caseId: number; decisionNo: string; reason: string },
): Promise<{ batchId: number; listingId: number } | undefined> {
  const made = await proposeOneSerious(tx, {
    entityId: p.entityId,
    ownerUnitId: p.ownerUnitId,
    ground: SERIOUS_PENALTY_GROUND,
    reason: p.reason,
    proposedBy: actor?.userId ?? null,
  });
  if (!made) return undefined;
  const data = { list: 'serious', caseId: p.caseId, decisionNo: p.decisionNo, count: 1 };
  const base = { entityId: p.entityId, note: p.reason, data, actorId: actor?.userId ?? null };
  await insertEvent(tx, {
    ...base,
    subjectType: 'batch',
    subjectId: made.batchId,
    action: 'propose',
    from: null,
    to: 'proposed',
  });
  await insertEvent(tx, {
    ...base,
    subjectType: 'listing',
    subjectId: made.listingId,
    action: 'propose',
    from: null,
    to: listingTransitions.propose.to,
  });
  await appendAudit(tx, actor, {
    action: 'credit.batch.propose',
    targetType: 'credit-batch',
    targetId: made.batchId,
    detail: { from: null, to: 'proposed', entityId: p.entityId, ground: SERIOUS_PENALTY_GROUND, ...data },
  });
  return made;
}

/**
 * The penalty decision that proposed an entity for the serious list was changed, revoked or annulled: a proposal
 * still awaiting the credit decision is discarded (不予列入) with the reason. A listing already decided stays: it is
 * removed through the credit workflow (its own decision document).
 */
export async function discardSeriousProposalsOfCase(
  tx: Queryable,
  actor: AuditActor | null,
  p: { caseId: number; reason: string },
): Promise<number[]> {
  const batches = await proposedBatchesOfCase(tx, SERIOUS_PENALTY_GROUND, p.caseId);
  for (const b of batches) {
    const moved = await decideBatch(
      tx,
      { id: b.id, version: b.version },
      { status: batchTransitions.discard.to, reason: p.reason, decidedBy: actor?.userId ?? null },
    );
    if (!moved) continue;
    const listings = await settleBatchListings(tx, b.id, 'discarded', { reason: p.reason });
    await insertBatchListingEvents(
      tx,
      listings.map((l) => l.id),
      {
        action: 'discard',
        from: 'proposed',
        to: listingTransitions.discard.to,
        actorId: actor?.userId ?? null,
      },
    );
    const data = { caseId: p.caseId };
    await insertEvent(tx, {
      subjectType: 'batch',
      subjectId: b.id,
      entityId: null,
      action: 'discard',
      from: 'proposed',
      to: batchTransitions.discard.to,
      note: p.reason,
      data,
      actorId: actor?.userId ?? null,
    });
    await appendAudit(tx, actor, {
      action: 'credit.batch.discard',
      targetType: 'credit-batch',
      targetId: b.id,
      detail: { from: 'proposed', to: batchTransitions.discard.to, ...data },
    });
  }
  return batches.map((b) => b.id);
}
