import { randomBytes } from 'node:crypto';
import type { Db, Queryable } from '../../../db/client.ts';
import { entityRowColumns } from '../row.ts';

/**
 * An import's staging table: every row that has a valid code, in file order, streamed in during validation. Valid
 * rows carry their rendered columns (`ok`); an invalid row carries only its code, for the duplicate check. The
 * register is written from it in one statement at the end, or not at all; the table is dropped either way.
 */
export interface Stage {
  table: string;
  /** `COPY … FROM STDIN` for lines of `row_no \t ok \t` + the entity's COPY columns. */
  copySql: string;
  /**
   * A direct load's narrow stage (direct-load-repo.ts): the valid rows are in `entities` already, after this id; the
   * registered check looks only at the rows up to it, and a discarded row is deleted from the register.
   */
  existingUpTo?: number;
}

const PREFIX = 'entity_import_stage_';
/** A staging table left by a process that died (unlogged, no constraints) is dropped by a later import. */
const STALE_AFTER_S = 24 * 3600;
const columns = entityRowColumns.map(([column]) => column);
const columnList = columns.join(', ');

/** Unlogged (no WAL for data that is thrown away) and outside autovacuum; named with its creation time. */
export async function createStage(db: Db): Promise<Stage> {
  await dropStaleStages(db);
  const table = `${PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(4).toString('hex')}`;
  await db.query(
    `CREATE UNLOGGED TABLE ${table} WITH (autovacuum_enabled = off) AS
       SELECT 0::int AS row_no, true AS ok, ${columnList} FROM entities WITH NO DATA`,
  );
  // Rows arrive in order, so the key is appended to (cheap); it lets the insert read them in file order without
  // sorting the whole table (an on-disk sort of 58 MB at 100 k rows).
  await db.query(`ALTER TABLE ${table} ADD PRIMARY KEY (row_no)`);
  return { table, copySql: `COPY ${table} (row_no, ok, ${columnList}) FROM STDIN` };
}

export async function dropStage(db: Queryable, stage: Stage): Promise<void> {
  await db.query(`DROP TABLE IF EXISTS ${stage.table}`);
}

async function dropStaleStages(db: Queryable): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE $1`,
    [`${PREFIX.replace(/_/g, '\\_')}%`],
  );
  const now = Date.now() / 1000;
  for (const { name } of tables) {
    const m = /^entity_import_stage_(\d+)_[0-9a-f]+$/.exec(name);
    if (m && now - Number(m[1]) > STALE_AFTER_S) await db.query(`DROP TABLE IF EXISTS ${name}`);
  }
}

/** Once every row is in: statistics for the columns the checks and the insert read (the whole row costs seconds). */
export async function analyzeStage(db: Queryable, stage: Stage): Promise<void> {
  await db.query(`ANALYZE ${stage.table} (row_no, ok, uscc)`);
}

/** Codes that appear on more than one row, with those rows in order. */
export async function stagedDuplicates(db: Queryable, stage: Stage): Promise<{ uscc: string; rows: number[] }[]> {
  return db.query(
    `SELECT uscc, array_agg(row_no ORDER BY row_no) AS rows FROM ${stage.table}
      GROUP BY uscc HAVING count(*) > 1 ORDER BY min(row_no)`,
  );
}

/** Valid rows whose code is registered already, first occurrences only (a repeat is reported as a duplicate). */
export async function stagedRegistered(db: Queryable, stage: Stage): Promise<{ row: number; uscc: string }[]> {
  const direct = stage.existingUpTo !== undefined;
  return db.query(
    `SELECT s.row_no AS row, s.uscc FROM ${stage.table} s
      WHERE s.ok AND EXISTS (SELECT 1 FROM entities e WHERE e.uscc = s.uscc${direct ? ' AND e.id <= $1' : ''})
        AND NOT EXISTS (SELECT 1 FROM ${stage.table} d WHERE d.uscc = s.uscc AND d.row_no < s.row_no)
      ORDER BY s.row_no`,
    direct ? [stage.existingUpTo] : [],
  );
}

/** Marks rows found bad after validation (duplicates, registered codes), so the insert skips them. */
export async function discardStagedRows(db: Queryable, stage: Stage, rows: number[]): Promise<void> {
  if (!rows.length) return;
  if (stage.existingUpTo !== undefined) return deleteLoadedRows(db, stage, rows);
  await db.query(`UPDATE ${stage.table} SET ok = false WHERE row_no = ANY($1::int[])`, [rows]);
}

/**
 * A direct load: the discarded rows' codes, out of the rows this load wrote, with their events (the events' key is
 * dropped during the load, so no cascade). Every loaded row with such a code is a discarded one: a repeated code
 * discards all its rows, a registered one its only loaded row.
 */
async function deleteLoadedRows(db: Queryable, stage: Stage, rows: number[]): Promise<void> {
  await db.query(
    `WITH gone AS (
       DELETE FROM entities WHERE id > $1
          AND uscc IN (SELECT uscc FROM ${stage.table} WHERE row_no = ANY($2::int[]))
       RETURNING id)
     DELETE FROM entity_events WHERE entity_id IN (SELECT id FROM gone)`,
    [stage.existingUpTo, rows],
  );
}

/**
 * The 设立 event's (entity_id, kind, occurred_on, after) of an inserted row `e`: what the single-entity form records,
 * with the ID number masked.
 */
export const establishEvent = `e.id, 'establish', e.established_on, jsonb_strip_nulls(jsonb_build_object(
    'type', e.type, 'uscc', e.uscc, 'name', e.name, 'address', e.address,
    'establishedOn', e.established_on, 'legalRepName', e.legal_rep_name,
    'legalRepIdNumber', e.legal_rep_id_masked, 'phone', e.phone, 'regionCode', e.region_code,
    'stationId', e.station_id, 'industryCode', e.industry_code,
    'registeredCapitalFen', e.registered_capital_fen, 'businessScope', e.business_scope))`;

/**
 * The staged valid rows into the register in file order, and one 设立 event per entity from the inserted rows
 * themselves (no join back by code): one statement. `after` holds what the single-entity form records, with the ID
 * number masked.
 */
export async function insertStagedEntities(
  tx: Queryable,
  stage: Stage,
  note: string,
  actorId: number,
): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `WITH e AS (
       INSERT INTO entities (${columnList})
       SELECT ${columnList} FROM ${stage.table} WHERE ok ORDER BY row_no
       RETURNING id, type, uscc, name, address, established_on, legal_rep_name, legal_rep_id_masked, phone,
                 region_code, station_id, industry_code, registered_capital_fen, business_scope),
     ev AS (
       INSERT INTO entity_events (entity_id, kind, occurred_on, after, note, actor_id)
       SELECT ${establishEvent}, $1, $2 FROM e ORDER BY e.id
       RETURNING 1)
     SELECT count(*)::int AS n FROM ev`,
    [note, actorId],
  );
  return row?.n ?? 0;
}
