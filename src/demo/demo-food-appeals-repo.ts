import type { Db, Queryable } from '../db/client.ts';
import { addDays, defaultFoodAppealPolicy as policy } from '../domain/food-appeals.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../domain/working-days.ts';
import { hashAccessCode } from '../modules/food-appeals/services/access-code.ts';

/** Printed access codes of the demo businesses (the portal page 经营者服务 opens with them). */
export const demoAccessCodes = ['SJ00-0000-0001', 'SJ00-0000-0002', 'SJ00-0000-0003', 'SJ00-0000-0004'] as const;

interface Target {
  businessId: number;
  stationId: number;
  gradeId: number;
  grade: string;
  gradedOn: string;
}

/**
 * The appeals demo, after the food businesses (and, when the grade engine's demo ran first, its grades): four
 * catering businesses get printed access codes, then a pending appeal (its clock running), one upheld, one changed
 * (a new grade supersedes the old), a published and a submitted reply, a re-rating request waiting and one accepted
 * with its planned revisit. It uses the current dynamic grades it finds; where a business has none (no grade demo
 * loaded yet) it gives it a done inspection and a 一般 grade of its own, and says so in `createdGrades`.
 */
export async function loadDemoFoodAppeals(
  db: Db,
  p: { today: string; calendar: WorkingDayCalendar },
): Promise<{ appeals: number; replies: number; revisits: number; createdGrades: number; skipped: boolean }> {
  return db.transaction(async (tx) => {
    const businesses = await tx.query<{ id: number; stationId: number }>(
      `SELECT fb.id, fb.station_id AS "stationId" FROM food_businesses fb JOIN entities e ON e.id = fb.entity_id
        WHERE e.industry_code LIKE '62%' AND NOT EXISTS (SELECT 1 FROM food_grade_appeals a WHERE a.business_id = fb.id)
        ORDER BY fb.station_id, fb.id LIMIT 4`,
    );
    if (businesses.length < 4) return { appeals: 0, replies: 0, revisits: 0, createdGrades: 0, skipped: true };
    // Grade dates that put each appeal where the story needs it: two decided long ago, one pending now.
    const gradedOn = [addDays(p.today, -60), addDays(p.today, -45), addDays(p.today, -4), addDays(p.today, -20)];
    let createdGrades = 0;
    const targets: Target[] = [];
    for (const [i, b] of businesses.entries()) {
      const found = await currentGrade(tx, b.id);
      if (found) targets.push({ ...found, businessId: b.id, stationId: Number(b.stationId) });
      else {
        createdGrades++;
        targets.push(await createGrade(tx, { businessId: b.id, stationId: Number(b.stationId), on: gradedOn[i]! }));
      }
    }
    for (const [i, t] of targets.entries()) {
      await tx.query(
        `INSERT INTO food_access_codes (business_id, code_hash) VALUES ($1, $2)
         ON CONFLICT (business_id) DO UPDATE SET code_hash = EXCLUDED.code_hash`,
        [t.businessId, hashAccessCode(demoAccessCodes[i]!)],
      );
    }
    const [upheld, changed, pending, replied] = targets as [Target, Target, Target, Target];
    const received = (t: Target) => {
      // Two days after the grade (always within the period), or today for a grade given since.
      const on = addDays(t.gradedOn, 2);
      return [on, p.today].sort()[0]!;
    };
    const due = (on: string, n: number) => addWorkingDays(p.calendar, on, n).date;
    const appeal = async (t: Target, grounds: string) => {
      const on = received(t);
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO food_grade_appeals (business_id, grade_id, grounds, channel, received_on, due_on)
         VALUES ($1, $2, $3, 'portal', $4, $5) RETURNING id`,
        [t.businessId, t.gradeId, grounds, on, due(on, policy.FOOD_APPEAL_DECISION_WORKING_DAYS)],
      );
      await event(tx, 'appeal', row!.id, 'submit', null, 'pending');
      return { id: Number(row!.id), on };
    };
    const decider = await tx.query<{ id: number }>(`SELECT id FROM users WHERE username = 'admin'`);
    const by = decider[0]?.id ?? null;

    const a1 = await appeal(upheld, '检查当日正值午市高峰，部分问题已当场整改，认为评分偏低。');
    await tx.query(
      `UPDATE food_grade_appeals SET status = 'upheld', outcome_reason = $2, decided_by = $3,
         decided_at = ($4::date + 5)::timestamptz, version = 2 WHERE id = $1`,
      [a1.id, '经复核检查记录与现场照片，扣分项目认定无误，维持原等级。', by, a1.on],
    );
    await event(tx, 'appeal', a1.id, 'uphold', 'pending', 'upheld');

    const a2 = await appeal(changed, '冷藏柜温度计当日故障导致误判，已附维修单，请求复核。');
    // The old grade steps aside first: a business has one current grade of each kind.
    await tx.query(`UPDATE food_grades SET status = 'superseded', superseded_on = $2::date + 6 WHERE id = $1`, [
      changed.gradeId,
      a2.on,
    ]);
    const [ng] = await tx.query<{ id: number }>(
      `INSERT INTO food_grades (business_id, kind, grade, inspection_id, year, graded_on, status, created_by)
       SELECT business_id, kind, CASE grade WHEN 'fair' THEN 'good' WHEN 'good' THEN 'excellent' ELSE 'good' END,
              inspection_id, year, $2::date + 6, 'current', $3 FROM food_grades WHERE id = $1 RETURNING id`,
      [changed.gradeId, a2.on, by],
    );
    await tx.query('UPDATE food_grades SET superseded_by = $2 WHERE id = $1', [changed.gradeId, ng!.id]);
    await tx.query(
      `UPDATE food_grade_appeals SET status = 'changed', outcome_reason = $2, new_grade_id = $3, decided_by = $4,
         decided_at = ($5::date + 6)::timestamptz, version = 2 WHERE id = $1`,
      [a2.id, '温度计故障属实，相关扣分不成立，变更为上一档等级。', ng!.id, by, a2.on],
    );
    await event(tx, 'appeal', a2.id, 'change', 'pending', 'changed');

    await appeal(pending, '检查员认定的“餐具消毒记录不全”实际有纸质记录，请求复核。');

    const reply = async (businessId: number, gradeId: number, body: string, published: boolean) => {
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO food_grade_replies (business_id, grade_id, body, status, published_at, review_due_on)
         VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'published' THEN now() END, $5) RETURNING id`,
        [
          businessId,
          gradeId,
          body,
          published ? 'published' : 'submitted',
          due(p.today, policy.FOOD_REPLY_REVIEW_WORKING_DAYS),
        ],
      );
      await event(tx, 'reply', row!.id, 'submit', null, 'submitted');
      if (published) await event(tx, 'reply', row!.id, 'publish', 'submitted', 'published');
    };
    await reply(
      changed.businessId,
      Number(ng!.id),
      '感谢复核。我店已更换冷藏柜温度计并每日两次记录温度，欢迎监督。',
      true,
    );
    await reply(replied.businessId, replied.gradeId, '检查指出的防蝇设施问题已于次日整改完毕，已申请复评。', true);
    await reply(upheld.businessId, upheld.gradeId, '我店接受复核结果，将加强高峰时段的后厨管理。', false);

    const revisit = async (t: Target, on: string, accepted: boolean) => {
      const decisionDue = due(on, policy.FOOD_REVISIT_DECISION_WORKING_DAYS);
      let inspectionId: number | null = null;
      if (accepted) {
        const [fi] = await tx.query<{ id: number }>(
          `INSERT INTO food_inspections (business_id, kind, status, planned_on, station_id, created_by)
           VALUES ($1, 'revisit', 'planned', $2, $3, $4) RETURNING id`,
          [t.businessId, due(p.today, 3), t.stationId, by],
        );
        inspectionId = Number(fi!.id);
      }
      const [row] = await tx.query<{ id: number }>(
        `INSERT INTO food_revisit_requests (business_id, reason, channel, requested_on, due_on, status, inspection_id,
           decided_by, decided_at) VALUES ($1, $2, 'portal', $3, $4, $5, $6, $7, CASE WHEN $5 = 'accepted' THEN now() END)
         RETURNING id`,
        [
          t.businessId,
          '检查指出的问题已全部整改（附整改照片），申请重新评定等级。',
          on,
          decisionDue,
          accepted ? 'accepted' : 'requested',
          inspectionId,
          accepted ? by : null,
        ],
      );
      await event(tx, 'revisit', row!.id, 'request', null, 'requested');
      if (accepted) await event(tx, 'revisit', row!.id, 'accept', 'requested', 'accepted');
    };
    await revisit(replied, addDays(p.today, -6), true);
    await revisit(pending, addDays(p.today, -1), false);
    return { appeals: 3, replies: 3, revisits: 2, createdGrades, skipped: false };
  });
}

