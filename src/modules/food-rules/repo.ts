import type { Queryable } from '../../db/client.ts';
import type { FoodGradingConfig } from '../../domain/food-grading.ts';

export interface RulesRow {
  version: number;
  name: string;
  note: string | null;
  config: FoodGradingConfig;
  active: boolean;
  createdByName: string | null;
  createdAt: string;
  activatedByName: string | null;
  activatedAt: string | null;
}

const cols = `r.version, r.name, r.note, r.body AS config, r.active, cu.display_name AS "createdByName",
  r.created_at::text AS "createdAt", au.display_name AS "activatedByName", r.activated_at::text AS "activatedAt"`;
const from = `food_grading_rules r LEFT JOIN users cu ON cu.id = r.created_by LEFT JOIN users au ON au.id = r.activated_by`;

/** The active version: one row by its partial unique index (every submit reads it, so a second process sees a switch). */
export async function activeRules(q: Queryable): Promise<{ version: number; config: FoodGradingConfig } | undefined> {
  const [row] = await q.query<{ version: number; config: FoodGradingConfig }>(
    'SELECT version, body AS config FROM food_grading_rules WHERE active',
  );
  return row;
}

export const listRules = (q: Queryable) =>
  q.query<RulesRow>(`SELECT ${cols} FROM ${from} ORDER BY r.version DESC LIMIT 100`);

export async function findRules(q: Queryable, version: number): Promise<RulesRow | undefined> {
  const [row] = await q.query<RulesRow>(`SELECT ${cols} FROM ${from} WHERE r.version = $1`, [version]);
  return row;
}

/** Serialises version numbering and activation (two saves at once would otherwise both take max + 1). */
export async function lockRules(tx: Queryable): Promise<void> {
  await tx.query('LOCK TABLE food_grading_rules IN SHARE ROW EXCLUSIVE MODE');
}

export async function insertRules(
  tx: Queryable,
  r: { name: string; note: string | null; config: FoodGradingConfig; createdBy: number },
): Promise<number> {
  const [row] = await tx.query<{ version: number }>(
    `INSERT INTO food_grading_rules (version, name, body, note, created_by)
     SELECT COALESCE(max(version), 0) + 1, $1, $2, $3, $4 FROM food_grading_rules
     RETURNING version`,
    [r.name, JSON.stringify(r.config), r.note, r.createdBy],
  );
  return row!.version;
}

export async function activateRules(tx: Queryable, version: number, by: number): Promise<string> {
  await tx.query('UPDATE food_grading_rules SET active = false WHERE active AND version <> $1', [version]);
  const [row] = await tx.query<{ activatedAt: string }>(
    `UPDATE food_grading_rules SET active = true, activated_by = $2, activated_at = now() WHERE version = $1
     RETURNING activated_at::text AS "activatedAt"`,
    [version, by],
  );
  return row!.activatedAt;
}
