/** Builds a parameterised WHERE clause; values never enter the SQL text. */
export class Where {
  readonly params: unknown[] = [];
  private readonly clauses: string[] = [];

  /** `clause` uses `?` for each placeholder, in order. */
  add(clause: string, ...values: unknown[]): this {
    let i = 0;
    const sql = clause.replace(/\?/g, () => {
      this.params.push(values[i++]);
      return `$${this.params.length}`;
    });
    this.clauses.push(sql);
    return this;
  }

  /** Adds the clause only when the value is present. */
  addIf(value: unknown, clause: string): this {
    return value === undefined || value === null || value === '' ? this : this.add(clause, value);
  }

  /** Appends a parameter outside the WHERE (e.g. LIMIT) and returns its placeholder. */
  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  toString(): string {
    return this.clauses.length ? `WHERE ${this.clauses.join(' AND ')}` : '';
  }
}

export const escapeLike = (s: string) => s.replace(/[\\%_]/g, '\\$&');

/** Opaque keyset cursor: base64url of the last row's sort key. */
export function encodeCursor(key: unknown[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Trims the extra row fetched to detect a next page and encodes the cursor from the last item. */
export function keysetPage<T>(rows: T[], limit: number, keyOf: (row: T) => unknown[]) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}
