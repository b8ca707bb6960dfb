import type { TNotification } from '../../contracts/notifications.ts';
import type { NotificationRow } from './repo.ts';

/** A notification as its recipient sees it: the recipient id is implied. */
export const toNotification = ({ userId: _, ...n }: NotificationRow): TNotification => n;
