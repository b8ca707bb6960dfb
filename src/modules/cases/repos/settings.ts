import type { Queryable } from '../../../db/client.ts';
import type { CaseSettings } from '../../../domain/case-settings.ts';

/** The one case_settings row (id = 1); version 0 means never saved. */
export async function findSettingsRow(
  q: Queryable,
): Promise<{ settings: Partial<CaseSettings>; version: number; updatedAt: string } | undefined> {
  const [row] = await q.query<{ settings: Partial<CaseSettings>; version: number; updatedAt: string }>(
    'SELECT settings, version, updated_at AS "updatedAt" FROM case_settings WHERE id = 1',
  );
  return row;
}

/** Saves the row if it is still at `version` (0: not saved yet); false when someone saved it first. */
export async function saveSettingsRow(
  tx: Queryable,
  settings: CaseSettings,
  version: number,
  userId: number,
): Promise<boolean> {
  const rows =
    version === 0
      ? await tx.query(
          `INSERT INTO case_settings (id, settings, updated_by) VALUES (1, $1::jsonb, $2)
           ON CONFLICT (id) DO NOTHING RETURNING id`,
          [JSON.stringify(settings), userId],
        )
      : await tx.query(
          `UPDATE case_settings SET settings = $1::jsonb, updated_by = $2, version = version + 1, updated_at = now()
            WHERE id = 1 AND version = $3 RETURNING id`,
          [JSON.stringify(settings), userId, version],
        );
  return rows.length === 1;
}

/** Which of these role codes exist (an approval chain naming no role could never be approved). */
export async function knownRoleCodes(q: Queryable, codes: readonly string[]): Promise<Set<string>> {
  const rows = await q.query<{ code: string }>('SELECT code FROM roles WHERE code = ANY($1::text[])', [codes]);
  return new Set(rows.map((r) => r.code));
}
