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
