/** PostgreSQL SQLSTATE of an error thrown by either driver. */
export const sqlState = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : undefined;

export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';

/** The constraint a unique or foreign-key violation names (both drivers report it). */
export const violatedConstraint = (err: unknown): string | undefined =>
  typeof err === 'object' && err !== null && 'constraint' in err
    ? String((err as { constraint: unknown }).constraint)
    : undefined;

/** Server going away or not accepting connections: admin shutdown/terminate, crash, starting up, too many. */
const CONNECTION_STATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);
// node-postgres and pg-pool report a lost or unobtainable connection only in the message.
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed|connection error/i;

/** Whether the error means the connection (not the statement) failed: retrying later may succeed. */
export function isConnectionError(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const code = sqlState(err);
  if (code && (CONNECTION_STATES.has(code) || SOCKET_CODES.has(code))) return true;
  return err instanceof Error && CONNECTION_MESSAGES.test(err.message);
}
