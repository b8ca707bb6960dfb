import { randomBytes } from 'node:crypto';
import type { Db, Queryable, Transaction } from '../../../db/client.ts';
import { entityCopySql } from '../copy-repo.ts';
import { DEFERRED_INDEX_MIN_ROWS, estimatedEntityRows } from '../repo.ts';
import type { ImportSource } from './read-rows.ts';
import { STAGE_BATCH } from './stage-writer.ts';
import { establishEvent, type Stage } from './staging-repo.ts';

/**
 * A direct load (PostgreSQL, a load that doubles the register at least): the insert transaction is opened before
 * validation, the register's secondary indexes, its USCC unique constraint and the events' key to it are dropped,
 * and each valid row goes straight into `entities` (COPY) with its 设立 event as it is validated, so the database's
 * insert work overlaps the reading. A narrow stage keeps (row_no, ok, uscc) of every row with a valid code for the
 * checks at the end; rows found repeated or registered are deleted before the constraint and the indexes come back.
 * The register is locked (ACCESS EXCLUSIVE) for the whole import instead of the insert phase alone.
 */
export interface DirectLoad {
  stage: Stage & { existingUpTo: number };
  note: string;
  actorId: number;
  dropped: { indexes: Saved[]; unique: Saved[]; eventKeys: Saved[] };
}

interface Saved {
  name: string;
  def: string;
}

/**
 * Bytes a row is assumed to take, to estimate the rows from the file's size before reading it: above the bench's
 * files (CSV 229–295, XLSX 141), so the estimate errs low and a load is taken for big only when it surely is.
 */
const BYTES_PER_ROW = { csv: 400, xlsx: 200 } as const;

/** withIndexesDeferred's rule (≥ DEFERRED_INDEX_MIN_ROWS and ≥ the register), on the rows estimated from the size. */
export async function directLoadWanted(db: Db, source: ImportSource): Promise<boolean> {
  if (db.kind !== 'postgresql' || !source.sizeBytes) return false;
  const rows = source.sizeBytes / BYTES_PER_ROW[source.format];
  return rows >= DEFERRED_INDEX_MIN_ROWS && rows >= (await estimatedEntityRows(db));
}

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Locks the register, notes its last id and drops what costs per row. The entities' own keys (station, users) stay:
 * dropping a key locks the table it references (users, org_units) exclusively until commit, which would stop every
 * request for the whole import.
 */
