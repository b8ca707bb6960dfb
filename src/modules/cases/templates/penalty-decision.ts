import { type Block, heading, paragraph, signature } from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import {
  type DocumentData,
  fineTotal,
  legalBases,
  or,
  partyLines,
  penaltyBases,
  penaltyItems,
  reviewBody,
  violationNames,
} from './data.ts';

/** 缴款 and 加处罚款 (行政处罚法 Art. 67, 72), shared with the 当场处罚决定书. */
export function paymentParagraph(d: DocumentData): Block | undefined {
  if (fineTotal(d) === 0) return undefined;
  const due = d.paymentDueOn ? `（${chineseDate(d.paymentDueOn)}前）` : '';
  return paragraph(
    `当事人应当自收到本决定书之日起十五日内${due}，持本决定书将罚没款缴至${or(d.paymentPlace, '指定银行或者通过电子支付系统缴纳')}。到期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款，加处罚款的数额不超过罚款的数额。`,
  );
}

/** 复议 60 days, 诉讼 6 months (行政复议法 Art. 20, 行政诉讼法 Art. 46); the decision is not suspended meanwhile. */
export function rightsParagraph(d: DocumentData): Block {
  return paragraph(
    `当事人如不服本行政处罚决定，可以在收到本决定书之日起六十日内向${reviewBody(d)}申请行政复议，也可以在六个月内依法向${or(d.court, '有管辖权的人民法院')}提起行政诉讼。行政复议或者行政诉讼期间，本行政处罚决定不停止执行，法律另有规定的除外。`,
  );
}

/** 处罚, 不予处罚 (行政处罚法 Art. 33) or 移送司法机关 (Art. 27). */
function decisionBlocks(d: DocumentData, discretion: string): Block[] {
  const found = `本局认为，当事人的上述行为违反了${legalBases(d)}的规定，构成${violationNames(d)}。`;
  if (d.decisionKind === 'no_penalty') {
    return [
      paragraph(
        `${found}鉴于${or(d.reason ?? d.note)}，依据《中华人民共和国行政处罚法》第三十三条的规定，本局决定不予行政处罚。`,
      ),
    ];
  }
  if (d.decisionKind === 'transfer') {
    return [
      paragraph(
        `${found}当事人的行为涉嫌犯罪，依据《中华人民共和国行政处罚法》第二十七条的规定，本局决定将本案移送司法机关依法处理。`,
      ),
    ];
  }
  return [
    paragraph(
      `${found}${discretion ? `根据${discretion}，` : ''}依据${penaltyBases(d)}的规定，本局决定对当事人作出如下行政处罚：`,
    ),
    paragraph(penaltyItems(d).join('\n') || or(null)),
  ];
}

/** 行政处罚决定书 (范本 文书25): party, facts, evidence, basis, discretion, penalty, payment, rights, seal, QR. */
export function penaltyDecision(d: DocumentData): Block[] {
  const filed = d.filedOn ? chineseDate(d.filedOn) : or(null);
  const statement = typeof d.statement === 'string' ? d.statement : undefined;
  const discretion = (d.penalties ?? [])
    .map((p) => p.discretionBasis)
    .filter(Boolean)
    .join('；');
  const blocks: (Block | undefined)[] = [
    paragraph(partyLines(d).join('\n')),
    paragraph(`本局于${filed}对当事人涉嫌${violationNames(d)}一案立案调查，依法进行了调查取证，现已调查终结。`),
    heading('一、违法事实'),
    paragraph(`经查：${or(d.facts)}`),
    heading('二、证据'),
    paragraph(
      d.evidence?.length
        ? `上述事实，有以下证据证明：\n${d.evidence.map((e, i) => `${i + 1}. ${e}`).join('\n')}`
        : `上述事实，有${or(null)}等证据证明。`,
    ),
    statement ? heading('三、陈述、申辩及听证情况') : undefined,
    statement ? paragraph(statement) : undefined,
    heading(statement ? '四、处理依据及决定' : '三、处理依据及决定'),
    ...decisionBlocks(d, discretion),
    d.decisionKind === 'penalty' || !d.decisionKind ? paymentParagraph(d) : undefined,
    rightsParagraph(d),
    signature(d.authority ?? '', d.issuedOn ?? ''),
  ];
  return blocks.filter((b): b is Block => b !== undefined);
}
