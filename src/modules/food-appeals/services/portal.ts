import type { TGradeNotes, TPortalBusiness } from '../../../contracts/food-appeals.ts';
import { addDays } from '../../../domain/food-appeals.ts';
import { assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { notFound } from '../../../platform/errors.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import { foodBusinessKind } from '../../food/access.ts';
import { businessRowReach } from '../access.ts';
import * as appeals from '../repos/appeals.ts';
import * as codes from '../repos/codes.ts';
import * as grades from '../repos/grades.ts';
import * as replies from '../repos/replies.ts';
import * as revisits from '../repos/revisits.ts';
import { toAppeal, toGradeSummary, toReply, toRevisit } from '../view.ts';
import { hashAccessCode, looksLikeAccessCode, newAccessCode, wrongAccessCode } from './access-code.ts';
import type { AppealService } from './appeals.ts';
import { type Ctx, portalActor } from './deps.ts';
import type { ReplyService } from './replies.ts';
import type { RevisitService } from './revisits.ts';

const wrongCode = () => wrongAccessCode('检查结果告知书上的访问码');

/**
 * The business on the portal, with the access code printed on its grade notice (no login), and staff issuing that
 * code. The code travels in the request body only (never a URL, so never a log line); the routes rate-limit per client.
 */
export function createFoodPortalService(
  ctx: Ctx,
  deps: { appeals: AppealService; replies: ReplyService; revisits: RevisitService },
) {
  const { db, policy } = ctx;

  async function business(accessCode: string) {
    if (!looksLikeAccessCode(accessCode)) throw wrongCode();
    const found = await codes.businessByCodeHash(db, hashAccessCode(accessCode));
    if (!found) throw wrongCode();
    return found;
  }

  return {
    /** Staff: a new code for the business (shown once, to print on the notice); the old one stops working. */
    async issueCode(actor: Actor, businessId: number) {
      const row = assertWritable(actor, foodBusinessKind, await codes.businessReach(db, businessId), businessRowReach);
      const code = newAccessCode();
      const issuedAt = await db.transaction(async (tx) => {
        const at = await codes.upsertCode(tx, row.id, hashAccessCode(code), actor.userId);
        await appendAudit(tx, actor, {
          action: 'food.accessCode.issue',
          targetType: 'food_business',
          targetId: row.id,
        });
        return at;
      });
      return { businessId: row.id, code, issuedAt };
    },

    async overview(accessCode: string): Promise<TPortalBusiness> {
      const b = await business(accessCode);
      const today = ctx.today();
      const cal = await ctx.calendar();
      const days = policy.FOOD_APPEAL_DAYS;
      const [gradeRows, appealRows, replyRows, revisitRows, allowedFrom] = await Promise.all([
        grades.gradesOfBusiness(db, b.businessId, addDays(today, -400)),
        appeals.appealsOfBusiness(db, b.businessId),
        replies.repliesOfBusiness(db, b.businessId),
        revisits.revisitsOfBusiness(db, b.businessId),
        deps.revisits.allowedFrom(b.businessId, today),
      ]);
      return {
        businessId: b.businessId,
        entityName: b.entityName,
        grades: gradeRows.map((g) => toGradeSummary(g, cal, days)),
        appeals: appealRows.map((r) => toAppeal(r, cal, days)),
        replies: replyRows.map((r) => toReply(r, cal, days)),
        revisits: revisitRows.map(toRevisit),
        revisitAllowedFrom: allowedFrom,
      };
    },

    async appeal(
      body: { accessCode: string; gradeId: number; grounds: string; contactName?: string; contactPhone?: string },
      ip: string | null,
    ) {
      const b = await business(body.accessCode);
      const { accessCode: _, ...rest } = body;
      return deps.appeals.submit(
        { channel: 'portal', audit: portalActor(ip), recordedBy: null },
        { ...rest, businessId: b.businessId, receivedOn: ctx.today() },
      );
    },

    async attach(accessCode: string, appealId: number, file: ReceivedFile, ip: string | null) {
      const b = await business(accessCode);
      return deps.appeals.attach(
        { channel: 'portal', audit: portalActor(ip), recordedBy: null },
        appealId,
        b.businessId,
        file,
      );
    },

    async reply(body: { accessCode: string; gradeId: number; body: string }, ip: string | null) {
      const b = await business(body.accessCode);
      return deps.replies.submit(
        { channel: 'portal', audit: portalActor(ip), recordedBy: null },
        { businessId: b.businessId, gradeId: body.gradeId, body: body.body },
      );
    },

    async revisit(body: { accessCode: string; reason: string }, ip: string | null) {
      const b = await business(body.accessCode);
      return deps.revisits.request(
        { channel: 'portal', audit: portalActor(ip), recordedBy: null },
        { businessId: b.businessId, reason: body.reason, requestedOn: ctx.today() },
      );
    },

    /** Public: what the portal shows beside a business's grades (appeal outcomes, published replies). */
    async gradeNotes(businessId: number): Promise<TGradeNotes> {
      const exists = await codes.businessReach(db, businessId);
      if (!exists) throw notFound('食品经营者');
      const [a, r] = await Promise.all([
        appeals.publicAppeals(db, businessId),
        replies.publishedReplies(db, businessId),
      ]);
      return {
        businessId,
        appeals: a.map((x) => ({ ...x, newGrade: x.newGrade as TGradeNotes['appeals'][number]['newGrade'] })),
        replies: r,
      };
    },
  };
}

export type FoodPortalService = ReturnType<typeof createFoodPortalService>;
