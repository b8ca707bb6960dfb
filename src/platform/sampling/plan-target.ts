import type { Db, Queryable } from '../../db/client.ts';
import { assertWritable, type ResourceKind, type RowReach } from '../access.ts';
import type { Actor } from '../actor.ts';
import { appendAudit } from '../audit.ts';

/** A plan's target batches (目标批次), as both sampling modules change it: writable plan, one audited update. */
export async function setPlanTarget<R>(
  db: Db,
  actor: Actor,
  plan: {
    /** Audit subject: `foodSamplingPlan` → `foodSamplingPlan.target`. */
    subject: string;
    kind: ResourceKind;
    reach: (r: R) => RowReach;
    repo: {
      getPlan(db: Queryable, id: number): Promise<R | undefined>;
      setTarget(tx: Queryable, id: number, targetBatches: number): Promise<void>;
    };
  },
  id: number,
  targetBatches: number,
): Promise<R> {
  assertWritable(actor, plan.kind, await plan.repo.getPlan(db, id), plan.reach);
  await db.transaction(async (tx) => {
    await plan.repo.setTarget(tx, id, targetBatches);
    await appendAudit(tx, actor, {
      action: `${plan.subject}.target`,
      targetType: plan.subject,
      targetId: id,
      detail: { targetBatches },
    });
  });
  return (await plan.repo.getPlan(db, id))!;
}
