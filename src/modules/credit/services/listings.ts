import type { z } from 'zod';
import type { TListing, ZDiscardBody, ZListingQuery } from '../../../contracts/credit.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { listingStatusLabels, listingTransitions } from '../../../domain/credit-workflow.ts';
import { assertWritable, readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { listingKind, listingReach } from '../access.ts';
import { decrementBatchCount } from '../repos/batches.ts';
import * as repo from '../repos/listings.ts';
import { toListing } from '../view.ts';
import { createListingExport } from './listing-export.ts';
import { allowCredit, recordCreditTransition } from './transitions.ts';

/** 名录记录: the abnormal list and the serious list, row by row. */
export function createListingService(db: Db) {
  return {
    ...createListingExport(db),
    /** A listing the caller may act on (credit repair is applied for on one), else 403/404. */
    async writable(actor: Actor, id: number) {
      return assertWritable(actor, listingKind, await repo.findListing(db, id), listingReach);
    },

    /** A reviewer takes one entity out of a proposed batch before approving the rest. */
    async discard(actor: Actor, id: number, body: z.infer<typeof ZDiscardBody>): Promise<TListing> {
      const row = assertWritable(actor, listingKind, await repo.findListing(db, id), listingReach);
      const t = allowCredit(listingTransitions, 'discard', row.status, listingStatusLabels);
      await db.transaction(async (tx) => {
        const move = { subject: 'listing', action: 'discard', from: row.status, to: t.to } as const;
        await recordCreditTransition(tx, actor, move, { id, entityId: row.entityId, note: body.reason }, () =>
          repo.updateListing(tx, { id, version: body.version }, { status: t.to, reason: body.reason }),
        );
        if (row.batchId) await decrementBatchCount(tx, row.batchId);
      });
      return toListing((await repo.findListing(db, id))!);
    },

    async list(actor: Actor, q: z.infer<typeof ZListingQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const scope = readable(actor, listingKind);
      const rows = await repo.listListings(db, scope, { ...q, beforeId }, q.limit + 1);
      return keysetPage(rows.map(toListing), q.limit, (r) => [r.id]);
    },
  };
}

export type ListingService = ReturnType<typeof createListingService>;
