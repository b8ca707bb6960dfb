import type { z } from 'zod';
import type { ZRevisitQuery } from '../../../contracts/food-appeals.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { addMonths, revisitStatusLabels, revisitWorkflow } from '../../../domain/food-appeals.ts';
import { addWorkingDays } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import { foodBusinessKind } from '../../food/access.ts';
import { businessRowReach } from '../access.ts';
import { insertEvent } from '../repos/appeals.ts';
import { businessReach } from '../repos/codes.ts';
import * as revisits from '../repos/revisits.ts';
import { toRevisit } from '../view.ts';
import type { Channel, Ctx } from './deps.ts';

/** 复评申请: at most one per interval; accepted → a planned re-visit (food_inspections kind revisit). */
export function createRevisitService(ctx: Ctx) {
  const { db, policy } = ctx;
  const months = policy.FOOD_REVISIT_INTERVAL_MONTHS;
  const view = async (id: number) => toRevisit((await revisits.getRevisit(db, id))!);

  /** The first day a new request counts (today when none was made within the interval). */
  async function allowedFrom(businessId: number, today: string): Promise<string> {
    const last = await revisits.lastCountingRequest(db, businessId);
    const next = last ? addMonths(last, months) : today;
    return next > today ? next : today;
  }

  async function request(by: Channel, p: { businessId: number; reason: string; requestedOn: string }) {
    const today = ctx.today();
    if (p.requestedOn > today) throw validation('requestedOn', '申请日期不能晚于今天');
    const last = await revisits.lastCountingRequest(db, p.businessId);
    if (last && addMonths(last, months) > p.requestedOn)
      throw validation(
        'requestedOn',
        `${months} 个月内只能申请一次复评：上次申请于 ${last}，${addMonths(last, months)} 起可再次申请`,
      );
    allowTransition(revisitWorkflow, 'request', null, revisitStatusLabels, { reason: p.reason });
    const dueOn = addWorkingDays(await ctx.calendar(), p.requestedOn, policy.FOOD_REVISIT_DECISION_WORKING_DAYS).date;
    try {
      const id = await db.transaction(async (tx) => {
        let newId = 0;
        await recordTransition(tx, by.audit, {
          change: async () => {
            newId = await revisits.insertRevisit(tx, { ...p, channel: by.channel, dueOn, recordedBy: by.recordedBy });
            return true;
          },
          event: () =>
            insertEvent(tx, {
              subject: 'revisit',
              subjectId: newId,
              action: 'request',
              from: null,
              to: 'requested',
              actorId: by.recordedBy,
            }),
          audit: {
            action: 'food.revisit.request',
            targetType: 'food_business',
            targetId: p.businessId,
            detail: { channel: by.channel, requestedOn: p.requestedOn, dueOn },
          },
        });
        return newId;
      });
      return view(id);
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('已有待受理的复评申请', [{ path: 'requestedOn', message: '请等待上一次申请处理完毕' }]);
      throw err;
    }
  }

  return {
    request,
    allowedFrom,

    async recordPaper(actor: Actor, businessId: number, body: { reason: string; requestedOn: string }) {
      const business = await businessReach(db, businessId);
      if (!business) throw notFound('食品经营者');
      assertWritable(actor, foodBusinessKind, business, businessRowReach);
      assertPlaceable(actor, foodBusinessKind, business.stationId);
      return request({ channel: 'paper', audit: actor, recordedBy: actor.userId }, { ...body, businessId });
    },

    async list(actor: Actor, q: z.infer<typeof ZRevisitQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const after = decodeCursor(q.cursor)?.[0] as number | undefined;
      const rows = await revisits.listRevisits(db, actor, { ...q, after, limit: q.limit });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toRevisit), nextCursor: page.nextCursor };
    },

    async decide(
      actor: Actor,
      id: number,
      body: { decision: 'accept' | 'reject'; reason?: string; plannedOn?: string; version: number },
    ) {
      const row = assertWritable(actor, foodBusinessKind, await revisits.getRevisit(db, id), businessRowReach);
      allowTransition(revisitWorkflow, body.decision, row.status, revisitStatusLabels, { reason: body.reason });
      const today = ctx.today();
      const latest = addWorkingDays(await ctx.calendar(), today, policy.FOOD_REVISIT_PLAN_WORKING_DAYS).date;
      const plannedOn = body.plannedOn ?? latest;
      if (body.decision === 'accept' && (plannedOn < today || plannedOn > latest))
        throw validation('plannedOn', `复评检查日期应在 ${today} 至 ${latest} 之间`);
      const to = body.decision === 'accept' ? 'accepted' : 'rejected';
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: async () => {
            const inspectionId =
              to === 'accepted'
                ? await revisits.planRevisitInspection(tx, {
                    businessId: row.businessId,
                    stationId: row.stationId,
                    plannedOn,
                    by: actor.userId,
                  })
                : null;
            return revisits.decideRevisit(
              tx,
              { id, version: body.version },
              { status: to, reason: to === 'rejected' ? body.reason! : null, inspectionId, by: actor.userId },
            );
          },
          event: () =>
            insertEvent(tx, {
              subject: 'revisit',
              subjectId: id,
              action: body.decision,
              from: 'requested',
              to,
              actorId: actor.userId,
              note: body.reason ?? null,
            }),
          audit: {
            action: `food.revisit.${body.decision}`,
            targetType: 'food_revisit_request',
            targetId: id,
            detail: { businessId: row.businessId, plannedOn: to === 'accepted' ? plannedOn : null },
          },
        }),
      );
      return view(id);
    },
  };
}

export type RevisitService = ReturnType<typeof createRevisitService>;
