import type { JobDefinition } from '../jobs/definition.ts';
import type { DrugSaleMonitoring } from './services/monitoring.ts';

/** Hourly spike run; nightly retention purge and rollup repair. */
export function drugSaleJobs(m: Pick<DrugSaleMonitoring, 'detect' | 'purge' | 'rebuildRollup'>): JobDefinition[] {
  return [
    { kind: 'drug-sales.detect', run: () => m.detect(), schedules: [{ everySeconds: 3600 }] },
    { kind: 'drug-sales.purge', run: () => m.purge(), schedules: [{ everySeconds: 86_400 }] },
    {
      kind: 'drug-sales.rollup',
      run: async () => ({ rows: await m.rebuildRollup() }),
      schedules: [{ everySeconds: 86_400 }],
    },
  ];
}
