import type { JobDefinition } from '../jobs/definition.ts';
import type { NotificationService } from './service.ts';

/** The daily digest: one summary per user with unread notifications (deduplicated per day, so reruns are harmless). */
export function notificationJobs(notifications: Pick<NotificationService, 'digest'>): JobDefinition[] {
  return [{ kind: 'notifications.digest', run: () => notifications.digest(), schedules: [{ everySeconds: 86_400 }] }];
}
