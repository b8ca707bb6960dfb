import type { Queryable } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';
import { type ResourceKind, readableWhere } from '../access.ts';
import type { Actor } from '../actor.ts';

/**
 * The SQL both sampling modules' plans share, over the module's own plan table: one plan, the keyset list
 * (station and year filters, newest first) and the target. Names come from the module's code, never from input.
 */
export function createPlanRepo<Row extends { id: number }>(t: {
  table: string;
  alias: string;
  cols: string;
  from: string;
  /** The plans' access kind: the list shows the caller's reach of it. */
  kind: ResourceKind;
}) {
  const { alias, cols, from } = t;
  return {
    async getPlan(db: Queryable, id: number): Promise<Row | undefined> {
      const [row] = await db.query<Row>(`SELECT ${cols} FROM ${from} WHERE ${alias}.id = $1`, [id]);
      return row;
    },

    /** The caller's plans, newest first; a plan of a year is one whose period overlaps it. */
    async listPlans(
      db: Queryable,
      actor: Actor,
      f: { stationId?: number; year?: number },
      p: { afterId?: number; limit: number },
    ): Promise<Row[]> {
      const w = readableWhere(actor, t.kind, new Where());
      w.addIf(f.stationId, `${alias}.station_id = ?`);
      if (f.year)
        w.add(
          `${alias}.period_start <= ?::date AND ${alias}.period_end >= ?::date`,
          `${f.year}-12-31`,
          `${f.year}-01-01`,
        );
      w.addIf(p.afterId, `${alias}.id < ?`);
      return db.query<Row>(
        `SELECT ${cols} FROM ${from} ${w} ORDER BY ${alias}.id DESC LIMIT ${w.param(p.limit + 1)}`,
        w.params,
      );
    },

    async setTarget(tx: Queryable, id: number, targetBatches: number) {
      await tx.query(`UPDATE ${t.table} SET target_batches = $2 WHERE id = $1`, [id, targetBatches]);
    },
  };
}

/** Whether the unit is a 市场监管所 (plans belong to stations). */
export async function isStation(db: Queryable, id: number): Promise<boolean> {
  const [row] = await db.query<{ id: number }>(`SELECT id FROM org_units WHERE id = $1 AND kind = 'station'`, [id]);
  return row !== undefined;
}
