import { type Block, heading, paragraph, signature } from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import {
  type DocumentData,
  legalBases,
  or,
  partyLines,
  penaltyBases,
  penaltyItems,
  violationNames,
  you,
} from './data.ts';

/**
 * 行政处罚告知书 (范本 文书19/20): facts, evidence, the provisions, the proposed penalty and the rights:
 * 陈述、申辩 within 5 working days (行政处罚法 Art. 44, 45) and, where the thresholds apply, 听证 (Art. 63, 64).
 */
export function penaltyNotice(d: DocumentData): Block[] {
  const y = you(d);
  const filed = d.filedOn ? chineseDate(d.filedOn) : or(null);
  const rights = d.hearingRight
    ? `根据《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十三条、第六十四条的规定，${y}享有陈述、申辩和要求听证的权利。${y}对上述拟作出的行政处罚如有异议，可以在收到本告知书之日起五个工作日内向本局提出陈述、申辩或者要求听证；逾期未提出的，视为放弃上述权利。`
    : `根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，${y}享有陈述、申辩的权利。${y}对上述拟作出的行政处罚如有异议，可以在收到本告知书之日起五个工作日内向本局提出陈述、申辩；逾期未提出的，视为放弃上述权利。`;
  return [
    paragraph(partyLines(d).join('\n')),
    paragraph(`本局于${filed}对${y}涉嫌${violationNames(d)}一案立案调查，现已调查终结。`),
    heading('一、违法事实'),
    paragraph(`经查：${or(d.facts)}`),
    heading('二、证据'),
    paragraph(d.evidence?.length ? d.evidence.map((e, i) => `${i + 1}. ${e}`).join('\n') : or(null)),
    heading('三、拟作出的行政处罚及依据'),
    paragraph(
      `本局认为，${y}的上述行为违反了${legalBases(d)}的规定。依据${penaltyBases(d)}的规定，本局拟对${y}作出如下行政处罚：`,
    ),
    paragraph(penaltyItems(d).join('\n') || or(null)),
    heading('四、陈述、申辩及听证权利'),
    paragraph(rights),
    paragraph(`联系人：${or(d.contact?.name)}　　联系电话：${or(d.contact?.phone)}`),
    signature(d.authority ?? '', d.issuedOn ?? ''),
  ];
}
