/**
 * What a notification is about (notifications.kind). Producers pick one; the bell shows its label and icon.
 * zh-CN labels here are the server's names for them; the web translates by kind (web/src/i18n).
 */
export const notificationKinds = {
  assigned: '分派给我',
  returned: '退回给我',
  overdue: '已超期',
  'approval-needed': '待我审批',
  'approval-decided': '审批结果',
  escalated: '督办',
  digest: '每日提醒',
  alert: '异常预警',
} as const;

export type NotificationKind = keyof typeof notificationKinds;
export const notificationKindCodes = Object.keys(notificationKinds) as NotificationKind[];
export const isNotificationKind = (k: string): k is NotificationKind => k in notificationKinds;
