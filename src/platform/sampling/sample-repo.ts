import type { Queryable } from '../../db/client.ts';
import type { Where } from '../../db/sql.ts';

/**
 * The SQL every 抽检/抽查 module shares, over its own tables: the sample row (select, by ids, keyset list), the
 * versioned update, the per-test items and the event trail. Table and column names come from the module's code,
 * never from a request; values are parameters.
 */
export interface SampleTables {
  /** e.g. `food_samples`. */
  samples: string;
  /** e.g. `food_sample_items` (sample_id, retest, the item columns). */
  items: string;
  /** e.g. `food_sample_events` (sample_id, action, from_status, to_status, note, actor_id, at). */
  events: string;
  /** The item columns in insert order, each with its field name: `['limit_text', 'limit']`. */
  itemColumns: readonly (readonly [column: string, field: string])[];
  /** The sample row: the table's alias in `from`, the select list and the FROM with its joins. */
  row: { alias: string; cols: string; from: string };
}

export interface SampleEvent {
  sampleId: number;
  action: string;
  from: string | null;
  to: string;
  note: string | null;
  actorId: number;
}

export interface EventRow {
  action: string;
  fromStatus: string | null;
  toStatus: string;
  note: string | null;
  actorName: string | null;
  at: string;
}

/** A date column as ISO text: `fs.sampled_on::text AS "sampledOn"`. */
export const dateCol = (alias: string) => (c: string, as: string) => `${alias}.${c}::text AS "${as}"`;

/** The shared repo over one module's tables; `Row` is its sample row, `Item` its item row, `Col` its settable columns. */
export function createSampleRepo<Row extends { id: number }, Item extends { retest: boolean }, Col extends string>(
  t: SampleTables,
) {
  const { alias, cols, from } = t.row;
  const itemSelect = t.itemColumns.map(([c, f]) => (c === f ? c : `${c} AS "${f}"`)).join(', ');
  const itemInsert = t.itemColumns.map(([c]) => c).join(', ');
  const itemArrays = t.itemColumns.map((_, i) => `$${i + 3}::text[]`).join(', ');
  return {
    async getSample(db: Queryable, id: number): Promise<Row | undefined> {
      const [row] = await db.query<Row>(`SELECT ${cols} FROM ${from} WHERE ${alias}.id = $1`, [id]);
      return row;
    },

    async samplesByIds(db: Queryable, ids: readonly number[]): Promise<Row[]> {
      if (!ids.length) return [];
      return db.query<Row>(`SELECT ${cols} FROM ${from} WHERE ${alias}.id = ANY($1::bigint[])`, [ids]);
    },

    /** Newest first by keyset: `w` holds the caller's reach and the module's filters; one extra row shows a next page. */
    async listSamples(db: Queryable, w: Where, p: { afterId?: number; limit: number }): Promise<Row[]> {
      w.addIf(p.afterId, `${alias}.id < ?`);
      return db.query<Row>(
        `SELECT ${cols} FROM ${from} ${w} ORDER BY ${alias}.id DESC LIMIT ${w.param(p.limit + 1)}`,
        w.params,
      );
    },

    /** Versioned update: false when someone else changed the sample first. */
    async updateSample(
      tx: Queryable,
      id: number,
      version: number,
      set: Partial<Record<Col | 'status', unknown>>,
    ): Promise<boolean> {
      const keys = Object.keys(set) as (Col | 'status')[];
      const assigns = keys.map((k, i) => `${k} = $${i + 3}`).join(', ');
      const rows = await tx.query<{ id: number }>(
        `UPDATE ${t.samples} SET ${assigns}, version = version + 1 WHERE id = $1 AND version = $2 RETURNING id`,
        [id, version, ...keys.map((k) => set[k])],
      );
      return rows.length === 1;
    },

    async insertItems(tx: Queryable, sampleId: number, retest: boolean, items: readonly Omit<Item, 'retest'>[]) {
      if (!items.length) return;
      await tx.query(
        `INSERT INTO ${t.items} (sample_id, retest, ${itemInsert}) SELECT $1, $2, * FROM unnest(${itemArrays})`,
        [sampleId, retest, ...t.itemColumns.map(([, f]) => items.map((i) => (i as Record<string, unknown>)[f]))],
      );
    },

    async listItems(db: Queryable, sampleId: number): Promise<Item[]> {
      return db.query<Item>(`SELECT ${itemSelect}, retest FROM ${t.items} WHERE sample_id = $1 ORDER BY retest, id`, [
        sampleId,
      ]);
    },

    async insertEvent(tx: Queryable, e: SampleEvent) {
      await tx.query(
        `INSERT INTO ${t.events} (sample_id, action, from_status, to_status, note, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [e.sampleId, e.action, e.from, e.to, e.note, e.actorId],
      );
    },

    async listEvents(db: Queryable, sampleId: number): Promise<EventRow[]> {
      return db.query<EventRow>(
        `SELECT ev.action, ev.from_status AS "fromStatus", ev.to_status AS "toStatus", ev.note,
                u.display_name AS "actorName", to_char(ev.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') AS at
           FROM ${t.events} ev LEFT JOIN users u ON u.id = ev.actor_id WHERE ev.sample_id = $1 ORDER BY ev.id`,
        [sampleId],
      );
    },
  };
}

export type SampleRepo<Row extends { id: number }, Item extends { retest: boolean }, Col extends string> = ReturnType<
  typeof createSampleRepo<Row, Item, Col>
>;

/** The authority that signs a notice: the bureau, when one is registered. */
export async function bureauName(db: Queryable): Promise<string | undefined> {
  const [bureau] = await db.query<{ name: string }>(
    `SELECT name FROM org_units WHERE kind = 'bureau' ORDER BY id LIMIT 1`,
  );
  return bureau?.name;
}
