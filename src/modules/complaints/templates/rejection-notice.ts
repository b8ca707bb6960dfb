import type { Block } from '../../../platform/doc-layout.ts';
import { paragraph, signature } from '../../../platform/doc-layout.ts';
import { complaintLine, type NoticeData, or } from './data.ts';

/** 投诉不予受理告知书: the ground as recorded, from the item's rule set, with the handler's explanation. */
export function rejectionNotice(d: NoticeData): Block[] {
  return [
    paragraph(`${or(d.personName)}：`),
    paragraph(
      `${complaintLine(d)}收悉。经审查，该投诉存在“${or(d.groundLabel)}”的情形，依据《${d.ruleSetName}》（${d.citation}）的规定，本局决定不予受理。`,
    ),
    ...(d.note ? [paragraph(`具体理由：${d.note}`)] : []),
    paragraph(
      '你可以通过与经营者协商和解、请求消费者协会或者依法成立的其他调解组织调解、向仲裁机构申请仲裁或者向人民法院提起诉讼等途径解决争议。',
    ),
    signature(d.authority, d.decidedOn),
  ];
}
