import { type Block, form } from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import { approvalRows, type DocumentData, officerLine, opinionOf, or, violationNames } from './data.ts';

/** 立案审批表 (范本 文书5): the case, the party, the grounds for filing, the officers and the approvers. */
export function filingApproval(d: DocumentData): Block[] {
  const p = d.party ?? {};
  return [
    form([
      ['立案号', or(d.caseNo)],
      ['案由', `涉嫌${violationNames(d)}`],
      ['当事人', or(p.name)],
      [p.kind === 'person' ? '身份证件号码' : '统一社会信用代码', or(p.kind === 'person' ? p.idNoMasked : p.uscc)],
      ['住所（地址）', or(p.address)],
      ['违法行为发生时间', d.actOn ? chineseDate(d.actOn) : or(null)],
      ['简要案情及立案依据', or(d.facts ?? d.summary)],
      ['承办机构', or(d.station)],
      ['承办人', officerLine(d)],
      ['承办人意见', opinionOf(d, '建议立案调查。')],
      ...approvalRows(d),
    ]),
  ];
}
