import type { Db } from '../../src/db/client.ts';
import type { MatrixContext, Outcome, SeededRows } from './probe.ts';

/** Shared by the probes: an outcome from a response, one inserted row's id, one row per owner. */
export const status = (res: { status: number }): Outcome => ({ status: res.status });

export async function insertOne(db: Db, sql: string, params: unknown[]): Promise<string> {
  const [row] = await db.query<{ id: number | string }>(sql, params);
  if (!row) throw new Error(`insert returned nothing: ${sql}`);
  return String(row.id);
}

/** Seeds one row per owner at A and the outsider's at B with `insert(ownerId, unitId)`. */
export async function seedEach(
  ctx: MatrixContext,
  owners: readonly number[],
  outsider: number,
  insert: (owner: number, unitId: number) => Promise<string>,
): Promise<SeededRows> {
  const ownRows = new Map<number, string>();
  for (const owner of owners) ownRows.set(owner, await insert(owner, ctx.stationA.id));
  return { ownRows, stationBRow: await insert(outsider, ctx.stationB.id) };
}
