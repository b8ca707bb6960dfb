import type { Db } from '../../../db/client.ts';
import { createAppealService } from './appeals.ts';
import { type FoodAppealDeps, makeCtx } from './deps.ts';
import { createFoodPortalService } from './portal.ts';
import { createReplyService } from './replies.ts';
import { createRevisitService } from './revisits.ts';

/** 申诉、答复与复评: the four services, sharing the calendar, the policy and the clock. */
export function createFoodAppealServices(db: Db, deps: FoodAppealDeps) {
  const ctx = makeCtx(db, deps);
  const appeals = createAppealService(ctx);
  const replies = createReplyService(ctx);
  const revisits = createRevisitService(ctx);
  return { appeals, replies, revisits, portal: createFoodPortalService(ctx, { appeals, replies, revisits }) };
}
