import type { Db } from '../../../db/client.ts';
import { type SamplingFoodCategory, sampleNo, samplingFoodCategories } from '../../../domain/food-sampling.ts';
import { assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CjkFont } from '../../../platform/pdf.ts';
import { failedFirstTest, renderSamplingNotice } from '../../../platform/sampling/notice.ts';
import { foodSampleKind, foodSampleReach } from '../access.ts';
import * as repo from '../repos/samples.ts';

const stageWord = (stage: string) => (stage === 'production' ? '生产' : stage === 'catering' ? '餐饮服务中' : '经营');

/**
 * 食品安全抽样检验结果通知书 (不合格) as PDF, from the sample as recorded: only once the notice is recorded (409 before),
 * exactly as readable as the sample; every print is audited.
 */
export function createSampleNotice(db: Db, deps: { font: () => CjkFont | undefined; retestWorkingDays: number }) {
  return async function renderNotice(actor: Actor, id: number) {
    const s = assertReadable(actor, foodSampleKind, await repo.getSample(db, id), foodSampleReach);
    if (!s.notifiedOn || !s.noticeNo)
      throw new AppError('INVALID_STATE', '该样品尚未送达检验结果通知书（仅不合格样品有通知书），不能打印');
    const failed = failedFirstTest(await repo.listItems(db, id));
    return renderSamplingNotice(db, actor, deps.font(), {
      subject: 'foodSample',
      id,
      title: '食品安全抽样检验结果通知书',
      docNo: s.noticeNo,
      addressee: s.entityName,
      intro: `本机关于 ${s.sampledOn} 对你单位${stageWord(s.stage)}的下列食品进行了监督抽检，经${s.labName}检验，检验结论为不合格。现将检验结果通知如下：`,
      facts: [
        ['抽样单编号', sampleNo(s.id)],
        ['食品名称', s.foodName],
        ['食品大类', samplingFoodCategories[s.foodCategory as SamplingFoodCategory] ?? s.foodCategory],
        ['批号 / 生产日期', `${s.batchNo || '—'} / ${s.producedOn ?? '—'}`],
        ['标称生产者', `${s.producerName || '—'}${s.producerUscc ? `（${s.producerUscc}）` : ''}`],
        ['检验报告编号', s.reportNo ?? '—'],
      ],
      failedItems: failed.map(
        (i) => `${i.itemName}：检测值 ${i.value}，标准限值 ${i.limit || '—'}，判定依据 ${i.standard}。`,
      ),
      duties:
        '你单位应当立即采取封存不合格食品、暂停生产经营、通知相关生产经营者和消费者、召回已上市销售的食品等措施，控制食品安全风险，排查不合格原因并进行整改，及时向本机关报告相关处理情况。',
      objection: `如对检验结论有异议，可以自收到本通知书之日起 ${deps.retestWorkingDays} 个工作日内，向本机关或者其上一级市场监督管理部门提出书面复检申请；逾期未提出的，不再受理。`,
      signedOn: s.notifiedOn,
      stationName: s.stationName,
      filename: `检验结果通知书（${sampleNo(id)}）.pdf`,
      ascii: `sampling-notice-${id}.pdf`,
    });
  };
}
export type SampleNotice = ReturnType<typeof createSampleNotice>;
