import type { Block } from '../../../platform/doc-layout.ts';
import { paragraph, signature } from '../../../platform/doc-layout.ts';
import { dateOf, type NoticeData, or } from './data.ts';

/** 终止调解告知书: addressed to both parties (they are told within 7 working days of the end). */
export function terminationNotice(d: NoticeData): Block[] {
  return [
    paragraph(`投诉人：${or(d.personName)}`),
    paragraph(`被投诉人：${or(d.businessName)}（地址：${or(d.businessAddress)}）`),
    paragraph(
      `投诉人于${dateOf(d.receivedOn)}对被投诉人的投诉（投诉编号：${d.trackingCode}），本局已依法受理并组织调解。因存在“${or(d.groundLabel)}”的情形，依据《${d.ruleSetName}》（${d.citation}）的规定，本局于${dateOf(d.decidedOn)}决定终止调解。`,
    ),
    ...(d.note ? [paragraph(`具体情况：${d.note}`)] : []),
    paragraph(
      '双方可以通过协商和解、请求消费者协会或者依法成立的其他调解组织调解、向仲裁机构申请仲裁或者向人民法院提起诉讼等途径解决争议。',
    ),
    signature(d.authority, d.decidedOn),
  ];
}
