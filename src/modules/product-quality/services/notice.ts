import type { Db } from '../../../db/client.ts';
import { productSampleNo } from '../../../domain/product-sampling-workflow.ts';
import { assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError } from '../../../platform/errors.ts';
import type { CjkFont } from '../../../platform/pdf.ts';
import { failedFirstTest, renderSamplingNotice } from '../../../platform/sampling/notice.ts';
import { productSampleKind, reachOf } from '../access.ts';
import * as repo from '../repos/samples.ts';
import * as settings from '../repos/settings.ts';

/** 产品质量监督抽查不合格通知书 (numbered) as PDF, once the notice is recorded; readable as the sample; audited. */
export function createProductNotice(db: Db, deps: { font: () => CjkFont | undefined }) {
  return async function renderNotice(actor: Actor, id: number) {
    const s = assertReadable(actor, productSampleKind, await repo.getSample(db, id), reachOf);
    if (!s.noticeNo || !s.receivedOn) throw new AppError('INVALID_STATE', '该样品尚未送达不合格通知书，不能打印');
    const [items, days] = await Promise.all([repo.listItems(db, id), settings.ruleValue(db, 'objectionDays')]);
    return renderSamplingNotice(db, actor, deps.font(), {
      subject: 'productSample',
      id,
      title: '产品质量监督抽查不合格通知书',
      docNo: s.noticeNo,
      addressee: s.entityName,
      intro: `本机关于 ${s.sampledOn} 对你单位${s.partyRole === 'producer' ? '生产' : '销售'}的下列产品进行了监督抽查，经${s.labName}检验，检验结论为不合格。现将检验结果通知如下：`,
      facts: [
        ['抽查单编号', productSampleNo(s.id)],
        ['产品名称 / 型号', `${s.productName} / ${s.model || '—'}`],
        ['产品类别', s.categoryName],
        ['批号', s.batchNo || '—'],
        ['检验报告编号', s.reportNo ?? '—'],
      ],
      failedItems: failedFirstTest(items).map((i) => `${i.itemName}：检验结果 ${i.value}，判定依据 ${i.standard}。`),
      duties:
        '你单位应当立即停止生产、销售同一产品，查明不合格原因，进行整改，并将整改情况报告本机关；本机关将组织跟踪抽查。',
      objection: `如对检验结论有异议，可以自收到本通知书之日起 ${days} 日内向本机关书面提出异议并申请复检；逾期未提出的，视为无异议。`,
      signedOn: s.receivedOn,
      stationName: s.stationName,
      filename: `不合格通知书（${productSampleNo(id)}）.pdf`,
      ascii: `product-notice-${id}.pdf`,
    });
  };
}
export type ProductNotice = ReturnType<typeof createProductNotice>;
