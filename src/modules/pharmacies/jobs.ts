import type { JobDefinition } from '../jobs/definition.ts';
import type { AttendanceService } from './services/attendance.ts';

export const ATTENDANCE_DAILY_JOB = 'pharmacy.attendance.daily';

/** The nightly close of yesterday's attendance (forgotten check-outs, days nobody came), after midnight. */
export const pharmacyJobs = (s: Pick<AttendanceService, 'closeDay'>): JobDefinition[] => [
  {
    kind: ATTENDANCE_DAILY_JOB,
    run: (ctx) => s.closeDay((ctx.payload as { day?: string } | null)?.day ?? undefined),
    schedules: [{ everySeconds: 3_600 }],
  },
];
