import type { z } from 'zod';
import type { ZJobListQuery } from '../../contracts/jobs.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { decodeCursor, keysetPage } from '../../db/sql.ts';
import { type Actor, canReachUnit, scopeUnitPath } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import * as repo from './repo.ts';

export function createJobService(db: Db) {
  return {
    /** Enqueue inside the caller's transaction when given, so the job exists only if the write commits. */
    enqueue: (input: repo.EnqueueInput, tx: Queryable = db) => repo.enqueue(tx, input),

    async list(actor: Actor, q: z.infer<typeof ZJobListQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const rows = await repo.listJobs(db, {
        ...q,
        beforeId,
        unitPath: actor.dataScope === 'unit_and_below' ? scopeUnitPath(actor) : null,
        createdBy: actor.dataScope === 'self' ? actor.userId : null,
        limit: q.limit + 1,
      });
      return keysetPage(rows, q.limit, (r) => [r.id]);
    },

    async get(actor: Actor, id: number) {
      const job = await repo.findJob(db, id);
      const visible =
        job &&
        (actor.dataScope === 'all' ||
          job.createdBy === actor.userId ||
          (actor.dataScope === 'unit_and_below' && job.unitPath !== null && canReachUnit(actor, job.unitPath)));
      if (!job || !visible) throw notFound('后台任务');
      const { unitPath: _, ...rest } = job;
      return rest;
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
