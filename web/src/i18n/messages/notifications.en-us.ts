import type { notificationsZhCN } from './notifications.zh-cn.ts';

export const notificationsEnUS: Record<keyof typeof notificationsZhCN, string> = {
  'notifications.title': 'Notifications',
  'notifications.bell': 'Notifications ({n} unread)',
  'notifications.empty': 'No unread notifications',
  'notifications.emptyAll': 'No notifications',
  'notifications.markAllRead': 'Mark all as read',
  'notifications.viewAll': 'View all',
  'notifications.unreadOnly': 'Unread only',
  'notifications.unread': 'Unread',
  'notifications.kind.assigned': 'Assigned',
  'notifications.kind.returned': 'Returned',
  'notifications.kind.overdue': 'Overdue',
  'notifications.kind.approval-needed': 'Needs approval',
  'notifications.kind.approval-decided': 'Approval result',
  'notifications.kind.escalated': 'Escalated',
  'notifications.kind.digest': 'Daily digest',
  'notifications.kind.alert': 'Alert',
} as const;
