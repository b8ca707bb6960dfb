import type { z } from 'zod';
import type {
  ZAfterCheckBody,
  ZCccCertificateBody,
  ZCccExemptionBody,
  ZCccQuery,
} from '../../../contracts/product-quality.ts';
import type { Db } from '../../../db/client.ts';
import { checkCccNumber } from '../../../domain/ccc.ts';
import { addCalendarDays } from '../../../domain/sampling.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { validation } from '../../../platform/errors.ts';
import { afterIdOf, idPage } from '../../../platform/sampling/keyset.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import { cccCertificateKind, cccExemptionKind, reachOf } from '../access.ts';
import * as repo from '../repos/ccc.ts';
import { entityStation } from '../repos/samples.ts';
import * as settings from '../repos/settings.ts';

const strip = <T extends { createdBy: number | null }>({ createdBy: _c, ...r }: T) => r;

/** 3C certificates (numbers checked, product code in the CCC catalogue) and 免办 approvals with their after-check. */
export function createCccService(db: Db, deps: { now?: () => Date } = {}) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());
  async function placedEntity(actor: Actor, kind: typeof cccCertificateKind, entityId: number) {
    const entity = await entityStation(db, entityId);
    if (!entity) throw validation('entityId', '市场主体不存在');
    assertPlaceable(actor, kind, entity.stationId!);
    return entity as { id: number; stationId: number };
  }
  const certificate = async (actor: Actor, id: number) =>
    strip(assertReadable(actor, cccCertificateKind, await repo.getCertificate(db, id), reachOf));
  const exemption = async (actor: Actor, id: number) =>
    strip(assertReadable(actor, cccExemptionKind, await repo.getExemption(db, id), reachOf));

  return {
    certificate,
    exemption,

    async certificates(actor: Actor, q: z.infer<typeof ZCccQuery>) {
      assertPermitted(actor, cccCertificateKind, 'list');
      const rows = await repo.listCertificates(db, actor, q, { afterId: afterIdOf(q.cursor), limit: q.limit });
      return idPage(rows, q.limit, strip);
    },

    async addCertificate(actor: Actor, b: z.infer<typeof ZCccCertificateBody>) {
      assertPermitted(actor, cccCertificateKind, 'write');
      const check = checkCccNumber(b.certificateNo, Number(today().slice(0, 4)));
      if (!check.ok) throw validation('certificateNo', check.reason);
      const entry = await settings.catalogueEntry(db, check.value.productCode);
      if (!entry)
        throw validation('certificateNo', `证书编号中的产品类别代码 ${check.value.productCode} 不在 3C 目录中`);
      if (b.issuedOn > today()) throw validation('issuedOn', '发证日期不能晚于今天');
      if (Number(b.issuedOn.slice(0, 4)) !== check.value.year)
        throw validation('issuedOn', `发证年份应与证书编号中的年份 ${check.value.year} 一致`);
      if (b.expiresOn <= b.issuedOn) throw validation('expiresOn', '有效期至应晚于发证日期');
      if (await repo.certificateNoTaken(db, b.certificateNo)) throw validation('certificateNo', '该证书编号已登记');
      const entity = await placedEntity(actor, cccCertificateKind, b.entityId);
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertCertificate(tx, {
          entityId: entity.id,
          stationId: entity.stationId,
          certificateNo: b.certificateNo,
          catalogueCode: entry.code,
          productName: b.productName,
          issuedOn: b.issuedOn,
          expiresOn: b.expiresOn,
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'cccCertificate.create',
          targetType: 'cccCertificate',
          targetId: newId,
        });
        return newId;
      });
      return certificate(actor, id);
    },

    async renameCertificate(actor: Actor, id: number, productName: string) {
      assertWritable(actor, cccCertificateKind, await repo.getCertificate(db, id), reachOf);
      await db.transaction(async (tx) => {
        await repo.renameCertificateProduct(tx, id, productName);
        await appendAudit(tx, actor, {
          action: 'cccCertificate.update',
          targetType: 'cccCertificate',
          targetId: id,
          detail: { productName },
        });
      });
      return certificate(actor, id);
    },

    async exemptions(actor: Actor, q: z.infer<typeof ZCccQuery>) {
      assertPermitted(actor, cccExemptionKind, 'list');
      const rows = await repo.listExemptions(db, actor, q, { afterId: afterIdOf(q.cursor), limit: q.limit });
      return idPage(rows, q.limit, strip);
    },

    /** 免办 approval: its after-check is scheduled at once (afterCheckDays after approval, data). */
    async addExemption(actor: Actor, b: z.infer<typeof ZCccExemptionBody>) {
      assertPermitted(actor, cccExemptionKind, 'write');
      if (!(await settings.catalogueEntry(db, b.catalogueCode)))
        throw validation('catalogueCode', '产品类别不在 3C 目录中');
      if (b.approvedOn > today()) throw validation('approvedOn', '批准日期不能晚于今天');
      if (await repo.approvalNoTaken(db, b.approvalNo)) throw validation('approvalNo', '该批准文号已登记');
      const entity = await placedEntity(actor, cccExemptionKind, b.entityId);
      const days = await settings.ruleValue(db, 'afterCheckDays');
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertExemption(tx, {
          ...b,
          stationId: entity.stationId,
          afterCheckDueOn: addCalendarDays(b.approvedOn, days),
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, { action: 'cccExemption.create', targetType: 'cccExemption', targetId: newId });
        return newId;
      });
      return exemption(actor, id);
    },

    async renameExemption(actor: Actor, id: number, productName: string) {
      assertWritable(actor, cccExemptionKind, await repo.getExemption(db, id), reachOf);
      await db.transaction(async (tx) => {
        await repo.renameExemptionProduct(tx, id, productName);
        await appendAudit(tx, actor, {
          action: 'cccExemption.update',
          targetType: 'cccExemption',
          targetId: id,
          detail: { productName },
        });
      });
      return exemption(actor, id);
    },

    async afterCheck(actor: Actor, id: number, b: z.infer<typeof ZAfterCheckBody>) {
      const x = assertWritable(actor, cccExemptionKind, await repo.getExemption(db, id), reachOf);
      if (x.afterCheckedOn) throw validation('checkedOn', '该免办批准的后续核查已完成');
      if (b.checkedOn > today()) throw validation('checkedOn', '核查日期不能晚于今天');
      if (b.checkedOn < x.approvedOn) throw validation('checkedOn', `核查日期不能早于批准日期（${x.approvedOn}）`);
      await db.transaction(async (tx) => {
        if (!(await repo.recordAfterCheck(tx, id, b.version, b))) throw staleVersion();
        await appendAudit(tx, actor, {
          action: 'cccExemption.afterCheck',
          targetType: 'cccExemption',
          targetId: id,
          detail: b,
        });
      });
      return exemption(actor, id);
    },
  };
}
export type CccService = ReturnType<typeof createCccService>;
