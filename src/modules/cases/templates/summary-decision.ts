import { type Block, heading, note, paragraph, signature } from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import {
  type DocumentData,
  legalBases,
  officerLine,
  or,
  partyLines,
  penaltyBases,
  penaltyItems,
  violationNames,
} from './data.ts';
import { paymentParagraph, rightsParagraph } from './penalty-decision.ts';

/** 当场行政处罚决定书 (范本 文书29; 行政处罚法 Art. 51, 52): made and handed over on the spot by the officers. */
export function summaryDecision(d: DocumentData): Block[] {
  const at = d.actOn ? chineseDate(d.actOn) : or(null);
  const blocks: (Block | undefined)[] = [
    paragraph(partyLines(d).join('\n')),
    heading('违法事实'),
    paragraph(`经查，当事人于${at}在${or(d.place)}，${or(d.facts).replace(/[。；;.\s]+$/, '')}。`),
    heading('处罚依据及内容'),
    paragraph(
      `当事人的上述行为违反了${legalBases(d)}的规定，构成${violationNames(d)}。依据${penaltyBases(d)}及《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚：`,
    ),
    paragraph(penaltyItems(d).join('\n') || or(null)),
    paymentParagraph(d),
    rightsParagraph(d),
    paragraph(`执法人员：${officerLine(d)}`),
    paragraph(`当事人已被告知拟作出行政处罚的事实、理由和依据，并已被告知依法享有陈述、申辩的权利。`),
    paragraph(`当事人签名：＿＿＿＿＿＿＿＿　　　${d.issuedOn ? chineseDate(d.issuedOn) : ''}`),
    signature(d.authority ?? '', d.issuedOn ?? ''),
    note(`本决定书应当在作出之日起报所属市场监督管理部门备案。作出地点：${or(d.place)}。`),
  ];
  return blocks.filter((b): b is Block => b !== undefined);
}
