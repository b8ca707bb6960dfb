import type { JobDefinition } from '../jobs/definition.ts';
import { ENTITY_IMPORT_JOB, type EntityImportService } from './import/service.ts';

/** Imports are enqueued by an upload, never scheduled. */
export const entityJobs = (imports: Pick<EntityImportService, 'runJob'>): JobDefinition[] => [
  { kind: ENTITY_IMPORT_JOB, run: imports.runJob },
];