async function currentGrade(q: Queryable, businessId: number) {
  const [row] = await q.query<{ gradeId: number; grade: string; gradedOn: string }>(
    `SELECT id AS "gradeId", grade, graded_on::text AS "gradedOn" FROM food_grades
      WHERE business_id = $1 AND kind = 'dynamic' AND status = 'current'`,
    [businessId],
  );
  return row ? { ...row, gradeId: Number(row.gradeId) } : undefined;
}

async function createGrade(q: Queryable, p: { businessId: number; stationId: number; on: string }): Promise<Target> {
  const [fi] = await q.query<{ id: number }>(
    `INSERT INTO food_inspections (business_id, kind, full_scope, status, inspected_on, result, score, station_id)
     VALUES ($1, 'routine', true, 'done', $2, 'basicPass', 72, $3) RETURNING id`,
    [p.businessId, p.on, p.stationId],
  );
  const [g] = await q.query<{ id: number }>(
    `INSERT INTO food_grades (business_id, kind, grade, score, inspection_id, graded_on)
     VALUES ($1, 'dynamic', 'fair', 72, $2, $3) RETURNING id`,
    [p.businessId, fi!.id, p.on],
  );
  return { businessId: p.businessId, stationId: p.stationId, gradeId: Number(g!.id), grade: 'fair', gradedOn: p.on };
}

async function event(
  q: Queryable,
  subject: 'appeal' | 'reply' | 'revisit',
  id: number,
  action: string,
  from: string | null,
  to: string,
) {
  await q.query(
    `INSERT INTO food_appeal_events (subject, subject_id, action, from_status, to_status) VALUES ($1, $2, $3, $4, $5)`,
    [subject, id, action, from, to],
  );
}
