import { decodeCursor, keysetPage } from '../../db/sql.ts';

/**
 * The sample lists' keyset cursor: base64url of the last row's id (newest first). Both sampling modules, and the
 * XLSX export, page this way.
 */
export const afterIdOf = (cursor?: string): number | undefined =>
  cursor ? Number(Buffer.from(cursor, 'base64url').toString()) || undefined : undefined;

/** Trims the extra row fetched to see a next page, maps the rest to the API view and encodes the cursor. */
export function idPage<R extends { id: number }, V>(rows: readonly R[], limit: number, view: (r: R) => V) {
  const items = rows.slice(0, limit);
  const nextCursor = rows.length > limit ? Buffer.from(String(items.at(-1)!.id)).toString('base64url') : null;
  return { items: items.map(view), nextCursor };
}

/** The plans' keyset cursor (src/db/sql.ts's JSON key of the last row, `[id]`). */
export function afterIdOfKey(cursor?: string): number | undefined {
  const after = decodeCursor(cursor)?.[0];
  return typeof after === 'number' ? after : undefined;
}

/** A plans page: `[id]` key cursor, rows mapped to the API view. */
export function keyPage<R extends { id: number }, V>(rows: R[], limit: number, view: (r: R) => V) {
  const page = keysetPage(rows, limit, (r) => [r.id]);
  return { items: page.items.map(view), nextCursor: page.nextCursor };
}
