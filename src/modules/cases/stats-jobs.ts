import type { JobDefinition } from '../jobs/definition.ts';
import type { CaseStats } from './services/stats.ts';

const ROLLUP_EVERY_SECONDS = 600;

export function caseStatsJobs(deps: { stats: Pick<CaseStats, 'refresh'> }): JobDefinition[] {
  return [
    // Recent months and months touched since the last runs (twice the period, so a late run misses nothing).
    {
      kind: 'cases.stats-rollup',
      run: () => deps.stats.refresh(new Date(Date.now() - 2 * ROLLUP_EVERY_SECONDS * 1000)),
      schedules: [{ everySeconds: ROLLUP_EVERY_SECONDS }],
    },
  ];
}
