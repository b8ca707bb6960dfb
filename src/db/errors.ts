/** PostgreSQL SQLSTATE of an error thrown by either driver. */
export const sqlState = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;

export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';

/** The constraint a unique or foreign-key violation names (both drivers report it). */
export const violatedConstraint = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'constraint' in err
    ? String((err as { constraint: unknown }).constraint)
    : undefined;
