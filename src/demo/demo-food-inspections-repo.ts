import type { Db } from '../db/client.ts';
import { foodGradingDefaults } from '../domain/food-grading.ts';
import { recomputeAnnual } from '../modules/food-inspections/repos/annual.ts';
import { activeRules } from '../modules/food-rules/repo.ts';

/**
 * Demo 日常监督检查 history, set-based: every demo food business gets a routine inspection about every six months
 * over the past 3 years (none before its licence), with results drawn from its id (about 1 in 12 不符合 and 1 in 4
 * 基本符合), a follow-up for each that was not 符合 (done when its deadline has passed), a dynamic grade per
 * routine inspection outside the new-licence embargo (the latest current, each superseded by the next), annual
 * grades as of each past 31 December and today, and a few planned inspections for the coming month. History from
 * the previous platform: no per-item results and no visit rows (new inspections have both).
 */
export async function loadDemoFoodInspections(db: Db, today: string): Promise<{ inspections: number; grades: number }> {
  // The bureau's active 量化分级规则 (version 1, the provincial defaults, in a fresh database).
  const c = (await activeRules(db))?.config ?? foodGradingDefaults;
  return db.transaction(async (tx) => {
    // Every row below is built from ids read in this transaction: the per-row foreign-key triggers (about 0.3 ms
    // a row on PGlite, most of the load) are skipped where the role may (PGlite's, a superuser's).
    const [role] = await tx.query<{ su: boolean }>('SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user');
    if (role?.su) await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query(
      `CREATE TEMP TABLE demo_fi ON COMMIT DROP AS
       WITH b AS (
         SELECT fb.id, fb.station_id, fb.inspector_id, min(l.issued_on) AS licensed_on,
                CASE WHEN bool_or(l.kind IN ('production', 'workshop')) THEN 'production'
                     WHEN bool_or(l.categories && ARRAY['hotFood', 'coldFood', 'rawFood', 'pastry', 'drinks', 'canteen'])
                       THEN 'catering' ELSE 'sales' END AS btype
           FROM food_businesses fb JOIN food_licences l ON l.business_id = fb.id GROUP BY fb.id
       ), d AS (
         SELECT b.*, ($1::date - (n * 182 + (b.id * 37) % 150)::int) AS day,
                ((b.id * 7919 + n * 104729) % 100)::int AS h
           FROM b CROSS JOIN generate_series(0, 5) AS n
       ), f AS (
         SELECT d.*, CASE WHEN h < 3 THEN 2 WHEN h < 8 THEN 1 ELSE 0 END AS kf,
                CASE WHEN h BETWEEN 8 AND 30 THEN 1 + h % 3 WHEN h % 7 = 0 THEN 1 ELSE 0 END AS gf
           FROM d WHERE day >= licensed_on AND day > $1::date - 1095
       )
       SELECT f.*, greatest(0, 100 - kf * $2::int - gf * $3::int) AS score,
              CASE WHEN kf > 0 OR gf >= 6 THEN 'fail' WHEN gf > 0 THEN 'basicPass' ELSE 'pass' END AS result,
              v.id AS version_id,
              CASE WHEN day < licensed_on + make_interval(months => $4::int) THEN 'newLicence' END AS withheld
         FROM f JOIN food_checklist_versions v ON v.business_type = f.btype AND v.active`,
      [today, c.keyDeduction, c.generalDeduction, c.newLicenceEmbargoMonths],
    );
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO food_inspections (business_id, kind, full_scope, status, planned_on, inspected_on, result, score,
                                     station_id, created_by, checklist_version_id, key_failures, general_failures,
                                     rectify_due_on, grade_withheld)
       SELECT id, 'routine', h % 4 = 0, 'done', day, day, result, score, station_id, inspector_id, version_id, kf, gf,
              CASE result WHEN 'pass' THEN NULL WHEN 'fail' THEN day + 14 ELSE day + 21 END, withheld
         FROM demo_fi ORDER BY day, id RETURNING id`,
    );
    const first = inserted.reduce((m, r) => Math.min(m, r.id), Number.MAX_SAFE_INTEGER);
    // Follow-ups: done (符合) once their deadline passed, planned otherwise.
    await tx.query(
      `WITH fu AS (
         INSERT INTO food_inspections (business_id, kind, status, planned_on, inspected_on, result, score, station_id,
                                       created_by, checklist_version_id, key_failures, general_failures, followup_of)
         SELECT i.business_id, 'followup', CASE WHEN i.rectify_due_on < $1 THEN 'done' ELSE 'planned' END,
                i.rectify_due_on, CASE WHEN i.rectify_due_on < $1 THEN i.rectify_due_on END,
                CASE WHEN i.rectify_due_on < $1 THEN 'pass' END, CASE WHEN i.rectify_due_on < $1 THEN 100 END,
                i.station_id, i.created_by, i.checklist_version_id,
                CASE WHEN i.rectify_due_on < $1 THEN 0 END, CASE WHEN i.rectify_due_on < $1 THEN 0 END, i.id
           FROM food_inspections i WHERE i.id >= $2 AND i.kind = 'routine' AND i.rectify_due_on IS NOT NULL
         RETURNING id, followup_of)
       UPDATE food_inspections i SET followup_id = fu.id FROM fu WHERE i.id = fu.followup_of`,
      [today, first],
    );
    // Dynamic grades: one per routine inspection outside the new-licence embargo; the next one supersedes it.
    const grades = await tx.query<{ id: number }>(
      `INSERT INTO food_grades (business_id, kind, grade, score, inspection_id, graded_on, status, created_by)
       SELECT i.business_id, 'dynamic',
              CASE WHEN i.key_failures >= $2 THEN 'none' WHEN i.score >= $3 THEN 'excellent' WHEN i.score >= $4 THEN 'good'
                   WHEN i.score >= $5 THEN 'fair' ELSE 'none' END,
              i.score, i.id, i.inspected_on, 'superseded', i.created_by
         FROM food_inspections i
        WHERE i.id >= $1 AND i.kind = 'routine' AND i.grade_withheld IS NULL
        ORDER BY i.inspected_on, i.id RETURNING id`,
      [first, c.noGradeOnKeyFailures, c.bands.excellent, c.bands.good, c.bands.fair],
    );
    await tx.query(
      `WITH seq AS (
         SELECT id, graded_on, lead(id) OVER w AS next_id, lead(graded_on) OVER w AS next_on
           FROM food_grades WHERE id >= $1 AND kind = 'dynamic'
         WINDOW w AS (PARTITION BY business_id ORDER BY graded_on, id))
       UPDATE food_grades g SET status = CASE WHEN s.next_id IS NULL THEN 'current' ELSE 'superseded' END,
              superseded_by = s.next_id, superseded_on = s.next_on
         FROM seq s WHERE g.id = s.id`,
      [grades.reduce((m, g) => Math.min(m, g.id), Number.MAX_SAFE_INTEGER)],
    );
    const year = Number(today.slice(0, 4));
    for (const asOf of [`${year - 3}-12-31`, `${year - 2}-12-31`, `${year - 1}-12-31`, today])
      await recomputeAnnual(tx, { asOf, config: c, createdBy: null });
    // Planned routine inspections for the coming month, for the station lists.
    await tx.query(
      `INSERT INTO food_inspections (business_id, kind, planned_on, station_id, created_by)
       SELECT id, 'routine', $1::date + (id % 30)::int, station_id, inspector_id FROM food_businesses WHERE id % 10 = 0`,
      [today],
    );
    const [n] = await tx.query<{ inspections: number; grades: number }>(
      `SELECT (SELECT count(*)::int FROM food_inspections) AS inspections, (SELECT count(*)::int FROM food_grades) AS grades`,
    );
    return n!;
  });
}
