import type { JobDefinition } from '../jobs/definition.ts';
import type { CaseExec } from './exec-service.ts';

/** Evidence uploads no evidence item took (the phone form was abandoned) are deleted after `hours`, hourly. */
export function caseExecJobs(exec: Pick<CaseExec, 'evidence'>, uploadUnclaimedHours: number): JobDefinition[] {
  return [
    {
      kind: 'cases.evidence-uploads-cleanup',
      run: () => exec.evidence.deleteStaleUploads(uploadUnclaimedHours),
      schedules: [{ everySeconds: 3600 }],
    },
  ];
}
