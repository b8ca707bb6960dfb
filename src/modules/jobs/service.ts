import type { z } from 'zod';
import type { ZJobListQuery } from '../../contracts/jobs.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { decodeCursor, keysetPage, type Where } from '../../db/sql.ts';
import { canRead, readableWhere } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { jobReach, jobResource } from './access.ts';
import * as repo from './repo.ts';
import { toJob } from './view.ts';

export function createJobService(db: Db) {
  return {
    /** Enqueue inside the caller's transaction when given, so the job exists only if the write commits. */
    enqueue: (input: repo.EnqueueInput, tx: Queryable = db) => repo.enqueue(tx, input),

    async list(actor: Actor, q: z.infer<typeof ZJobListQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const readable = (w: Where) => readableWhere(actor, jobResource, w);
      const rows = await repo.listJobs(db, readable, { ...q, beforeId, limit: q.limit + 1 });
      return keysetPage(rows, q.limit, (r) => [r.id]);
    },

    /**
     * Whoever started a job follows it; anyone else needs jobs:read and the job in their scope. Both failures
     * answer 404, as the route needs no permission: a job id must not reveal that it exists.
     */
    async get(actor: Actor, id: number) {
      const job = await repo.findJob(db, id);
      const reach = job && jobReach(job, actor.userId);
      const visible =
        reach && (reach.participant || (actor.permissions.has(jobResource.read) && canRead(actor, reach)));
      if (!job || !visible) throw notFound(jobResource.label);
      return toJob(job);
    },
  };
}

export type JobService = ReturnType<typeof createJobService>;
