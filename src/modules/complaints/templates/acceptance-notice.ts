import type { Block } from '../../../platform/doc-layout.ts';
import { paragraph, signature } from '../../../platform/doc-layout.ts';
import { complaintLine, dateOf, type NoticeData, or } from './data.ts';

/** 投诉受理告知书: the complainant is told of the acceptance and of the mediation that follows. */
export function acceptanceNotice(d: NoticeData): Block[] {
  return [
    paragraph(`${or(d.personName)}：`),
    paragraph(
      `${complaintLine(d)}收悉。经审查，该投诉符合《${d.ruleSetName}》（${d.citation}）规定的受理条件，本局决定自${dateOf(d.decidedOn)}起予以受理，由${or(d.stationName)}承办。`,
    ),
    paragraph(
      `本局将在双方自愿的原则下组织调解。调解期间请保持通讯畅通，按通知参加调解并提供相关证据材料；自受理之日起${d.mediationPeriod}内未能达成调解协议的，本局将终止调解并告知双方。`,
    ),
    ...(d.note ? [paragraph(`备注：${d.note}`)] : []),
    paragraph(`被投诉人：${or(d.businessName)}　　地址：${or(d.businessAddress)}`),
    signature(d.authority, d.decidedOn),
  ];
}
