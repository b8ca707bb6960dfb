import type { JobDefinition } from '../jobs/definition.ts';
import type { DisclosureService } from './services/disclosures.ts';

/** The cases module's scheduled work. Daily: 公示 overdue escalated, publications past their period stopped. */
export const caseDisclosureJobs = (disclosures: Pick<DisclosureService, 'sweep'>): JobDefinition[] => [
  { kind: 'cases.disclosure-sweep', run: () => disclosures.sweep(), schedules: [{ everySeconds: 86_400 }] },
];
