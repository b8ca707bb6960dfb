import type { Transition } from './transition.ts';

/**
 * 执法办案 workflow (《市场监督管理行政处罚程序规定》): one transition table for leads and one for cases, on the
 * shared Transition type. Every status change of a lead or a case is looked up here and written with its
 * case_steps row and its audit row in one transaction. An action with an `approval` step is first requested;
 * it takes effect when the last approver of the step's configured role chain approves (case_approvals).
 */
export type LeadStatus = 'verifying' | 'filed' | 'not_filed' | 'merged';
export type CaseStatus =
  | 'draft'
  | 'investigating'
  | 'suspended'
  | 'investigated'
  | 'reviewed'
  | 'discussed'
  | 'notified'
  | 'hearing'
  | 'heard'
  | 'decided'
  | 'served'
  | 'enforcement'
  | 'closed'
  | 'annulled';

export type ApprovalStep =
  | 'leadExtension'
  | 'filing'
  | 'extension'
  | 'legalReview'
  | 'collective'
  | 'decision'
  | 'closing'
  | 'instalment';

export type CaseDocumentKind =
  | 'filingApproval'
  | 'notFilingApproval'
  | 'penaltyNotice'
  | 'hearingNotice'
  | 'penaltyDecision'
  | 'summaryDecision'
  | 'closingApproval';

export type CaseRequirement =
  | 'reason'
  | 'ground'
  | 'targetCaseId'
  | 'report'
  | 'minutes'
  | 'hearingOn'
  | 'decisionKind'
  | 'servedOn'
  | 'serveMethod'
  | 'note'
  | 'penalties'
  | 'amountFen'
  | 'paidOn'
  | 'summaryFiledOn';

export interface CaseTransition<S extends string> extends Transition<S, CaseRequirement> {
  /** The approval step whose role chain must approve before the transition takes effect. */
  approval?: ApprovalStep;
  /** The document the transition issues (numbered, PDF and DOCX). */
  document?: CaseDocumentKind;
  /** Only for cases of this procedure (409 on a case of the other one); absent: any procedure. */
  procedure?: 'general' | 'summary';
}

export const leadStatusLabels: Record<LeadStatus, string> = {
  verifying: '核查中',
  filed: '已立案',
  not_filed: '不予立案',
  merged: '已并案',
};

export const caseStatusLabels: Record<CaseStatus, string> = {
  draft: '待立案',
  investigating: '调查取证',
  suspended: '案件中止',
  investigated: '调查终结',
  reviewed: '法制审核通过',
  discussed: '集体讨论通过',
  notified: '已告知（陈述申辩期）',
  hearing: '听证中',
  heard: '听证结束',
  decided: '已作出决定',
  served: '已送达（执行中）',
  enforcement: '申请强制执行',
  closed: '已结案',
  annulled: '决定已撤销',
};

/** A lead's number as staff see it (AY + the id in 8 digits). */
export const leadCode = (id: number) => `AY${String(id).padStart(8, '0')}`;

export type LeadAction = 'register' | 'extend' | 'pauseClock' | 'resumeClock' | 'notFile' | 'merge' | 'file';

export const leadTransitions: Readonly<Record<LeadAction, CaseTransition<LeadStatus>>> = {
  register: { label: '登记线索', from: [null], to: 'verifying', requires: [] },
  extend: { label: '延长核查期限', from: ['verifying'], to: null, requires: ['reason'], approval: 'leadExtension' },
  // 检测、检验、检疫、鉴定 and 权利人辨认 are not counted in the 15 working days.
  pauseClock: { label: '核查期限中止计算', from: ['verifying'], to: null, requires: ['reason'] },
  resumeClock: { label: '核查期限恢复计算', from: ['verifying'], to: null, requires: [] },
  notFile: {
    label: '不予立案',
    from: ['verifying'],
    to: 'not_filed',
    requires: ['ground'],
    approval: 'filing',
    document: 'notFilingApproval',
  },
  merge: { label: '并案处理', from: ['verifying'], to: 'merged', requires: ['targetCaseId'] },
  // Taken by the case's `file` transition when its approval completes.
  file: { label: '立案', from: ['verifying'], to: 'filed', requires: [] },
};

/** Statuses in which the decision clock runs (after 立案, before 决定). */
export const openCaseStatuses = [
  'investigating',
  'suspended',
  'investigated',
  'reviewed',
  'discussed',
  'notified',
  'hearing',
  'heard',
] as const satisfies readonly CaseStatus[];

export type CaseAction =
  | 'propose'
  | 'file'
  | 'suspend'
  | 'resume'
  | 'pauseClock'
  | 'resumeClock'
  | 'extend'
  | 'extendCollective'
  | 'finishInvestigation'
  | 'reopen'
  | 'legalReview'
  | 'discuss'
  | 'notify'
  | 'recordStatement'
  | 'scheduleHearing'
  | 'finishHearing'
  | 'decide'
  | 'serve'
  | 'recordPayment'
  | 'approveInstalment'
  | 'applyEnforcement'
  | 'close'
  | 'annul'
  | 'summaryDecide'
  | 'summaryFile';

