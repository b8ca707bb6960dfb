import type { Db } from '../../../db/client.ts';
import { assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { form, heading, note, paragraph, signature } from '../../../platform/doc-layout.ts';
import { renderLayoutPdf } from '../../../platform/doc-pdf.ts';
import type { CjkFont } from '../../../platform/pdf.ts';
import { chineseDate } from '../../../platform/pdf.ts';
import { renderLayoutDocx } from '../../cases/templates/render-docx.ts';
import { equipmentDirectiveKind, stationRowReach } from '../access.ts';
import * as repo from '../repos/directives.ts';
import { authorityOf, equipmentFacts } from '../repos/equipment.ts';
import * as hazards from '../repos/hazards.ts';

/** 特种设备安全监察指令书 as PDF or DOCX, on the layout case documents use; every print is audited. */
export function createDirectiveDocument(db: Db, deps: { font: () => CjkFont | undefined }) {
  return async function render(actor: Actor, id: number, format: 'pdf' | 'docx') {
    const d = assertReadable(actor, equipmentDirectiveKind, await repo.getDirective(db, id), stationRowReach);
    const eq = (await equipmentFacts(db, d.equipmentId))!;
    const found = await hazards.hazardsOfDirective(db, id);
    const authority = await authorityOf(db, d.stationId);
    const layout = {
      authority,
      title: '特种设备安全监察指令书',
      docNo: d.docNo,
      blocks: [
        paragraph(`${d.entityName}：`),
        paragraph(
          `${chineseDate(found[0]?.foundOn ?? d.issuedOn)}，本机关执法人员（${d.inspectorNames}）对你单位使用的特种设备进行监督检查，发现下列安全隐患。依据《中华人民共和国特种设备安全法》第五十七条、第六十一条的规定，责令你单位于${chineseDate(d.deadline)}前整改完毕，并将整改情况书面报告本机关。`,
        ),
        form([
          ['设备类别', eq.categoryName],
          ['设备代码', d.equipmentCode],
          ['使用登记证编号', d.registrationNo ?? '未登记'],
          ['设备地点', eq.address],
          ['下次检验日期', eq.nextInspectionDue ?? '—'],
        ]),
        heading('发现的安全隐患'),
        ...found.map((h, i) => paragraph(`${i + 1}. 【${h.gradeName}】${h.description}`)),
        ...(d.requiresStop
          ? [paragraph('存在重大事故隐患，责令你单位立即停止使用该设备，整改合格并经本机关确认前不得恢复使用。')]
          : []),
        paragraph('逾期未整改的，本机关将依法予以处理。如对本指令不服，可以依法申请行政复议或者提起行政诉讼。'),
        signature(authority, d.issuedOn),
        note(`使用单位签收：　　　　　　　　　日期：　　　　　　（本指令书一式两份，一份交使用单位，一份存档）`),
      ],
    };
    const bytes = format === 'pdf' ? await renderLayoutPdf(deps.font(), layout) : await renderLayoutDocx(layout);
    await appendAudit(db, actor, {
      action: 'equipmentDirective.print',
      targetType: 'equipmentDirective',
      targetId: id,
      detail: { format },
    });
    return { bytes, filename: `特种设备安全监察指令书（${d.docNo}）.${format}`, ascii: `directive-${id}.${format}` };
  };
}
