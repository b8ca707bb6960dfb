import type { z } from 'zod';
import type {
  TAdverseEvent,
  TCdBusiness,
  ZAdverseEventBody,
  ZAdverseEventQuery,
  ZAdverseTransitionBody,
  ZCdBusinessBody,
  ZCdBusinessQuery,
} from '../../contracts/cosmetics-devices.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, keysetPage } from '../../db/sql.ts';
import {
  adverseEventWorkflow,
  adverseStatuses,
  businessNumberProblem,
  productNumberProblem,
} from '../../domain/cosmetics-devices.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { conflict, notFound, validation } from '../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../platform/workflow.ts';
import { cdBusinessKind, cdBusinessReach } from './access.ts';
import * as repo from './repo.ts';

const toBusiness = ({ createdBy: _c, ...r }: repo.CdBusinessRow): TCdBusiness => ({ ...r, id: Number(r.id) });
const toAdverse = ({ stationId: _s, createdBy: _c, ...r }: repo.AdverseRow): TAdverseEvent => ({
  ...r,
  id: Number(r.id),
});

/** 两品一械: businesses (number formats checked), adverse-event reports and their transitions (each audited). */
export function createCosmeticsDevices(db: Db, deps: { now?: () => Date } = {}) {
  return {
    async createBusiness(actor: Actor, b: z.infer<typeof ZCdBusinessBody>): Promise<TCdBusiness> {
      const e = await repo.entityStation(db, b.entityId);
      if (!e) throw validation('entityId', '市场主体不存在');
      assertPlaceable(actor, cdBusinessKind, e.stationId);
      const problem = businessNumberProblem(b.category, b.licenceKind, b.licenceNo);
      if (problem) throw validation('licenceNo', problem);
      const id = await db.transaction(async (tx) => {
        const created = await repo.insertBusiness(tx, {
          ...b,
          stationId: e.stationId,
          scope: b.scope ?? null,
          by: actor.userId,
        });
        if (created === undefined)
          throw conflict('该许可/备案编号已登记', [{ path: 'licenceNo', message: '编号已登记' }]);
        await appendAudit(tx, actor, {
          action: 'cd.business.create',
          targetType: 'cdBusiness',
          targetId: created,
          detail: { ...b },
        });
        return created;
      });
      return toBusiness((await repo.getBusiness(db, id))!);
    },

    async listBusinesses(actor: Actor, q: z.infer<typeof ZCdBusinessQuery>) {
      assertPermitted(actor, cdBusinessKind, 'list');
      const after = decodeCursor(q.cursor);
      const rows = await repo.listBusinesses(db, actor, { ...q, afterId: after ? Number(after[0]) : undefined });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toBusiness), nextCursor: page.nextCursor };
    },

    async getBusiness(actor: Actor, id: number) {
      return toBusiness(assertReadable(actor, cdBusinessKind, await repo.getBusiness(db, id), cdBusinessReach));
    },

    /** A report on a product of a business in reach; its number must fit the business's category. */
    async report(actor: Actor, b: z.infer<typeof ZAdverseEventBody>): Promise<TAdverseEvent> {
      const biz = assertWritable(actor, cdBusinessKind, await repo.getBusiness(db, b.businessId), cdBusinessReach);
      const problem = productNumberProblem(biz.category, b.registrationNo);
      if (problem) throw validation('registrationNo', problem);
      if (b.occurredOn > shanghaiToday(deps.now?.() ?? new Date()))
        throw validation('occurredOn', '发生日期不能晚于今天');
      const id = await db.transaction(async (tx) => {
        const created = await repo.insertAdverse(tx, { ...b, by: actor.userId });
        await appendAudit(tx, actor, {
          action: 'cd.adverse.report',
          targetType: 'cdAdverseEvent',
          targetId: created,
          detail: { businessId: b.businessId, registrationNo: b.registrationNo, severity: b.severity },
        });
        return created;
      });
      return toAdverse((await repo.getAdverse(db, id))!);
    },

    async listAdverse(actor: Actor, q: z.infer<typeof ZAdverseEventQuery>) {
      assertPermitted(actor, cdBusinessKind, 'list');
      const after = decodeCursor(q.cursor);
      const rows = await repo.listAdverse(db, actor, { ...q, afterId: after ? Number(after[0]) : undefined });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toAdverse), nextCursor: page.nextCursor };
    },

    async getAdverse(actor: Actor, id: number) {
      return toAdverse(assertReadable(actor, cdBusinessKind, await repo.getAdverse(db, id), cdBusinessReach));
    },

    async transition(actor: Actor, id: number, body: z.infer<typeof ZAdverseTransitionBody>) {
      const row = await repo.getAdverse(db, id);
      if (!row) throw notFound('不良事件报告');
      assertWritable(actor, cdBusinessKind, row, cdBusinessReach);
      const t = allowTransition(adverseEventWorkflow, body.action, row.status, adverseStatuses, { note: body.note });
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () =>
            repo.setAdverseStatus(tx, {
              id,
              version: body.version,
              status: t.to ?? row.status,
              note: body.note ?? null,
            }),
          event: async () => {},
          audit: {
            action: `cd.adverse.${body.action}`,
            targetType: 'cdAdverseEvent',
            targetId: id,
            detail: { from: row.status, to: t.to, note: body.note },
          },
        }),
      );
      return toAdverse((await repo.getAdverse(db, id))!);
    },
  };
}
export type CosmeticsDevices = ReturnType<typeof createCosmeticsDevices>;
