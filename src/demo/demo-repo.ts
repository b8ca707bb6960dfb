import type { Copyable, CopySource, Queryable } from '../db/client.ts';

/** The demo loader's own statements (bulk COPY and multi-row INSERT of generated data). */

export const copyComplaints = (tx: Copyable, columns: string, lines: CopySource) =>
  tx.copyFrom(`COPY complaints (${columns}) FROM STDIN`, lines);

export async function setComplaintSequence(tx: Queryable, lastId: number): Promise<void> {
  await tx.query(`SELECT setval(pg_get_serial_sequence('complaints', 'id'), $1)`, [lastId]);
}

/** One multi-row INSERT per call; values are parameters. Complaint ids are given, so identity is overridden. */
export async function insertRows(tx: Queryable, target: string, rows: unknown[][]): Promise<void> {
  if (rows.length === 0) return;
  const width = rows[0]!.length;
  const values = rows
    .map((_, r) => `(${Array.from({ length: width }, (_, c) => `$${r * width + c + 1}`).join(', ')})`)
    .join(', ');
  const overriding = target.startsWith('complaints ') ? ' OVERRIDING SYSTEM VALUE' : '';
  await tx.query(`INSERT INTO ${target}${overriding} VALUES ${values}`, rows.flat());
}

export const copyEntityLicences = (tx: Copyable, lines: CopySource) =>
  tx.copyFrom('COPY entity_licences (entity_id, kind, number, issued_on, valid_until) FROM STDIN', lines);

export const copyEntityEvents = (tx: Copyable, lines: CopySource) =>
  tx.copyFrom('COPY entity_events (entity_id, kind, occurred_on, before, after, note, created_at) FROM STDIN', lines);

export async function insertCheckItem(
  tx: Queryable,
  item: {
    departmentId: number | undefined;
    code: string;
    name: string;
    level: string;
    basis: string;
    checklist: string[];
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO spot_check_items (department_id, code, name, level, legal_basis, checklist) VALUES ($1, $2, $3, $4, $5, $6)`,
    [item.departmentId, item.code, item.name, item.level, item.basis, item.checklist],
  );
}

export async function insertInspectors(
  tx: Queryable,
  rows: {
    name: string;
    departmentId: number | undefined;
    stationId: number | null | undefined;
    qualifications: string;
    userId: number | null | undefined;
  }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO spot_check_inspectors (name, department_id, station_id, qualifications, user_id)
     SELECT n, d, s, q::text[], u FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::bigint[]) AS t(n, d, s, q, u)`,
    [
      rows.map((r) => r.name),
      rows.map((r) => r.departmentId),
      rows.map((r) => r.stationId),
      rows.map((r) => r.qualifications),
      rows.map((r) => r.userId),
    ],
  );
}

export async function userWithUnit(db: Queryable, username: string) {
  const [row] = await db.query<{ id: number; unitId: number; unitPath: string }>(
    `SELECT u.id, u.unit_id AS "unitId", o.path AS "unitPath" FROM users u JOIN org_units o ON o.id = u.unit_id
      WHERE u.username = $1`,
    [username],
  );
  return row;
}

export async function unitIdsByCode(db: Queryable, codes: string[]): Promise<number[]> {
  const [row] = await db.query<{ ids: number[] | null }>(
    'SELECT array_agg(id ORDER BY id) AS ids FROM org_units WHERE code = ANY($1::text[])',
    [codes],
  );
  return row?.ids ?? [];
}
