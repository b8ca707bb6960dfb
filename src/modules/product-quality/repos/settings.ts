import type { Queryable } from '../../../db/client.ts';

/** The catalogues and rule values (data, product:settings). */
export async function loadSettings(db: Queryable) {
  const [categories, grades, rules, catalogue] = await Promise.all([
    db.query<{
      code: string;
      name: string;
      safetyRelated: boolean;
      riskGrade: 'A' | 'B' | 'C' | 'D';
      sort: number;
      active: boolean;
    }>(
      `SELECT code, name, safety_related AS "safetyRelated", risk_grade AS "riskGrade", sort, active
         FROM product_categories ORDER BY sort, code`,
    ),
    db.query<{ grade: 'A' | 'B' | 'C' | 'D'; label: string; intervalMonths: number; source: string }>(
      `SELECT grade, label, interval_months AS "intervalMonths", source FROM product_risk_grades ORDER BY grade`,
    ),
    db.query<{ key: 'objectionDays' | 'afterCheckDays' | 'rectifyDays'; value: number; source: string }>(
      'SELECT key, value, source FROM product_quality_rules ORDER BY key',
    ),
    db.query<{ code: string; name: string; categoryCode: string | null }>(
      'SELECT code, name, category_code AS "categoryCode" FROM ccc_catalogue ORDER BY code',
    ),
  ]);
  return { categories, grades, rules, catalogue };
}

export async function ruleValue(db: Queryable, key: 'objectionDays' | 'afterCheckDays' | 'rectifyDays') {
  const [row] = await db.query<{ value: number }>('SELECT value FROM product_quality_rules WHERE key = $1', [key]);
  return row!.value;
}

export async function category(db: Queryable, code: string) {
  const [row] = await db.query<{ code: string; name: string; active: boolean }>(
    'SELECT code, name, active FROM product_categories WHERE code = $1',
    [code],
  );
  return row;
}

export async function catalogueEntry(db: Queryable, code: string) {
  const [row] = await db.query<{ code: string; name: string }>('SELECT code, name FROM ccc_catalogue WHERE code = $1', [
    code,
  ]);
  return row;
}

export async function upsertCategory(
  tx: Queryable,
  code: string,
  c: { name: string; safetyRelated: boolean; riskGrade: string; sort: number; active: boolean },
) {
  await tx.query(
    `INSERT INTO product_categories (code, name, safety_related, risk_grade, sort, active) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, safety_related = EXCLUDED.safety_related,
       risk_grade = EXCLUDED.risk_grade, sort = EXCLUDED.sort, active = EXCLUDED.active`,
    [code, c.name, c.safetyRelated, c.riskGrade, c.sort, c.active],
  );
}

export async function setGradeInterval(tx: Queryable, grade: string, months: number) {
  await tx.query('UPDATE product_risk_grades SET interval_months = $2 WHERE grade = $1', [grade, months]);
}

export async function setRule(tx: Queryable, key: string, value: number) {
  await tx.query('UPDATE product_quality_rules SET value = $2 WHERE key = $1', [key, value]);
}

/** Active categories with their grade's interval, for the plan generator. */
export async function categoriesWithIntervals(db: Queryable) {
  return db.query<{ code: string; name: string; riskGrade: string; intervalMonths: number }>(
    `SELECT c.code, c.name, c.risk_grade AS "riskGrade", g.interval_months AS "intervalMonths"
       FROM product_categories c JOIN product_risk_grades g ON g.grade = c.risk_grade
      WHERE c.active ORDER BY c.sort, c.code`,
  );
}
