import type { Db } from '../db/client.ts';
import type { JobDefinition } from '../modules/jobs/definition.ts';
import { upsertSchedule } from '../modules/jobs/repo.ts';
import type { JobRunner } from '../modules/jobs/runner.ts';

/** The one place job kinds meet the runner. */
export function registerJobs(runner: Pick<JobRunner, 'register'>, definitions: readonly JobDefinition[]): void {
  for (const d of definitions) runner.register(d.kind, d.run);
}

/** Writes every module's schedules (idempotent; a changed interval replaces the old one). */
export async function writeSchedules(db: Db, definitions: readonly JobDefinition[]): Promise<void> {
  for (const d of definitions) {
    for (const s of d.schedules ?? []) {
      await upsertSchedule(db, {
        name: s.name ?? d.kind,
        kind: d.kind,
        intervalSeconds: s.everySeconds,
        payload: s.payload,
      });
    }
  }
}
