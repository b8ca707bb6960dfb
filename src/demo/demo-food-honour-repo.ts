import type { Db } from '../db/client.ts';
import { findActorRow } from '../modules/auth/published.ts';
import { actorFromRow } from '../modules/auth/service.ts';
import { createHonourService, lastMonth } from '../modules/food-public/services/honour.ts';

/** Below this many current dynamic grades in the district, the demo grades a sample itself (see below). */
const FEW_GRADES = 50;

/**
 * The demo's 红黑榜: last month's list of every station, drafted by the rules, approved and published by its chief.
 * The grades come from the inspection part's demo; when it has left (almost) none, a sample of businesses without a
 * grade gets one here (done inspections and a dynamic grade, about 1 in 12 businesses), so the lists and the portal
 * food page are never empty. Grades are only added where a business has none, so the two demos do not collide.
 */
export async function loadDemoFoodHonour(
  db: Db,
  today: string,
): Promise<{ lists: number; red: number; black: number }> {
  const month = lastMonth(today);
  const [{ n }] = (await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM food_grades WHERE kind = 'dynamic' AND status = 'current'",
  )) as [{ n: number }];
  if (n < FEW_GRADES) await gradeSample(db, `${month}-15`);
  const stations = await db.query<{ id: number; code: string }>(
    "SELECT id, code FROM org_units WHERE kind = 'station' AND active ORDER BY sort_order, id",
  );
  const honour = createHonourService(db, { now: () => new Date(`${today}T04:00:00Z`) });
  let red = 0;
  let black = 0;
  let lists = 0;
  for (const s of stations) {
    const row = await findActorRow(db, { username: `${s.code}.chief` });
    if (!row?.active) continue;
    const chief = actorFromRow(row, null);
    if (!chief.permissions.has('food:approve')) continue;
    const draft = await honour.draft(chief, { stationId: s.id, month }).catch(() => undefined);
    if (!draft) continue;
    const approved = await honour.approve(chief, draft.id, { version: draft.version });
    const published = await honour.publish(chief, draft.id, { version: approved.version });
    red += published.redCount;
    black += published.blackCount;
    lists++;
  }
  return { lists, red, black };
}

/**
 * About 1 in 12 food businesses without a dynamic grade: two done inspections in the past year (scores spread so
 * that most pass, some fail once, a few fail twice) and the grade of the later score by the 2012 bands.
 */
async function gradeSample(db: Db, lastDay: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(
      `WITH picked AS (
         SELECT fb.id, fb.station_id, ((fb.id * 7919) % 100)::int AS r FROM food_businesses fb
          WHERE fb.id % 12 = 0
            AND NOT EXISTS (SELECT 1 FROM food_grades g WHERE g.business_id = fb.id AND g.kind = 'dynamic'))
       INSERT INTO food_inspections (business_id, kind, status, planned_on, inspected_on, result, score, station_id)
       SELECT p.id, 'routine', 'done', d.day, d.day,
              CASE WHEN d.score >= 75 THEN 'pass' WHEN d.score >= 60 THEN 'basicPass' ELSE 'fail' END, d.score, p.station_id
         FROM picked p
        CROSS JOIN LATERAL (VALUES
          ($1::date - 200 - (p.r % 60), CASE WHEN p.r < 12 THEN 55 ELSE 70 + (p.r % 30) END),
          ($1::date - 20 - (p.r % 90), CASE WHEN p.r < 5 THEN 50 WHEN p.r < 15 THEN 58 ELSE 62 + (p.r * 3) % 38 END)
        ) AS d(day, score)`,
      [lastDay],
    );
    await tx.query(
      `INSERT INTO food_grades (business_id, kind, grade, score, inspection_id, graded_on)
       SELECT DISTINCT ON (fi.business_id) fi.business_id, 'dynamic',
              CASE WHEN fi.score >= 90 THEN 'excellent' WHEN fi.score >= 75 THEN 'good'
                   WHEN fi.score >= 60 THEN 'fair' ELSE 'none' END,
              fi.score, fi.id, fi.inspected_on
         FROM food_inspections fi
        WHERE fi.status = 'done' AND fi.business_id % 12 = 0
          AND NOT EXISTS (SELECT 1 FROM food_grades g WHERE g.business_id = fi.business_id AND g.kind = 'dynamic')
        ORDER BY fi.business_id, fi.inspected_on DESC, fi.id DESC`,
    );
  });
}
