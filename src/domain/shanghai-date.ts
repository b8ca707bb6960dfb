/**
 * Today's date in Asia/Shanghai (UTC+8, no DST), the calendar the deadlines live in. On its own, free of the
 * working-day calendar (which reads a Node module), so the web UI uses this same function.
 */
export function shanghaiToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}
