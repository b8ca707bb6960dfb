/**
 * 12315 rule sets as versioned data: each item follows the set in force on the day it was received
 * and cites it. Values marked `verify` are taken from DOMAIN.md's defaults pending a check of the text.
 */
export type PeriodUnit = 'workingDays' | 'calendarDays';
export interface Period {
  days: number;
  unit: PeriodUnit;
  verify?: boolean;
}
export interface Ground {
  code: string;
  label: string;
}

export interface ComplaintRuleSet {
  code: string;
  name: string;
  citation: string;
  effectiveFrom: string;
  clocks: {
    /** 受理决定: from receipt. */
    acceptance: Period;
    /** 调解期限: from acceptance; past it mediation ends (终止). */
    mediation: Period;
    /** 终止调解告知: from the end of mediation. */
    terminationNotice: Period;
    /** 举报核查/立案决定: from receipt, extendable once. */
    reportVerification: Period;
    reportVerificationExtension: Period;
    /** 举报人告知: from the 立案/不立案 decision. */
    reporterNotice: Period;
    /** 咨询答复: local service standard. */
    inquiryAnswer: Period;
  };
  notAcceptedGrounds: Ground[];
  terminationGrounds: Ground[];
}

const commonNotAccepted: Ground[] = [
  { code: 'outside-duty', label: '投诉事项不属于市场监督管理部门职责，或者本行政机关不具有处理权限' },
  {
    code: 'handled-elsewhere',
    label:
      '法院、仲裁机构、市场监督管理部门或者其他行政机关、消费者协会或者依法成立的其他调解组织已经受理或者处理过同一消费者权益争议',
  },
  {
    code: 'not-consumer-dispute',
    label: '不是为生活消费需要购买、使用商品或者接受服务，或者不能证明与被投诉人之间存在消费者权益争议',
  },
  { code: 'over-three-years', label: '投诉人知道或者应当知道自己的权益受到被投诉人侵害之日起超过三年' },
  { code: 'materials-missing', label: '未提供规定的材料，或者提供的材料虚假' },
];

export const complaintRuleSets: readonly ComplaintRuleSet[] = [
  {
    code: 'samr-order-20',
    name: '市场监督管理投诉举报处理暂行办法',
    citation: '国家市场监督管理总局令第20号（2022年修正）',
    effectiveFrom: '2020-01-01',
    clocks: {
      acceptance: { days: 7, unit: 'workingDays' },
      mediation: { days: 45, unit: 'workingDays' },
      terminationNotice: { days: 7, unit: 'workingDays' },
      reportVerification: { days: 15, unit: 'workingDays' },
      reportVerificationExtension: { days: 15, unit: 'workingDays' },
      reporterNotice: { days: 5, unit: 'workingDays' },
      inquiryAnswer: { days: 7, unit: 'workingDays', verify: true },
    },
    notAcceptedGrounds: [
      ...commonNotAccepted,
      { code: 'other-legal', label: '法律、法规、规章规定不予受理的其他情形' },
    ],
    terminationGrounds: [
      { code: 'withdrawn-or-settled', label: '投诉人撤回投诉或者双方自行和解' },
      { code: 'testing-cost-disagreement', label: '对委托检定、检验、检测、鉴定的技术机构或者费用承担无法协商一致' },
      { code: 'party-absent-or-refused', label: '投诉人或者被投诉人无正当理由不参加调解，或者被投诉人明确拒绝调解' },
      { code: 'no-agreement-possible', label: '经组织调解，投诉人或者被投诉人明确表示无法达成调解协议' },
      { code: 'period-expired', label: '自投诉受理之日起四十五个工作日内未能达成调解协议' },
      { code: 'not-accepted-ground-found', label: '受理投诉后发现存在不予受理情形' },
      { code: 'other-legal', label: '法律、法规、规章规定的应当终止调解的其他情形' },
    ],
  },
  {
    code: 'samr-order-121',
    name: '市场监督管理投诉举报处理办法',
    citation: '国家市场监督管理总局令第121号',
    effectiveFrom: '2026-04-15',
    clocks: {
      acceptance: { days: 7, unit: 'workingDays', verify: true },
      mediation: { days: 60, unit: 'calendarDays', verify: true },
      terminationNotice: { days: 7, unit: 'workingDays', verify: true },
      reportVerification: { days: 15, unit: 'workingDays' },
      reportVerificationExtension: { days: 15, unit: 'workingDays' },
      reporterNotice: { days: 5, unit: 'workingDays', verify: true },
      inquiryAnswer: { days: 7, unit: 'workingDays', verify: true },
    },
    notAcceptedGrounds: [
      ...commonNotAccepted,
      { code: 'identity', label: '冒用他人身份或者拒不配合身份核验' },
      { code: 'other-legal', label: '法律、法规、规章规定不予受理的其他情形' },
    ],
    terminationGrounds: [
      { code: 'withdrawn-or-settled', label: '投诉人撤回投诉或者双方自行和解' },
      { code: 'party-absent-or-refused', label: '一方无正当理由不参加调解，或者被投诉人明确拒绝调解' },
      { code: 'no-agreement-possible', label: '一方明确表示无法达成调解协议' },
      { code: 'testing-cost-disagreement', label: '对检定、检验、检测、鉴定费用承担无法协商一致' },
      { code: 'period-expired', label: '自投诉受理之日起六十日内未能达成调解协议' },
      { code: 'not-accepted-ground-found', label: '受理投诉后发现存在不予受理情形' },
      { code: 'party-gone', label: '投诉人死亡或者被投诉人终止，且无权利义务承受人' },
      { code: 'other-legal', label: '法律、法规、规章规定的应当终止调解的其他情形' },
    ],
  },
];

/** The rule set in force on the day an item was received (sets sorted by effectiveFrom). */
export function ruleSetFor(
  receivedOn: string,
  sets: readonly ComplaintRuleSet[] = complaintRuleSets,
): ComplaintRuleSet {
  const inForce = [...sets]
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))
    .find((s) => s.effectiveFrom <= receivedOn);
  if (!inForce) throw new RangeError(`${receivedOn} 之前没有生效的投诉举报处理规则`);
  return inForce;
}
