/** 消息通知: the header bell and the notifications page. */
export const notificationsZhCN = {
  'notifications.title': '消息通知',
  'notifications.bell': '消息通知（{n} 条未读）',
  'notifications.empty': '暂无未读消息',
  'notifications.emptyAll': '暂无消息',
  'notifications.markAllRead': '全部标为已读',
  'notifications.viewAll': '查看全部',
  'notifications.unreadOnly': '只看未读',
  'notifications.unread': '未读',
  'notifications.kind.assigned': '分派',
  'notifications.kind.returned': '退回',
  'notifications.kind.overdue': '超期',
  'notifications.kind.approval-needed': '待审批',
  'notifications.kind.approval-decided': '审批结果',
  'notifications.kind.escalated': '督办',
  'notifications.kind.digest': '每日提醒',
  'notifications.kind.alert': '异常预警',
} as const;
