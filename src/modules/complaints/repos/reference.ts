import type { Queryable } from '../../../db/client.ts';

/** Stations, the 12315 centre, categories: what intake routes by and what forms offer. */
export async function stationChiefs(db: Queryable, stationId: number): Promise<number[]> {
  const rows = await db.query<{ id: number }>(
    `SELECT u.id FROM users u JOIN user_roles ur ON ur.user_id = u.id JOIN roles r ON r.id = ur.role_id
      WHERE u.unit_id = $1 AND u.active AND r.code = 'station_chief' ORDER BY u.id`,
    [stationId],
  );
  return rows.map((r) => r.id);
}

/** Station by township name in an address, e.g. "里水" in "南海区里水镇…" → 里水市场监管所. */
export async function stationsWithNames(db: Queryable): Promise<{ id: number; name: string; regionCodes: string[] }[]> {
  return db.query(
    `SELECT id, name, region_codes AS "regionCodes" FROM org_units WHERE kind = 'station' AND active ORDER BY id`,
  );
}

/** Where an item can be transferred to: the stations and the 12315 centre. */
export async function handlingUnits(db: Queryable): Promise<{ id: number; name: string; kind: string }[]> {
  return db.query(
    `SELECT id, name, kind FROM org_units WHERE kind IN ('station', 'centre') AND active ORDER BY kind, sort_order, id`,
  );
}

export async function intakeUnit(db: Queryable): Promise<number | undefined> {
  const [row] = await db.query<{ id: number }>(
    `SELECT id FROM org_units WHERE kind = 'centre' AND active ORDER BY id LIMIT 1`,
  );
  return row?.id;
}

export async function listCategories(db: Queryable) {
  return db.query<{ code: string; name: string; parentCode: string | null }>(
    `SELECT code, name, parent_code AS "parentCode" FROM complaint_categories WHERE active ORDER BY parent_code NULLS FIRST, sort_order`,
  );
}

/** A unit's kind, to check a transfer target (only a station or the centre handles items). */
export async function unitKind(db: Queryable, id: number): Promise<string | undefined> {
  const [row] = await db.query<{ kind: string }>('SELECT kind FROM org_units WHERE id = $1', [id]);
  return row?.kind;
}

/** Every unit's name, for the figures by station. */
export async function unitNames(db: Queryable): Promise<{ id: number; name: string }[]> {
  return db.query('SELECT id, name FROM org_units ORDER BY path, sort_order, id');
}

/** The bureau a unit belongs to (the nearest ancestor of kind bureau): the authority a notice is issued in. */
export async function bureauNameOf(db: Queryable, unitId: number): Promise<string | undefined> {
  const [row] = await db.query<{ name: string }>(
    `SELECT b.name FROM org_units u JOIN org_units b ON u.path LIKE b.path || '%'
      WHERE u.id = $1 ORDER BY (b.kind = 'bureau') DESC, length(b.path) DESC LIMIT 1`,
    [unitId],
  );
  return row?.name;
}
