/** Identifiers built from checked parts (table names from published.ts, digit-only city codes) and quoted anyway. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** A string literal for DDL that takes no parameters (CREATE SUBSCRIPTION … CONNECTION, server options). */
export const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;
