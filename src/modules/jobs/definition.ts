import type { JobHandler } from './runner.ts';

/**
 * A background job kind a module offers, with its schedules when it recurs. Each module lists its own in
 * `jobs.ts`; src/server/jobs.ts registers them all with the runner and writes the schedules at start.
 */
export interface JobDefinition {
  kind: string;
  run: JobHandler;
  /** Each schedule enqueues the kind every `everySeconds`; `name` defaults to the kind. */
  schedules?: readonly { name?: string; everySeconds: number; payload?: unknown }[];
}
