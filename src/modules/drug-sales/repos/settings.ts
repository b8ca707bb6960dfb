import type { Queryable } from '../../../db/client.ts';

export async function watchList(q: Queryable) {
  return q.query<{ id: number; name: string; drugClass: string; active: boolean }>(
    `SELECT id, name, drug_class AS "drugClass", active FROM drug_watch_list ORDER BY sort_order, id`,
  );
}

/** Replaces the list (names are unique; registrations keep their own copy of name and class). */
export async function replaceWatchList(
  tx: Queryable,
  items: readonly { name: string; drugClass: string; active: boolean }[],
): Promise<void> {
  await tx.query('DELETE FROM drug_watch_list');
  await tx.query(
    `INSERT INTO drug_watch_list (name, drug_class, active, sort_order)
     SELECT name, cls, active, ord::int FROM unnest($1::text[], $2::text[], $3::boolean[]) WITH ORDINALITY
       AS t(name, cls, active, ord)`,
    [items.map((i) => i.name), items.map((i) => i.drugClass), items.map((i) => i.active)],
  );
}

export interface SettingsRow {
  retentionDays: number;
  liaisonUserId: number | null;
  liaisonName: string | null;
  spikeK: number;
  spikeMinCount: number;
  baselineDays: number;
  version: number;
}

export async function settings(q: Queryable): Promise<SettingsRow> {
  const [row] = await q.query<SettingsRow>(
    `SELECT s.retention_days AS "retentionDays", s.liaison_user_id AS "liaisonUserId", u.display_name AS "liaisonName",
            s.spike_k::float8 AS "spikeK", s.spike_min_count AS "spikeMinCount", s.baseline_days AS "baselineDays",
            s.version
       FROM drug_sale_settings s LEFT JOIN users u ON u.id = s.liaison_user_id WHERE s.id = 1`,
  );
  return row!;
}

export async function updateSettings(
  tx: Queryable,
  s: Omit<SettingsRow, 'liaisonName'> & { by: number },
): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE drug_sale_settings SET retention_days = $1, liaison_user_id = $2, spike_k = $3, spike_min_count = $4,
            baseline_days = $5, updated_by = $6, updated_at = now(), version = version + 1
      WHERE id = 1 AND version = $7 RETURNING 1`,
    [s.retentionDays, s.liaisonUserId, s.spikeK, s.spikeMinCount, s.baselineDays, s.by, s.version],
  );
  return rows.length === 1;
}

export async function activeUserExists(q: Queryable, userId: number): Promise<boolean> {
  const rows = await q.query('SELECT 1 FROM users WHERE id = $1 AND active', [userId]);
  return rows.length === 1;
}

/** The pharmacy (registry entity) an access code's hash opens: one unique-index lookup. */
export async function pharmacyByCodeHash(q: Queryable, hash: string) {
  const [row] = await q.query<{ entityId: number; entityName: string; stationId: number; townshipCode: string }>(
    `SELECT e.id AS "entityId", e.name AS "entityName", e.station_id AS "stationId",
            coalesce(left(e.region_code, 9), '') AS "townshipCode"
       FROM drug_pharmacy_codes c JOIN entities e ON e.id = c.entity_id WHERE c.code_hash = $1`,
    [hash],
  );
  return row;
}

export async function upsertCode(tx: Queryable, entityId: number, hash: string, by: number): Promise<string> {
  const [row] = await tx.query<{ issuedAt: string }>(
    `INSERT INTO drug_pharmacy_codes (entity_id, code_hash, issued_by) VALUES ($1, $2, $3)
     ON CONFLICT (entity_id) DO UPDATE SET code_hash = EXCLUDED.code_hash, issued_by = EXCLUDED.issued_by,
       issued_at = now()
     RETURNING issued_at::text AS "issuedAt"`,
    [entityId, hash, by],
  );
  return row!.issuedAt;
}