export const caseTransitions: Readonly<Record<CaseAction, CaseTransition<CaseStatus>>> = {
  propose: { label: '提请立案', from: [null], to: 'draft', requires: [] },
  file: {
    label: '立案',
    from: ['draft'],
    to: 'investigating',
    requires: [],
    approval: 'filing',
    document: 'filingApproval',
  },
  suspend: { label: '中止调查', from: ['investigating'], to: 'suspended', requires: ['reason'] },
  resume: { label: '恢复调查', from: ['suspended'], to: 'investigating', requires: [] },
  // 检测、检验、检疫、鉴定 and 公告 periods are not counted in the 90 days.
  pauseClock: { label: '办案期限中止计算', from: [...openCaseStatuses], to: null, requires: ['reason'] },
  resumeClock: { label: '办案期限恢复计算', from: [...openCaseStatuses], to: null, requires: [] },
  extend: {
    label: '延长办案期限30日',
    from: [...openCaseStatuses],
    to: null,
    requires: ['reason'],
    approval: 'extension',
  },
  extendCollective: {
    label: '经集体讨论再次延长办案期限',
    from: [...openCaseStatuses],
    to: null,
    requires: ['reason', 'minutes'],
    approval: 'collective',
  },
  finishInvestigation: { label: '调查终结报告', from: ['investigating'], to: 'investigated', requires: ['report'] },
  reopen: {
    label: '补充调查',
    from: ['investigated', 'reviewed', 'discussed'],
    to: 'investigating',
    requires: ['reason'],
  },
  legalReview: { label: '法制审核', from: ['investigated'], to: 'reviewed', requires: [], approval: 'legalReview' },
  discuss: { label: '集体讨论', from: ['reviewed'], to: 'discussed', requires: ['minutes'], approval: 'collective' },
  notify: {
    label: '行政处罚告知',
    from: ['reviewed', 'discussed'],
    to: 'notified',
    requires: ['penalties'],
    document: 'penaltyNotice',
  },
  recordStatement: { label: '记录陈述申辩', from: ['notified'], to: null, requires: ['note'] },
  scheduleHearing: {
    label: '举行听证通知',
    from: ['notified'],
    to: 'hearing',
    requires: ['hearingOn'],
    document: 'hearingNotice',
  },
  finishHearing: { label: '听证结束', from: ['hearing'], to: 'heard', requires: ['report'] },
  decide: {
    label: '作出处理决定',
    from: ['reviewed', 'discussed', 'notified', 'heard'],
    to: 'decided',
    requires: ['decisionKind'],
    approval: 'decision',
    document: 'penaltyDecision',
  },
  serve: { label: '送达', from: ['decided'], to: 'served', requires: ['servedOn', 'serveMethod'] },
  recordPayment: { label: '登记缴款', from: ['served', 'enforcement'], to: null, requires: ['amountFen', 'paidOn'] },
  approveInstalment: {
    label: '分期（延期）缴纳罚款',
    from: ['served'],
    to: null,
    requires: ['reason'],
    approval: 'instalment',
  },
  applyEnforcement: { label: '申请强制执行', from: ['served'], to: 'enforcement', requires: ['note'] },
  close: {
    label: '结案',
    from: ['decided', 'served', 'enforcement'],
    to: 'closed',
    requires: [],
    approval: 'closing',
    document: 'closingApproval',
  },
  annul: {
    label: '决定变更、撤销或确认无效',
    from: ['decided', 'served', 'enforcement', 'closed'],
    to: 'annulled',
    requires: ['reason'],
  },
  // 简易程序: decided and served on the spot.
  summaryDecide: {
    label: '当场作出行政处罚决定',
    from: [null],
    to: 'served',
    requires: ['penalties'],
    document: 'summaryDecision',
  },
  // 简易程序备案: the decision made on the spot is filed with the unit (by a role in settings.summaryFilingRoles)
  // within settings.summaryFilingDays working days; once.
  summaryFile: {
    label: '简易程序备案',
    from: ['served', 'enforcement', 'closed'],
    to: null,
    requires: ['summaryFiledOn'],
    procedure: 'summary',
  },
};

/**
 * The actions a case in `status` offers (the UI shows them as buttons; the service still checks guards); with
 * `procedure`, those of the other procedure are left out.
 */
export function caseActionsFrom(status: CaseStatus, procedure?: 'general' | 'summary'): CaseAction[] {
  return (Object.entries(caseTransitions) as [CaseAction, CaseTransition<CaseStatus>][])
    .filter(([, t]) => t.from.includes(status) && (!procedure || !t.procedure || t.procedure === procedure))
    .map(([action]) => action);
}

export function leadActionsFrom(status: LeadStatus): LeadAction[] {
  return (Object.entries(leadTransitions) as [LeadAction, CaseTransition<LeadStatus>][])
    .filter(([action, t]) => action !== 'file' && t.from.includes(status))
    .map(([action]) => action);
}
