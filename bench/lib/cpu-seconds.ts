// CPU seconds of the processes an import runs on, for the ceiling on a machine of N cores: a path whose stages need
// C CPU seconds in all cannot take less than C ÷ N wall seconds, however well they overlap.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime (+ cutime + cstime: children already reaped) of /proc/PID/stat, in seconds; 0 once it is gone. */
export function processCpuSeconds(pid: number, withChildren = false): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // fields from 3 (state) on
    const own = Number(f[11]) + Number(f[12]);
    return (withChildren ? own + Number(f[13]) + Number(f[14]) : own) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * Every PostgreSQL process on the machine: backends, walwriter, checkpointer, autovacuum, parallel workers; those
 * that exited count through the postmaster, which reaps them (its children's times).
 */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let comm: string;
    try {
      comm = readFileSync(`/proc/${name}/comm`, 'utf8').trim();
    } catch {
      continue;
    }
    if (comm === 'postgres') total += processCpuSeconds(Number(name), true);
  }
  return total;
}

/** CPU seconds of this process (all its threads) and of PostgreSQL since the meter started. */
export function cpuMeter() {
  const self = process.cpuUsage();
  const pg = postgresCpuSeconds();
  return () => {
    const u = process.cpuUsage(self);
    return { bench: (u.user + u.system) / 1e6, postgres: postgresCpuSeconds() - pg };
  };
}
