import type { Db } from '../../../db/client.ts';
import { type AuditActor, appendAuditRows } from '../../../platform/audit.ts';
import { type BatchedIntake, type InsertedIntake, insertIntakeBatch } from '../repos/intake.ts';

export interface IntakeJob extends BatchedIntake {
  actor: AuditActor | null;
  auditDetail: Record<string, unknown>;
}

interface Waiting {
  job: IntakeJob;
  resolve: (r: InsertedIntake | null) => void;
  reject: (err: unknown) => void;
}

const MAX_BATCH = 200;

/**
 * Group commit for intake. Every audited write holds the audit chain's lock until its COMMIT has reached the
 * disk, so one submission per transaction means one WAL flush at a time for the whole system (measured by
 * the bench scenario `intake`: a few hundred a second here). Submissions that arrive while a batch is being
 * written wait and go together in the next one: one transaction, one lock, one flush, each item still with
 * its clocks, event and audit row in the same transaction. With no queue a submission goes at once.
 * A failed batch rejects all its jobs; the caller then writes each on its own, to give each its own answer.
 */
export function createIntakeBatcher(db: Db) {
  let queue: Waiting[] = [];
  let writing = false;

  async function drain() {
    writing = true;
    while (queue.length > 0) {
      const batch = queue.slice(0, MAX_BATCH);
      queue = queue.slice(batch.length);
      try {
        const results = await db.transaction(async (tx) => {
          const inserted = await insertIntakeBatch(
            tx,
            batch.map((w) => w.job),
          );
          await appendAuditRows(
            tx,
            batch.flatMap((w, i) => {
              const item = inserted[i];
              if (!item) return [];
              const input = {
                action: 'complaint.intake',
                targetType: 'complaint',
                targetId: item.id,
                detail: { kind: item.kind, ...w.job.auditDetail },
              };
              return [{ actor: w.job.actor, input }];
            }),
          );
          return inserted;
        });
        for (const [i, w] of batch.entries()) w.resolve(results[i] ?? null);
      } catch (err) {
        for (const w of batch) w.reject(err);
      }
    }
    writing = false;
  }

  return (job: IntakeJob): Promise<InsertedIntake | null> =>
    new Promise((resolve, reject) => {
      queue.push({ job, resolve, reject });
      if (!writing) void drain();
    });
}
