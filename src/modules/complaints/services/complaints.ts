import type { z } from 'zod';
import type { TComplaintDetail, ZComplaintListQuery } from '../../../contracts/complaints.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { complaintRuleSets } from '../../../domain/complaint-rules.ts';
import { shanghaiToday } from '../../../domain/deadlines.ts';
import { assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { complaintKind, complaintReach } from '../access.ts';
import { linksOf } from '../repos/analysis.ts';
import { attachmentsOf } from '../repos/attachments.ts';
import * as repo from '../repos/complaints.ts';
import { handlingUnits, listCategories } from '../repos/reference.ts';
import { deadlinesOf, eventsOf } from '../repos/timeline.ts';
import { toDetail, toSummary } from '../view.ts';
import { createComplaintExport } from './export.ts';
import { complaintFilter } from './filter.ts';
import { type ComplaintDeps, createIntake } from './intake.ts';

export type { ComplaintDeps, IntakeInput } from './intake.ts';

/** The queue and the item: intake, list, detail, and the reach every other use case starts from. */
export function createComplaintService(db: Db, deps: ComplaintDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  /** An item the caller may read (403 without complaint:read, 404 when missing or out of reach). */
  async function readable(actor: Actor, id: number): Promise<repo.ComplaintRecord> {
    return assertReadable(actor, complaintKind, await repo.findComplaint(db, id), complaintReach);
  }

  /** An item the caller may handle (403 without complaint:write, 404 when missing or out of reach). */
  async function writable(actor: Actor, id: number): Promise<repo.ComplaintRecord> {
    return assertWritable(actor, complaintKind, await repo.findComplaint(db, id), complaintReach);
  }

  return {
    ...createIntake(db, deps),
    ...createComplaintExport(db, today),

    async get(actor: Actor, id: number): Promise<TComplaintDetail> {
      const row = await readable(actor, id);
      const [deadlines, events, attachments] = await Promise.all([
        deadlinesOf(db, id),
        eventsOf(db, id),
        attachmentsOf(db, id),
      ]);
      return { ...toDetail(actor, row, deadlines, events, today()), attachments };
    },

    async list(actor: Actor, q: z.infer<typeof ZComplaintListQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const now = today();
      const rows = await repo.listComplaints(db, actor, { ...complaintFilter(actor, q, now), beforeId }, q.limit + 1);
      return keysetPage(
        rows.map((r) => toSummary(r, now)),
        q.limit,
        (r) => [r.id],
      );
    },

    /** Items linked to one the caller may read (suspected duplicates), themselves only those the caller may read. */
    async related(actor: Actor, id: number) {
      await readable(actor, id);
      return linksOf(db, actor, id);
    },

    categories: () => listCategories(db),
    /** Where an item can be transferred to: the stations and the 12315 centre. */
    stations: () => handlingUnits(db),
    ruleSets: () => [...complaintRuleSets],
    readable,
    writable,
    today,
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
