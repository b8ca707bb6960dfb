import type { Db } from '../../../db/client.ts';
import { type SamplingFoodCategory, sampleNo, samplingFoodCategories } from '../../../domain/food-sampling.ts';
import { assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { form, heading, paragraph, signature } from '../../../platform/doc-layout.ts';
import { renderLayoutPdf } from '../../../platform/doc-pdf.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CjkFont } from '../../../platform/pdf.ts';
import { foodSampleKind, foodSampleReach } from '../access.ts';
import * as repo from '../repos/samples.ts';

/**
 * 食品安全抽样检验结果通知书 (不合格) as PDF, from the sample as recorded: only once the notice is recorded (409 before),
 * exactly as readable as the sample; every print is audited.
 */
export function createSampleNotice(db: Db, deps: { font: () => CjkFont | undefined; retestWorkingDays: number }) {
  return async function renderNotice(actor: Actor, id: number) {
    const s = assertReadable(actor, foodSampleKind, await repo.getSample(db, id), foodSampleReach);
    if (!s.notifiedOn || !s.noticeNo)
      throw new AppError('INVALID_STATE', '该样品尚未送达检验结果通知书（仅不合格样品有通知书），不能打印');
    const failed = (await repo.listItems(db, id)).filter((i) => !i.retest && i.conclusion === 'fail');
    const [bureau] = await db.query<{ name: string }>(
      `SELECT name FROM org_units WHERE kind = 'bureau' ORDER BY id LIMIT 1`,
    );
    const authority = bureau?.name ?? s.stationName;
    const body = await renderLayoutPdf(deps.font(), {
      authority,
      title: '食品安全抽样检验结果通知书',
      docNo: s.noticeNo,
      blocks: [
        paragraph(`${s.entityName}：`),
        paragraph(
          `本机关于 ${s.sampledOn} 对你单位${s.stage === 'production' ? '生产' : s.stage === 'catering' ? '餐饮服务中' : '经营'}的下列食品进行了监督抽检，经${s.labName}检验，检验结论为不合格。现将检验结果通知如下：`,
        ),
        form([
          ['抽样单编号', sampleNo(s.id)],
          ['食品名称', s.foodName],
          ['食品大类', samplingFoodCategories[s.foodCategory as SamplingFoodCategory] ?? s.foodCategory],
          ['批号 / 生产日期', `${s.batchNo || '—'} / ${s.producedOn ?? '—'}`],
          ['标称生产者', `${s.producerName || '—'}${s.producerUscc ? `（${s.producerUscc}）` : ''}`],
          ['检验报告编号', s.reportNo ?? '—'],
        ]),
        heading('不合格项目'),
        ...failed.map((i) =>
          paragraph(`${i.itemName}：检测值 ${i.value}，标准限值 ${i.limit || '—'}，判定依据 ${i.standard}。`),
        ),
        paragraph(
          `你单位应当立即采取封存不合格食品、暂停生产经营、通知相关生产经营者和消费者、召回已上市销售的食品等措施，控制食品安全风险，排查不合格原因并进行整改，及时向本机关报告相关处理情况。`,
        ),
        paragraph(
          `如对检验结论有异议，可以自收到本通知书之日起 ${deps.retestWorkingDays} 个工作日内，向本机关或者其上一级市场监督管理部门提出书面复检申请；逾期未提出的，不再受理。`,
        ),
        signature(authority, s.notifiedOn),
      ],
    });
    await appendAudit(db, actor, { action: 'foodSample.notice.print', targetType: 'foodSample', targetId: id });
    return { body, filename: `检验结果通知书（${sampleNo(id)}）.pdf`, ascii: `sampling-notice-${id}.pdf` };
  };
}
export type SampleNotice = ReturnType<typeof createSampleNotice>;
