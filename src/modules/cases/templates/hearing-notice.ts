import { type Block, paragraph, signature } from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import { type DocumentData, or, violationNames, you } from './data.ts';

/** 行政处罚听证通知书 (范本 文书22): served at least 7 days before the hearing (《市场监督管理行政处罚听证办法》). */
export function hearingNotice(d: DocumentData): Block[] {
  const y = you(d);
  const h = { ...d.hearing, on: d.hearing?.on ?? d.hearingOn, place: d.hearing?.place ?? d.hearingPlace };
  const on = h.on ? chineseDate(h.on) : or(null);
  return [
    paragraph(`${or(d.party?.name)}：`),
    paragraph(
      `根据${y}的申请，本局决定于${on}${h.time ?? ''}在${or(h.place)}对${y}涉嫌${violationNames(d)}一案举行听证，请准时出席。`,
    ),
    paragraph(`听证主持人：${or(h.host)}；书记员：${or(h.clerk)}。`),
    paragraph(
      `${y}可以亲自参加听证，也可以委托一至二人代理参加听证。委托代理人参加听证的，应当在听证举行前向本局提交授权委托书等有关材料。`,
    ),
    paragraph(
      `${y}认为听证主持人、书记员与本案有直接利害关系或者有其他关系可能影响公正执法的，有权申请回避，申请应当在听证举行前以书面形式提出并说明理由。`,
    ),
    paragraph(`${y}无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，本局终止听证。`),
    paragraph(`联系人：${or(d.contact?.name)}　　联系电话：${or(d.contact?.phone)}`),
    signature(d.authority ?? '', d.issuedOn ?? ''),
  ];
}
