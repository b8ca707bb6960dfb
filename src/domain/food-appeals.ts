import type { Transition } from './transition.ts';

/**
 * 申诉、答复与复评 (issue 13 point 6): the defaults. Each is overridable by an environment variable of the same name
 * (src/server/config.ts); docs/FOOD.md lists them.
 */
export interface FoodAppealPolicy {
  /** Calendar days after the grade date to appeal; a period ending on a rest day runs to the next working day. */
  FOOD_APPEAL_DAYS: number;
  /** Working days from receipt to decide an appeal. */
  FOOD_APPEAL_DECISION_WORKING_DAYS: number;
  /** Working days from submission to publish or reject a reply. */
  FOOD_REPLY_REVIEW_WORKING_DAYS: number;
  /** At most one re-rating request (not rejected) per this many months. */
  FOOD_REVISIT_INTERVAL_MONTHS: number;
  /** Working days to accept or reject a re-rating request. */
  FOOD_REVISIT_DECISION_WORKING_DAYS: number;
  /** The re-visit is planned this many working days after acceptance (unless the decider names an earlier date). */
  FOOD_REVISIT_PLAN_WORKING_DAYS: number;
}

export const defaultFoodAppealPolicy: FoodAppealPolicy = {
  FOOD_APPEAL_DAYS: 14,
  FOOD_APPEAL_DECISION_WORKING_DAYS: 10,
  FOOD_REPLY_REVIEW_WORKING_DAYS: 5,
  FOOD_REVISIT_INTERVAL_MONTHS: 3,
  FOOD_REVISIT_DECISION_WORKING_DAYS: 5,
  FOOD_REVISIT_PLAN_WORKING_DAYS: 20,
};

const DAY = 86_400_000;
export const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
export const addMonths = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d.getUTCDate(), last));
  return target.toISOString().slice(0, 10);
};

export const appealStatuses = ['pending', 'upheld', 'changed', 'gradeWithdrawn'] as const;
export type AppealStatus = (typeof appealStatuses)[number];
export const appealStatusLabels: Record<AppealStatus, string> = {
  pending: '待决定',
  upheld: '维持原等级',
  changed: '变更等级',
  gradeWithdrawn: '撤销等级',
};
export type AppealAction = 'submit' | 'uphold' | 'change' | 'withdrawGrade';
export const appealWorkflow: Readonly<Record<AppealAction, Transition<AppealStatus, 'grounds' | 'reason' | 'grade'>>> =
  {
    submit: { label: '提出申诉', from: [null], to: 'pending', requires: ['grounds'] },
    uphold: { label: '维持原等级', from: ['pending'], to: 'upheld', requires: ['reason'] },
    change: { label: '变更等级', from: ['pending'], to: 'changed', requires: ['reason', 'grade'] },
    withdrawGrade: { label: '撤销等级', from: ['pending'], to: 'gradeWithdrawn', requires: ['reason'] },
  };

export const replyStatuses = ['submitted', 'published', 'rejected'] as const;
export type ReplyStatus = (typeof replyStatuses)[number];
export const replyStatusLabels: Record<ReplyStatus, string> = {
  submitted: '待审核',
  published: '已公开',
  rejected: '未予公开',
};
export type ReplyAction = 'submit' | 'publish' | 'reject';
export const replyWorkflow: Readonly<Record<ReplyAction, Transition<ReplyStatus, 'body' | 'reason'>>> = {
  submit: { label: '提交答复', from: [null], to: 'submitted', requires: ['body'] },
  publish: { label: '公开答复', from: ['submitted'], to: 'published', requires: [] },
  reject: { label: '不予公开', from: ['submitted'], to: 'rejected', requires: ['reason'] },
};

export const revisitStatuses = ['requested', 'accepted', 'rejected'] as const;
export type RevisitStatus = (typeof revisitStatuses)[number];
export const revisitStatusLabels: Record<RevisitStatus, string> = {
  requested: '待受理',
  accepted: '已受理（已排复评检查）',
  rejected: '不予受理',
};
export type RevisitAction = 'request' | 'accept' | 'reject';
export const revisitWorkflow: Readonly<Record<RevisitAction, Transition<RevisitStatus, 'reason'>>> = {
  request: { label: '申请复评', from: [null], to: 'requested', requires: ['reason'] },
  accept: { label: '受理复评', from: ['requested'], to: 'accepted', requires: [] },
  reject: { label: '不予受理', from: ['requested'], to: 'rejected', requires: ['reason'] },
};
