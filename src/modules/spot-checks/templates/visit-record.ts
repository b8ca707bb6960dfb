import type { TVisitDetail } from '../../../contracts/spot-checks.ts';
import { categoryOf } from '../../../domain/spot-check-workflow.ts';
import {
  type Block,
  form,
  heading,
  note,
  paragraph,
  type SignatureSlot,
  signatures,
} from '../../../platform/doc-layout.ts';
import { chineseDate } from '../../../platform/pdf.ts';

export interface VisitRecordData {
  visit: TVisitDetail;
  planName: string;
  address: string | null;
  legalRepName: string | null;
  /** Inspector id → 执法证号 (null when none is registered on their account). */
  credentials: ReadonlyMap<number, string | null>;
  /** The entity's slot first, then one per inspector in the visit's order. */
  slots: readonly SignatureSlot[];
}

const BLANK = '＿＿＿＿＿＿';

export const visitRecordNo = (visitId: number) => `抽查记录 SC${String(visitId).padStart(6, '0')}`;

/** The 检查记录表 of one 双随机 visit: entity facts, items and results, problems found, inspectors, signatures. */
export function visitRecordBlocks(d: VisitRecordData): Block[] {
  const v = d.visit;
  const inspectors = v.inspectors
    .map((i) => `${i.name}（${i.departmentName}，执法证号：${d.credentials.get(i.id) ?? '未登记'}）`)
    .join('\n');
  const problems = v.items.filter((i) => i.result && categoryOf(i.result.category)?.problem);
  const open = v.items.filter((i) => !i.result);
  return [
    form([
      ['被检查单位', v.entityName],
      ['统一社会信用代码', v.uscc],
      ['住所（经营场所）', d.address ?? BLANK],
      ['法定代表人', d.legalRepName ?? BLANK],
      ['抽查计划及任务', `${d.planName}：${v.taskNames.join('、')}`],
      ['检查日期', v.inspectedOn ? chineseDate(v.inspectedOn) : '检查进行中'],
      ['检查机关', v.stationName],
      ['检查人员', inspectors || BLANK],
    ]),
    heading('一、检查事项及结果'),
    form(
      v.items.map((i) => [
        i.name,
        i.result ? `${i.result.categoryLabel}${i.result.notes ? `\n${i.result.notes}` : ''}` : '未录入结果',
      ]),
    ),
    heading('二、发现的问题'),
    paragraph(
      problems.length
        ? problems
            .map((i, n) => `${n + 1}. ${i.name}：${i.result!.categoryLabel}${i.result!.notes ? '（详见上表）' : ''}`)
            .join('\n')
        : open.length
          ? '检查尚未完成。'
          : '本次检查未发现问题。',
    ),
    heading('三、签名确认（以上记录经被检查单位与检查人员现场核对）'),
    signatures(d.slots),
    note('检查结果录入或修改后，原签名失效，须重新签名。'),
  ];
}
