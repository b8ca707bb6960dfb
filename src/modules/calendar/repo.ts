import type { TCalendarOverride } from '../../contracts/calendar.ts';
import type { Queryable } from '../../db/client.ts';

export async function listOverrides(db: Queryable): Promise<TCalendarOverride[]> {
  return db.query<TCalendarOverride>('SELECT day, kind, name FROM calendar_overrides ORDER BY day');
}

export async function upsertOverride(
  tx: Queryable,
  o: TCalendarOverride,
  userId: number,
): Promise<TCalendarOverride | undefined> {
  const [before] = await tx.query<TCalendarOverride>('SELECT day, kind, name FROM calendar_overrides WHERE day = $1', [
    o.day,
  ]);
  await tx.query(
    `INSERT INTO calendar_overrides (day, kind, name, created_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, created_by = EXCLUDED.created_by, created_at = now()`,
    [o.day, o.kind, o.name, userId],
  );
  return before;
}

export async function deleteOverride(tx: Queryable, day: string): Promise<TCalendarOverride | undefined> {
  const [row] = await tx.query<TCalendarOverride>(
    'DELETE FROM calendar_overrides WHERE day = $1 RETURNING day, kind, name',
    [day],
  );
  return row;
}

export async function listConfirmedYears(db: Queryable): Promise<{ year: number; source: string }[]> {
  return db.query('SELECT year, source FROM calendar_years ORDER BY year');
}

export async function upsertConfirmedYear(tx: Queryable, year: number, source: string, userId: number): Promise<void> {
  await tx.query(
    `INSERT INTO calendar_years (year, source, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (year) DO UPDATE SET source = EXCLUDED.source, created_by = EXCLUDED.created_by, created_at = now()`,
    [year, source, userId],
  );
}