export async function beginDirectLoad(tx: Queryable, event: { note: string; actorId: number }): Promise<DirectLoad> {
  await tx.query('LOCK TABLE entities IN ACCESS EXCLUSIVE MODE');
  const [last] = await tx.query<{ id: number }>('SELECT coalesce(max(id), 0)::int8 AS id FROM entities');
  const indexes = await tx.query<Saved>(
    `SELECT i.indexname AS name, i.indexdef AS def FROM pg_indexes i
      WHERE i.schemaname = current_schema() AND i.tablename = 'entities'
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = (quote_ident(i.schemaname) || '.' || quote_ident(i.indexname))::regclass)`,
  );
  const unique = await tx.query<Saved>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'entities'::regclass AND contype = 'u'`,
  );
  const eventKeys = await tx.query<Saved>(
    `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE conrelid = 'entity_events'::regclass AND confrelid = 'entities'::regclass AND contype = 'f'`,
  );
  for (const { name } of indexes) await tx.query(`DROP INDEX ${quoteIdent(name)}`);
  for (const { name } of unique) await tx.query(`ALTER TABLE entities DROP CONSTRAINT ${quoteIdent(name)}`);
  for (const { name } of eventKeys) await tx.query(`ALTER TABLE entity_events DROP CONSTRAINT ${quoteIdent(name)}`);
  const table = `entity_import_direct_${randomBytes(4).toString('hex')}`;
  // Temporary: gone with the transaction whatever ends it.
  await tx.query(
    `CREATE TEMP TABLE ${table} (row_no int PRIMARY KEY, ok boolean NOT NULL, uscc text COLLATE "C" NOT NULL) ON COMMIT DROP`,
  );
  return {
    stage: { table, copySql: `COPY ${table} (row_no, ok, uscc) FROM STDIN`, existingUpTo: last?.id ?? 0 },
    ...event,
    dropped: { indexes, unique, eventKeys },
  };
}

/**
 * After the checks (discarded rows deleted): the unique constraint (a code registered twice fails here), the
 * indexes, each in one sorted pass, and the events' key, checked set-based. Resolves to the rows imported.
 */
export async function finishDirectLoad(tx: Queryable, load: DirectLoad): Promise<number> {
  const { indexes, unique, eventKeys } = load.dropped;
  await tx.query(`SET LOCAL maintenance_work_mem = '128MB'`);
  for (const { name, def } of unique) await tx.query(`ALTER TABLE entities ADD CONSTRAINT ${quoteIdent(name)} ${def}`);
  for (const { def } of indexes) await tx.query(def);
  for (const { name, def } of eventKeys)
    await tx.query(`ALTER TABLE entity_events ADD CONSTRAINT ${quoteIdent(name)} ${def}`);
  const [row] = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM entities WHERE id > $1', [
    load.stage.existingUpTo,
  ]);
  return row?.n ?? 0;
}

/**
 * The 设立 events of the `rows` rows just loaded after `after`, in id order; resolves to the last id given one. The
 * LIMIT keeps the plan on the primary key: into a register that never had statistics (a first import), `id > $1`
 * alone was planned as a third of the table, a scan of everything loaded so far for every batch (UTF-8 stage of the
 * bench: 116–160 PostgreSQL CPU s against 79 once statistics existed).
 */
async function insertEstablishEvents(tx: Queryable, after: number, rows: number, load: DirectLoad): Promise<number> {
  const [row] = await tx.query<{ last: number }>(
    `WITH ev AS (
       INSERT INTO entity_events (entity_id, kind, occurred_on, after, note, actor_id)
       SELECT ${establishEvent}, $2, $3 FROM entities e WHERE e.id > $1 ORDER BY e.id LIMIT $4
       RETURNING entity_id)
     SELECT coalesce(max(entity_id), $1)::int8 AS last FROM ev`,
    [after, load.note, load.actorId, rows],
  );
  return row?.last ?? after;
}

/**
 * Takes the staging lines the collector makes (`row_no \t ok \t uscc …`, staging-repo.ts) and splits them: the
 * rendered entity into `entities`, (row_no, ok, uscc) into the narrow stage; per batch, one COPY each and the
 * batch's events, on the transaction's connection. Like StageWriter, one batch is in flight while the next fills.
 */
export class DirectWriter {
  private entities: string[] = [];
  private staged: string[] = [];
  private inFlight: Promise<void> | undefined;
  private lastEvented: number;

  constructor(
    private readonly tx: Transaction,
    private readonly load: DirectLoad,
    private readonly batchSize = STAGE_BATCH,
  ) {
    this.lastEvented = load.stage.existingUpTo;
  }

  /** As StageWriter.add: a promise only when the batch is full. */
  add(line: string): Promise<void> | undefined {
    const okAt = line.indexOf('\t') + 1;
    const usccEnd = line.indexOf('\t', okAt + 2);
    this.staged.push(`${line.slice(0, usccEnd)}\n`);
    // A row staged for its code alone has nulls after it; a rendered one has its type (never null) there.
    if (line[okAt] === 't' && !line.startsWith('\\N', usccEnd + 1)) this.entities.push(line.slice(okAt + 2));
    return this.staged.length >= this.batchSize ? this.send() : undefined;
  }

  async finish(): Promise<void> {
    await this.send();
    await this.settle();
  }

  async abandon(): Promise<void> {
    this.entities = [];
    this.staged = [];
    await this.inFlight?.catch(() => undefined);
    this.inFlight = undefined;
  }

  private async send(): Promise<void> {
    await this.settle();
    if (!this.staged.length) return;
    const writing = this.write(this.entities, this.staged);
    this.entities = [];
    this.staged = [];
    // A failure is raised at the next send or at finish.
    writing.catch(() => undefined);
    this.inFlight = writing;
  }

  private async write(entities: string[], staged: string[]): Promise<void> {
    if (entities.length) {
      const rows = await this.tx.copyFrom(entityCopySql, entities);
      this.lastEvented = await insertEstablishEvents(this.tx, this.lastEvented, rows, this.load);
    }
    await this.tx.copyFrom(this.load.stage.copySql, staged);
  }

  private async settle(): Promise<void> {
    const writing = this.inFlight;
    this.inFlight = undefined;
    await writing;
  }
}
