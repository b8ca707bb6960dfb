import type { ApprovalStep } from './case-workflow.ts';

/**
 * Local policy of the case module, kept as data (case_settings, edited by an administrator). The defaults
 * follow the national rules and Guangdong's published thresholds; a province changes them, not the code.
 * Money is in fen.
 */
export interface CaseSettings {
  /** 简易程序 limits (行政处罚法 Art. 51): a warning, or a fine up to these amounts. */
  summaryFineLimitFen: { person: number; organisation: number };
  /** Days after a summary decision within which it is filed (备案) with the unit. */
  summaryFilingDays: number;
  /** Roles whose holders record the 备案 of a summary decision (the officers' chief); never the case's officers. */
  summaryFilingRoles: string[];
  /** 听证: 较大数额罚款 / 没收 thresholds (provincial). */
  hearingThresholdFen: { person: number; organisation: number };
  /** 大要案: a case at or above these figures, or with one of these penalty kinds. */
  majorCase: { fineFen: number; caseValueFen: number; penaltyKinds: PenaltyKind[] };
  /** 集体讨论 (重大案件): required at or above this fine, or for these penalty kinds. */
  collective: { fineFen: number; penaltyKinds: PenaltyKind[] };
  /** Role chains per approval step, in order; each role's holder approves in turn. */
  approvalChains: Record<ApprovalStep, string[]>;
  /** Disclosure (SAMR Order 45): a fine at or below this is shown 3 months, not 3 years. */
  disclosureLowFineFen: number;
  /** 严重违法失信名单 (SAMR Order 44): a heavy penalty in these violation areas proposes the entity. */
  seriousListAreas: string[];
  /** Limitation warning: days before the limitation date the case list shows it. */
  limitationWarningDays: number;
  /**
   * Abbreviation in document numbers per issuing bureau (org unit code → 南海市监); a bureau not listed derives
   * it from its name (domain/case-documents.ts authorityAbbreviation).
   */
  documentAuthorityAbbr?: Record<string, string>;
}

export const defaultCaseSettings: CaseSettings = {
  summaryFineLimitFen: { person: 200_00, organisation: 3_000_00 },
  summaryFilingDays: 7,
  summaryFilingRoles: ['station_chief'],
  // 《市场监督管理行政处罚听证办法》 Art. 5: ¥10,000 for a person, ¥100,000 for an organisation, unless the province sets its own.
  hearingThresholdFen: { person: 10_000_00, organisation: 100_000_00 },
  majorCase: {
    fineFen: 100_000_00,
    caseValueFen: 200_000_00,
    penaltyKinds: ['revoke_licence', 'suspend_business', 'close_business'],
  },
  collective: { fineFen: 200_000_00, penaltyKinds: ['revoke_licence', 'suspend_business', 'close_business'] },
  approvalChains: {
    leadExtension: ['station_chief'],
    filing: ['station_chief'],
    extension: ['station_chief', 'leader'],
    legalReview: ['legal_reviewer'],
    collective: ['leader'],
    decision: ['station_chief', 'leader'],
    closing: ['station_chief'],
    instalment: ['station_chief', 'leader'],
  },
  disclosureLowFineFen: 10_000_00,
  seriousListAreas: ['food', 'drug', 'special_equipment'],
  limitationWarningDays: 60,
  documentAuthorityAbbr: {},
};

/** Penalty kinds that make a person or business eligible for a hearing whatever the amount. */
export const hearingPenaltyKinds = [
  'lower_qualification',
  'revoke_licence',
  'suspend_business',
  'close_business',
  'restrict_operation',
  'restrict_practice',
] as const;

/** Penalty kinds whose publication is never removed early (SAMR Order 45). */
export const neverEarlyRemovalKinds = [
  'suspend_business',
  'restrict_operation',
  'restrict_practice',
  'revoke_licence',
] as const;

/** 行政处罚的种类 (行政处罚法 Art. 9 and the SAMR rules), in the order of the law. */
export const penaltyKinds = [
  'warning',
  'reprimand',
  'fine',
  'confiscate_gains',
  'confiscate_property',
  'suspend_licence',
  'revoke_licence',
  'lower_qualification',
  'restrict_operation',
  'suspend_business',
  'close_business',
  'restrict_practice',
] as const;
export type PenaltyKind = (typeof penaltyKinds)[number];

export const penaltyKindLabels: Readonly<Record<string, string>> = {
  warning: '警告',
  reprimand: '通报批评',
  fine: '罚款',
  confiscate_gains: '没收违法所得',
  confiscate_property: '没收非法财物',
  suspend_licence: '暂扣许可证件',
  revoke_licence: '吊销许可证件',
  lower_qualification: '降低资质等级',
  restrict_operation: '限制开展生产经营活动',
  suspend_business: '责令停产停业',
  close_business: '责令关闭',
  restrict_practice: '限制从业',
};

export const discretionLabels: Record<string, string> = {
  standard: '一般',
  lighter: '从轻处罚',
  mitigated: '减轻处罚',
  heavier: '从重处罚',
  exempt: '不予处罚',
};
