import type { JobDefinition } from '../jobs/definition.ts';
import { SCREEN_REFRESH_SECONDS, type ScreenService } from './service.ts';

export function screenJobs(screen: Pick<ScreenService, 'refresh'>): JobDefinition[] {
  return [
    { kind: 'screen.refresh', run: () => screen.refresh(), schedules: [{ everySeconds: SCREEN_REFRESH_SECONDS }] },
  ];
}
