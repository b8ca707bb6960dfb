import type { z } from 'zod';
import type { ZReplyQuery } from '../../../contracts/food-appeals.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { replyStatusLabels, replyWorkflow } from '../../../domain/food-appeals.ts';
import { addWorkingDays } from '../../../domain/working-days.ts';
import { assertPermitted, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { conflict, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import { foodBusinessKind } from '../../food/access.ts';
import { businessRowReach } from '../access.ts';
import { insertEvent } from '../repos/appeals.ts';
import * as grades from '../repos/grades.ts';
import * as replies from '../repos/replies.ts';
import { toReply } from '../view.ts';
import type { Channel, Ctx } from './deps.ts';

/** 答复: the business's short text beside its current grade, published once staff have read it. */
export function createReplyService(ctx: Ctx) {
  const { db, policy } = ctx;
  const view = async (id: number) =>
    toReply((await replies.getReply(db, id))!, await ctx.calendar(), policy.FOOD_APPEAL_DAYS);

  return {
    async submit(by: Channel, p: { businessId: number; gradeId: number; body: string }) {
      const grade = await grades.getGrade(db, p.gradeId);
      if (!grade || grade.businessId !== p.businessId) throw validation('gradeId', '该等级不属于本经营者');
      if (grade.status !== 'current') throw validation('gradeId', '只能对现行等级提交答复');
      allowTransition(replyWorkflow, 'submit', null, replyStatusLabels, { body: p.body });
      const reviewDueOn = addWorkingDays(await ctx.calendar(), ctx.today(), policy.FOOD_REPLY_REVIEW_WORKING_DAYS).date;
      try {
        const id = await db.transaction(async (tx) => {
          let newId = 0;
          await recordTransition(tx, by.audit, {
            change: async () => {
              newId = await replies.insertReply(tx, { ...p, channel: by.channel, reviewDueOn });
              return true;
            },
            event: () =>
              insertEvent(tx, {
                subject: 'reply',
                subjectId: newId,
                action: 'submit',
                from: null,
                to: 'submitted',
                actorId: by.recordedBy,
              }),
            audit: {
              action: 'food.reply.submit',
              targetType: 'food_grade',
              targetId: p.gradeId,
              detail: { channel: by.channel, businessId: p.businessId, reviewDueOn },
            },
          });
          return newId;
        });
        return view(id);
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('该等级已有待审核的答复', [{ path: 'gradeId', message: '请等待上一条答复审核完毕' }]);
        throw err;
      }
    },

    async list(actor: Actor, q: z.infer<typeof ZReplyQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const after = decodeCursor(q.cursor)?.[0] as number | undefined;
      const rows = await replies.listReplies(db, actor, { ...q, after, limit: q.limit });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      const cal = await ctx.calendar();
      return {
        items: page.items.map((r) => toReply(r, cal, policy.FOOD_APPEAL_DAYS)),
        nextCursor: page.nextCursor,
      };
    },

    async review(actor: Actor, id: number, body: { decision: 'publish' | 'reject'; reason?: string; version: number }) {
      const row = assertWritable(actor, foodBusinessKind, await replies.getReply(db, id), businessRowReach);
      allowTransition(replyWorkflow, body.decision, row.status, replyStatusLabels, { reason: body.reason });
      const to = body.decision === 'publish' ? 'published' : 'rejected';
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () =>
            replies.reviewReply(
              tx,
              { id, version: body.version },
              { status: to, reason: to === 'rejected' ? body.reason! : null, by: actor.userId },
            ),
          event: () =>
            insertEvent(tx, {
              subject: 'reply',
              subjectId: id,
              action: body.decision,
              from: 'submitted',
              to,
              actorId: actor.userId,
              note: body.reason ?? null,
            }),
          audit: {
            action: `food.reply.${body.decision}`,
            targetType: 'food_grade_reply',
            targetId: id,
            detail: { gradeId: row.gradeId, reason: body.reason ?? null },
          },
        }),
      );
      return view(id);
    },
  };
}

export type ReplyService = ReturnType<typeof createReplyService>;
