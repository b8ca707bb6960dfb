import { yuanText } from '../../../domain/case-documents.ts';
import { type Block, form } from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import { approvalRows, type DocumentData, officerLine, opinionOf, or, penaltyItems, violationNames } from './data.ts';

/** 结案审批表 (范本 文书40): the decision, how it was carried out and the reason for closing. */
export function closingApproval(d: DocumentData): Block[] {
  return [
    form([
      ['立案号', or(d.caseNo)],
      ['案由', violationNames(d)],
      ['当事人', or(d.party?.name)],
      ['立案日期', d.filedOn ? chineseDate(d.filedOn) : or(null)],
      ['处罚决定书文号', or(d.decisionNo)],
      ['决定日期', d.decidedOn ? chineseDate(d.decidedOn) : or(null)],
      ['处罚内容', penaltyItems(d).join('\n') || or(null)],
      ['罚没款', `应缴${yuanText(d.fineDueFen ?? 0)}元，已缴${yuanText(d.paidFen ?? 0)}元`],
      ['执行情况', or(d.execution)],
      ['结案理由', or(d.reason ?? d.ground)],
      ['承办人', officerLine(d)],
      ['承办人意见', opinionOf(d, '建议结案。')],
      ...approvalRows(d),
    ]),
  ];
}
