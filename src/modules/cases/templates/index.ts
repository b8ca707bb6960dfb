import type { CaseDocumentKind } from '../../../domain/case-workflow.ts';
import type { Block } from '../../../platform/doc-layout.ts';
import { closingApproval } from './closing-approval.ts';
import type { DocumentData } from './data.ts';
import { filingApproval } from './filing-approval.ts';
import { hearingNotice } from './hearing-notice.ts';
import { notFilingApproval } from './not-filing-approval.ts';
import { penaltyDecision } from './penalty-decision.ts';
import { penaltyNotice } from './penalty-notice.ts';
import { summaryDecision } from './summary-decision.ts';

/** One template per document kind (《市场监督管理行政执法文书格式范本》). */
export const templates: Record<CaseDocumentKind, (d: DocumentData) => Block[]> = {
  filingApproval,
  notFilingApproval,
  penaltyNotice,
  hearingNotice,
  penaltyDecision,
  summaryDecision,
  closingApproval,
};
