import type { JobDefinition } from '../jobs/definition.ts';
import { EQUIPMENT_SWEEP_JOB, type EquipmentSettingsService } from './services/settings.ts';

/** 正常 → 应报检 → 超期未检 follows the calendar: a nightly set-based sweep (idempotent). */
export const equipmentJobs = (settings: Pick<EquipmentSettingsService, 'sweep'>): JobDefinition[] => [
  {
    kind: EQUIPMENT_SWEEP_JOB,
    run: async () => void (await settings.sweep(null)),
    schedules: [{ everySeconds: 86_400 }],
  },
];
