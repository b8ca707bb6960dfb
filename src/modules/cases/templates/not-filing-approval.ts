import { type Block, form } from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import { approvalRows, type DocumentData, opinionOf, or } from './data.ts';

const sourceLabels: Record<string, string> = {
  complaint: '投诉举报',
  report: '举报',
  inspection: '监督检查',
  sampling: '抽样检验',
  transfer: '其他机关移送',
  superior: '上级交办',
  staff: '执法人员发现',
  other: '其他',
};

/** 不予立案审批表 (范本 文书6): the lead, what the verification found and the legal ground for not filing. */
export function notFilingApproval(d: DocumentData): Block[] {
  const p = d.party ?? {};
  return [
    form([
      ['线索来源', sourceLabels[d.sourceType ?? ''] ?? or(d.sourceType)],
      ['登记日期', d.receivedOn ? chineseDate(d.receivedOn) : or(null)],
      ['当事人', or(p.name)],
      ['统一社会信用代码', or(p.uscc)],
      ['线索内容', or(d.summary)],
      ['核查情况', or(d.facts)],
      ['不予立案理由及依据', or(d.ground)],
      ['承办机构', or(d.station)],
      ['承办人意见', opinionOf(d, '建议不予立案。')],
      ...approvalRows(d),
    ]),
  ];
}
