import type { JobDefinition } from '../jobs/definition.ts';
import type { ComplaintAnalysis } from './services/analysis.ts';
import type { ComplaintAttachments } from './services/attachments.ts';
import type { ComplaintWorkflow } from './services/workflow.ts';

/** First day of the month `n` months before this one, for incremental rollups. */
function monthsAgo(n: number): string {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - n, 1)).toISOString().slice(0, 10);
}

export function complaintJobs(deps: {
  workflow: Pick<ComplaintWorkflow, 'escalateOverdue'>;
  analysis: Pick<ComplaintAnalysis, 'rebuildStats' | 'detectSpikes' | 'linkDuplicates'>;
  attachments: Pick<ComplaintAttachments, 'deleteUnclaimed'>;
  uploadUnclaimedHours: number;
}): JobDefinition[] {
  return [
    {
      kind: 'complaints.uploads-cleanup',
      run: () => deps.attachments.deleteUnclaimed(deps.uploadUnclaimedHours),
      schedules: [{ everySeconds: 3600 }],
    },
    { kind: 'complaints.escalate', run: () => deps.workflow.escalateOverdue(), schedules: [{ everySeconds: 3600 }] },
    // Recent months only: older months do not change, and a full rebuild is a one-off (demo load, repair).
    {
      kind: 'complaints.rollup',
      run: () => deps.analysis.rebuildStats(monthsAgo(1)),
      schedules: [{ everySeconds: 600 }],
    },
    {
      kind: 'complaints.detect',
      run: async () => ({
        ...(await deps.analysis.detectSpikes()),
        ...(await deps.analysis.linkDuplicates(monthsAgo(0))),
      }),
      schedules: [{ everySeconds: 86_400 }],
    },
  ];
}
