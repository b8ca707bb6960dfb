/** Status names of every workflow, keyed by the status code the API sends (see web/src/lib/status-tags.ts). */
export const statusZhCN = {
  'status.complaint.received': '待受理',
  'status.complaint.accepted': '已受理',
  'status.complaint.rejected': '不予受理',
  'status.complaint.mediating': '调解中',
  'status.complaint.mediationSucceeded': '调解成功',
  'status.complaint.mediationTerminated': '终止调解',
  'status.complaint.verifying': '核查中',
  'status.complaint.caseOpened': '已立案',
  'status.complaint.caseNotOpened': '不予立案',
  'status.complaint.answered': '已答复',
  'status.complaint.transferred': '已移送',
  'status.complaint.closed': '已办结',

  'status.creditBatch.proposed': '拟列入',
  'status.creditBatch.approved': '已决定列入',
  'status.creditBatch.discarded': '不予列入',

  'status.creditListing.proposed': '拟列入',
  'status.creditListing.listed': '列入中',
  'status.creditListing.removed': '已移出',
  'status.creditListing.discarded': '不予列入',

  'status.creditRepair.applied': '已申请',
  'status.creditRepair.reviewed': '已审查',
  'status.creditRepair.approved': '准予修复',
  'status.creditRepair.rejected': '不予修复',

  'status.spotCheckTask.draft': '草稿',
  'status.spotCheckTask.frozen': '名录库已冻结',
  'status.spotCheckTask.drawn': '已抽取',
  'status.spotCheckTask.closed': '已结束',
  'status.spotCheckTask.cancelled': '已取消',

  'status.spotCheckVisit.assigned': '待检查',
  'status.spotCheckVisit.inspected': '已检查待公示',
  'status.spotCheckVisit.published': '已公示',

  'status.entity.active': '存续（在业）',
  'status.entity.suspended': '停业',
  'status.entity.revoked': '吊销',
  'status.entity.deregistered': '注销',
  'status.entity.movedOut': '迁出',

  'status.job.queued': '排队中',
  'status.job.running': '运行中',
  'status.job.succeeded': '已完成',
  'status.job.failed': '失败',
  'status.job.cancelled': '已取消',
} as const;
