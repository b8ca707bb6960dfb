import type { JobDefinition } from '../jobs/definition.ts';
import type { DirectiveService } from './services/directives.ts';

export const DIRECTIVES_OVERDUE_JOB = 'equipment.directives.overdue';

/** Daily: orders past their deadline are escalated (督办) and raise a 案源. */
export const equipmentHazardJobs = (directives: Pick<DirectiveService, 'escalateOverdue'>): JobDefinition[] => [
  { kind: DIRECTIVES_OVERDUE_JOB, run: () => directives.escalateOverdue(), schedules: [{ everySeconds: 86_400 }] },
];
