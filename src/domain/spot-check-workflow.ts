/** The one transition table of the 双随机 workflow: tasks (draft → frozen → drawn → closed) and visits. */
export type TaskStatus = 'draft' | 'frozen' | 'drawn' | 'closed' | 'cancelled';
export type VisitStatus = 'assigned' | 'inspected' | 'published';
export type SpotCheckAction = 'freeze' | 'draw' | 'close' | 'cancel' | 'complete' | 'publish';

export const taskStatusLabels: Record<TaskStatus, string> = {
  draft: '草稿',
  frozen: '名录库已冻结',
  drawn: '已抽取',
  closed: '已结束',
  cancelled: '已取消',
};
export const visitStatusLabels: Record<VisitStatus, string> = {
  assigned: '待检查',
  inspected: '已检查待公示',
  published: '已公示',
};

type Transition =
  | { subject: 'task'; label: string; from: readonly TaskStatus[]; to: TaskStatus }
  | { subject: 'visit'; label: string; from: readonly VisitStatus[]; to: VisitStatus };

export const spotCheckTransitions: Record<SpotCheckAction, Transition> = {
  freeze: { subject: 'task', label: '冻结名录库并公布承诺值', from: ['draft'], to: 'frozen' },
  draw: { subject: 'task', label: '抽取并公开种子', from: ['frozen'], to: 'drawn' },
  close: { subject: 'task', label: '结束任务', from: ['drawn'], to: 'closed' },
  cancel: { subject: 'task', label: '取消任务', from: ['draft', 'frozen'], to: 'cancelled' },
  // Every item has a result: the 20-working-day publication clock starts.
  complete: { subject: 'visit', label: '检查完成', from: ['assigned'], to: 'inspected' },
  publish: { subject: 'visit', label: '公示结果', from: ['inspected'], to: 'published' },
};

export function checkSpotCheckTransition(
  action: SpotCheckAction,
  subject: 'task' | 'visit',
  status: string,
): { ok: true; to: string } | { ok: false; reason: string } {
  const t = spotCheckTransitions[action];
  if (t.subject !== subject)
    return { ok: false, reason: `操作 ${action} 不适用于${subject === 'task' ? '任务' : '检查'}` };
  if (!(t.from as readonly string[]).includes(status)) {
    const labels: Record<string, string> = { ...taskStatusLabels, ...visitStatusLabels };
    return { ok: false, reason: `当前状态“${labels[status] ?? status}”不能执行“${t.label}”` };
  }
  return { ok: true, to: t.to };
}

/** Publication deadline after the inspection (results published within 20 working days). */
export const PUBLICATION_WORKING_DAYS = 20;

/**
 * The standard result vocabulary. `problem` feeds the credit class (risk recompute queue); `lead` also opens a
 * follow-up case lead (a problem already corrected on the spot does not need one; 无法联系 goes to the abnormal
 * list through registration, and is followed up as a lead here).
 */
export const resultCategories = [
  { code: 'noProblem', label: '未发现问题', problem: false, lead: false },
  { code: 'correctedOnOrder', label: '发现问题经责令已改正', problem: true, lead: false },
  { code: 'pendingFollowUp', label: '发现问题待后续处理', problem: true, lead: true },
  { code: 'notPublished', label: '未按规定公示应当公示的信息', problem: true, lead: true },
  { code: 'falseInformation', label: '公示信息隐瞒真实情况弄虚作假', problem: true, lead: true },
  { code: 'unreachable', label: '通过登记的住所（经营场所）无法联系', problem: true, lead: true },
  { code: 'refusedInspection', label: '不配合检查情节严重', problem: true, lead: true },
  { code: 'noRelevantActivity', label: '未发现开展本次抽查涉及的经营活动', problem: false, lead: false },
  { code: 'closedOrLiquidating', label: '已关闭停业或正在组织清算', problem: false, lead: false },
  { code: 'deregistered', label: '注销', problem: false, lead: false },
  { code: 'revoked', label: '被吊销', problem: false, lead: false },
  { code: 'cancelled', label: '被撤销', problem: false, lead: false },
  { code: 'movedOut', label: '迁出', problem: false, lead: false },
] as const;
export type ResultCategory = (typeof resultCategories)[number]['code'];
export const resultCategoryCodes = resultCategories.map((c) => c.code) as [ResultCategory, ...ResultCategory[]];
export const categoryOf = (code: string) => resultCategories.find((c) => c.code === code);
