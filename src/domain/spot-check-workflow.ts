import type { Transition } from './transition.ts';

/** The 双随机 workflow: one transition table per subject, tasks (draft → frozen → drawn → closed) and visits. */
export type TaskStatus = 'draft' | 'frozen' | 'drawn' | 'closed' | 'cancelled';
export type VisitStatus = 'assigned' | 'inspected' | 'published';
export type TaskAction = 'freeze' | 'draw' | 'close' | 'cancel';
export type VisitAction = 'complete' | 'publish';

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

export const taskTransitions: Record<TaskAction, Transition<TaskStatus, never>> = {
  freeze: { label: '冻结名录库并公布承诺值', from: ['draft'], to: 'frozen', requires: [] },
  draw: { label: '抽取并公开种子', from: ['frozen'], to: 'drawn', requires: [] },
  close: { label: '结束任务', from: ['drawn'], to: 'closed', requires: [] },
  cancel: { label: '取消任务', from: ['draft', 'frozen'], to: 'cancelled', requires: [] },
};

export const visitTransitions: Record<VisitAction, Transition<VisitStatus, never>> = {
  // Every item has a result (checked by the service): the 20-working-day publication clock starts.
  complete: { label: '检查完成', from: ['assigned'], to: 'inspected', requires: [] },
  publish: { label: '公示结果', from: ['inspected'], to: 'published', requires: [] },
};

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
