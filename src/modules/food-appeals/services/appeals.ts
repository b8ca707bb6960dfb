import type { z } from 'zod';
import {
  annualGrades,
  dynamicGrades,
  type TAppealDecisionBody,
  type ZAppealQuery,
} from '../../../contracts/food-appeals.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { appealDeadline } from '../../../domain/food-appeal-deadline.ts';
import { type AppealAction, appealStatusLabels, appealWorkflow } from '../../../domain/food-appeals.ts';
import { addWorkingDays } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, conflict, notFound, validation } from '../../../platform/errors.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import { foodBusinessKind } from '../../food/access.ts';
import { businessRowReach } from '../access.ts';
import * as appeals from '../repos/appeals.ts';
import * as grades from '../repos/grades.ts';
import { toAppeal } from '../view.ts';
import type { Channel, Ctx } from './deps.ts';

const MAX_FILES = 5;
const outcomeStatus = { uphold: 'upheld', change: 'changed', withdrawGrade: 'gradeWithdrawn' } as const;

/** 申诉: lodged on the portal or on paper within the period, decided by someone who did not give the grade. */
export function createAppealService(ctx: Ctx) {
  const { db, policy } = ctx;
  const days = policy.FOOD_APPEAL_DAYS;

  async function view(id: number) {
    return toAppeal((await appeals.getAppeal(db, id))!, await ctx.calendar(), days);
  }

  /** Both channels: the grade is the business's current one and the appeal arrived within the period. */
  async function submit(
    by: Channel,
    p: {
      businessId: number;
      gradeId: number;
      grounds: string;
      receivedOn: string;
      contactName?: string;
      contactPhone?: string;
    },
  ) {
    const field = by.channel === 'paper' ? 'receivedOn' : 'gradeId';
    const grade = await grades.getGrade(db, p.gradeId);
    if (!grade || grade.businessId !== p.businessId) throw validation('gradeId', '该等级不属于本经营者');
    if (grade.status !== 'current') throw validation('gradeId', '该等级已被取代或撤销，不能再申诉');
    const cal = await ctx.calendar();
    const until = appealDeadline(cal, grade.gradedOn, days);
    if (p.receivedOn > ctx.today()) throw validation('receivedOn', '收到申诉的日期不能晚于今天');
    if (p.receivedOn < grade.gradedOn)
      throw validation('receivedOn', `收到申诉的日期不能早于评定日期 ${grade.gradedOn}`);
    if (p.receivedOn > until)
      throw validation(field, `已超过申诉期限：等级评定于 ${grade.gradedOn}，申诉截止 ${until}（${days} 日）`);
    allowTransition(appealWorkflow, 'submit', null, appealStatusLabels, { grounds: p.grounds });
    const dueOn = addWorkingDays(cal, p.receivedOn, policy.FOOD_APPEAL_DECISION_WORKING_DAYS).date;
    try {
      const id = await db.transaction(async (tx) => {
        let newId = 0;
        await recordTransition(tx, by.audit, {
          change: async () => {
            newId = await appeals.insertAppeal(tx, { ...p, channel: by.channel, dueOn, recordedBy: by.recordedBy });
            return true;
          },
          event: () =>
            appeals.insertEvent(tx, {
              subject: 'appeal',
              subjectId: newId,
              action: 'submit',
              from: null,
              to: 'pending',
              actorId: by.recordedBy,
            }),
          audit: {
            action: 'food.appeal.submit',
            targetType: 'food_grade',
            targetId: p.gradeId,
            detail: { channel: by.channel, businessId: p.businessId, gradeId: p.gradeId, dueOn },
          },
        });
        return newId;
      });
      return view(id);
    } catch (err) {
      if (isUniqueViolation(err))
        throw conflict('该等级已提出过申诉', [{ path: 'gradeId', message: '每个等级只能申诉一次' }]);
      throw err;
    }
  }

  /** Evidence for a pending appeal (at most MAX_FILES), stored in the business's station. */
  async function attach(by: Channel, appealId: number, businessId: number | null, file: ReceivedFile) {
    const row = await appeals.getAppeal(db, appealId);
    if (!row || (businessId !== null && row.businessId !== businessId)) throw notFound('申诉');
    if (row.status !== 'pending') throw new AppError('INVALID_STATE', '申诉已决定，不能再补充材料');
    if (row.fileIds.length >= MAX_FILES) throw validation('file', `每件申诉最多 ${MAX_FILES} 个附件`);
    await db.transaction(async (tx) => {
      const stored = await ctx.files.store(
        tx,
        file,
        { purpose: 'food-appeal-evidence', ownerUnitId: row.stationId, createdBy: by.recordedBy },
        'file',
      );
      await appeals.addAppealFiles(tx, appealId, [stored.id]);
      await appendAudit(tx, by.audit, {
        action: 'food.appeal.attach',
        targetType: 'food_grade_appeal',
        targetId: appealId,
        detail: { fileId: stored.id, sha256: stored.sha256 },
      });
    });
    return view(appealId);
  }

  return {
    submit,
    attach,

    /** Staff add evidence to an appeal in their reach (a paper appeal's enclosures). */
    async attachAsStaff(actor: Actor, id: number, file: ReceivedFile) {
      assertWritable(actor, foodBusinessKind, await appeals.getAppeal(db, id), businessRowReach);
      return attach({ channel: 'paper', audit: actor, recordedBy: actor.userId }, id, null, file);
    },

    async list(actor: Actor, q: z.infer<typeof ZAppealQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const after = decodeCursor(q.cursor)?.[0] as number | undefined;
      const rows = await appeals.listAppeals(db, actor, { ...q, after, limit: q.limit });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      const cal = await ctx.calendar();
      return { items: page.items.map((r) => toAppeal(r, cal, days)), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: number) {
      const row = assertReadable(actor, foodBusinessKind, await appeals.getAppeal(db, id), businessRowReach);
      return toAppeal(row, await ctx.calendar(), days);
    },

    /** 纸质申诉 recorded by staff for the business (the grade's business must be within their reach). */
    async recordPaper(
      actor: Actor,
      body: { gradeId: number; grounds: string; receivedOn: string; contactName?: string; contactPhone?: string },
    ) {
      const grade = await grades.getGrade(db, body.gradeId);
      if (!grade) throw validation('gradeId', '等级不存在');
      assertPlaceable(actor, foodBusinessKind, grade.stationId);
      return submit(
        { channel: 'paper', audit: actor, recordedBy: actor.userId },
        { ...body, businessId: grade.businessId },
      );
    },

    async decide(actor: Actor, id: number, body: TAppealDecisionBody) {
      const row = assertWritable(actor, foodBusinessKind, await appeals.getAppeal(db, id), businessRowReach);
      const action: AppealAction = body.outcome;
      allowTransition(appealWorkflow, action, row.status, appealStatusLabels, {
        reason: body.reason,
        grade: body.grade,
      });
      const inspectors = await grades.gradeInspectorUserIds(db, row.gradeId);
      if (inspectors.includes(actor.userId))
        throw new AppError('FORBIDDEN', '作出该等级的检查人员应当回避，不能决定本申诉', [
          { path: 'decidedBy', message: '决定人须为该等级检查人员以外的人员' },
        ]);
      const grade = (await grades.getGrade(db, row.gradeId))!;
      if (action !== 'uphold' && grade.status !== 'current')
        throw new AppError('INVALID_STATE', '该等级已被新的等级取代，只能维持', [
          { path: 'outcome', message: '原等级已不是现行等级' },
        ]);
      if (action === 'change') {
        const allowed: readonly string[] = grade.kind === 'dynamic' ? dynamicGrades : annualGrades;
        if (!allowed.includes(body.grade!)) throw validation('grade', '变更后的等级与原等级种类不符');
        if (body.grade === grade.grade) throw validation('grade', '变更后的等级与原等级相同，请选择“维持原等级”');
      }
      const to = outcomeStatus[action];
      const today = ctx.today();
      await db.transaction(async (tx) => {
        await recordTransition(tx, actor, {
          change: async () => {
            const claimed = await appeals.decideAppeal(
              tx,
              { id, version: body.version },
              { status: to, reason: body.reason, newGradeId: null, by: actor.userId },
            );
            if (!claimed) return false;
            if (action === 'change') {
              const newGradeId = await grades.supersedeGrade(tx, grade, {
                grade: body.grade!,
                on: today,
                by: actor.userId,
              });
              await appeals.setNewGrade(tx, id, newGradeId);
            }
            if (action === 'withdrawGrade') await grades.withdrawGrade(tx, grade.id, today);
            return true;
          },
          event: () =>
            appeals.insertEvent(tx, {
              subject: 'appeal',
              subjectId: id,
              action,
              from: 'pending',
              to,
              actorId: actor.userId,
              note: body.reason,
            }),
          audit: {
            action: `food.appeal.${action}`,
            targetType: 'food_grade_appeal',
            targetId: id,
            detail: { gradeId: grade.id, from: grade.grade, to: body.grade ?? null },
          },
        });
      });
      return view(id);
    },
  };
}

export type AppealService = ReturnType<typeof createAppealService>;
