import type { Queryable } from '../../../db/client.ts';
import type { IntervalRow } from '../../../domain/equipment-rules.ts';

export interface EquipmentSettingsRow {
  maintenancePeriodDays: number;
  registrationDays: number;
  dueNoticeMonths: number;
  version: number;
}

export async function getSettings(db: Queryable): Promise<EquipmentSettingsRow> {
  const [row] = await db.query<EquipmentSettingsRow>(
    `SELECT maintenance_period_days AS "maintenancePeriodDays", registration_days AS "registrationDays",
       due_notice_months AS "dueNoticeMonths", version FROM equipment_settings WHERE id = 1`,
  );
  return row ?? { maintenancePeriodDays: 15, registrationDays: 30, dueNoticeMonths: 1, version: 1 };
}

export async function updateSettings(
  db: Queryable,
  s: Omit<EquipmentSettingsRow, 'version'>,
  version: number,
  userId: number,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE equipment_settings SET maintenance_period_days = $1, registration_days = $2, due_notice_months = $3,
       updated_by = $5, updated_at = now(), version = version + 1 WHERE id = 1 AND version = $4 RETURNING id`,
    [s.maintenancePeriodDays, s.registrationDays, s.dueNoticeMonths, version, userId],
  );
  return rows.length === 1;
}

export type IntervalTableRow = IntervalRow & {
  id: number;
  categoryName: string;
  source: string;
  verify: boolean;
  version: number;
};

export async function intervals(db: Queryable): Promise<IntervalTableRow[]> {
  return db.query<IntervalTableRow>(
    `SELECT i.id, i.category_code AS "categoryCode", c.name AS "categoryName", i.inspection_kind AS "inspectionKind",
       i.condition_kind AS "conditionKind", i.condition_value AS "conditionValue", i.interval_months AS "intervalMonths",
       i.source, i.verify, i.version
       FROM equipment_inspection_intervals i JOIN equipment_categories c ON c.code = i.category_code
      ORDER BY c.sort, i.category_code, i.inspection_kind, i.condition_value`,
  );
}

export async function updateInterval(
  db: Queryable,
  id: number,
  p: { intervalMonths: number; source: string; verify: boolean; version: number },
  userId: number,
): Promise<boolean> {
  const rows = await db.query(
    `UPDATE equipment_inspection_intervals SET interval_months = $2, source = $3, verify = $4, updated_by = $6,
       updated_at = now(), version = version + 1 WHERE id = $1 AND version = $5 RETURNING id`,
    [id, p.intervalMonths, p.source, p.verify, p.version, userId],
  );
  return rows.length === 1;
}
