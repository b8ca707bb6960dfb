import type { z } from 'zod';
import type {
  TEntityFood,
  TFoodLicenceBody,
  THealthCertificateBody,
  ZFoodBusinessQuery,
  ZFoodLicenceQuery,
  ZHealthCertificateQuery,
} from '../../../contracts/food.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  type FoodLicenceAction,
  type FoodLicenceStatus,
  foodLicenceActionFor,
  foodLicenceStatusLabels,
  foodLicenceTransitions,
} from '../../../domain/food-licence-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, conflict, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import { foodBusinessKind, foodBusinessReach } from '../access.ts';
import * as businesses from '../repos/businesses.ts';
import * as certificates from '../repos/certificates.ts';
import * as licences from '../repos/licences.ts';
import { toBusiness, toCertificate, toLicence } from '../view.ts';
import { checkCertificateDates, checkLicence } from './rows.ts';

export interface FoodDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  now?: () => Date;
}

const DAY = 86_400_000;
const addDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
const invalid = (errors: { path: string; message: string }[]) =>
  new AppError('VALIDATION', errors.map((e) => e.message).join('；'), errors);

/** One licence status change through the transition table, with its audit row, in the caller's transaction. */
async function moveLicence(
  tx: Queryable,
  actor: Actor,
  row: { id: number; status: string },
  action: FoodLicenceAction,
): Promise<void> {
  const from = row.status as FoodLicenceStatus;
  const step = allowTransition(foodLicenceTransitions, action, from, foodLicenceStatusLabels);
  const to = step.to as FoodLicenceStatus;
  await recordTransition(tx, actor, {
    change: () => licences.moveLicenceStatus(tx, row.id, from, to),
    event: async () => {},
    audit: {
      action: 'food.licence.status',
      targetType: 'food_licence',
      targetId: row.id,
      detail: { action, from, to },
    },
  });
}

/** 食品经营者, 许可 and 健康证: entry, lists with the expiring filter, the entity's food section. */
export function createFoodService(db: Db, deps: FoodDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  /** The entity a new licence or certificate is for: it must exist and lie where the caller may place it. */
  async function businessFor(actor: Actor, entityId: number): Promise<number> {
    const entity = await businesses.entityForFood(db, entityId);
    if (!entity) throw validation('entityId', '市场主体不存在');
    assertPlaceable(actor, foodBusinessKind, entity.stationId);
    return businesses.ensureBusiness(db, entity, actor.userId);
  }

  async function readableLicence(actor: Actor, id: number) {
    return assertReadable(actor, foodBusinessKind, await licences.getLicence(db, id), foodBusinessReach);
  }

  return {
    async listLicences(actor: Actor, q: z.infer<typeof ZFoodLicenceQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const t = today();
      const expiringBy = q.expiringWithin === undefined ? undefined : addDays(t, q.expiringWithin);
      const rows = await licences.listLicences(
        db,
        actor,
        { q: q.q, kind: q.kind, status: q.status, entityId: q.entityId, expiringBy },
        { after: decodeCursor(q.cursor), limit: q.limit },
      );
      const page = keysetPage(rows, q.limit, (r) => (expiringBy ? [r.validUntil, r.id] : [r.id]));
      return { items: page.items.map((r) => toLicence(r, t)), nextCursor: page.nextCursor };
    },

    async getLicence(actor: Actor, id: number) {
      return toLicence(await readableLicence(actor, id), today());
    },

    async createLicence(actor: Actor, body: TFoodLicenceBody) {
      assertPermitted(actor, foodBusinessKind, 'write');
      const checked = checkLicence(body, await deps.calendar());
      if ('errors' in checked) throw invalid(checked.errors);
      const businessId = await businessFor(actor, body.entityId);
      const renewed = body.renews ? await readableLicence(actor, body.renews) : undefined;
      if (renewed && renewed.businessId !== businessId) throw validation('renews', '被延续的许可证不属于该经营者');
      try {
        const id = await db.transaction(async (tx) => {
          const [newId] = await licences.insertLicences(tx, [
            { ...body, ...checked, businessId, createdBy: actor.userId },
          ]);
          if (renewed) await moveLicence(tx, actor, renewed, 'renew');
          await appendAudit(tx, actor, {
            action: 'food.licence.create',
            targetType: 'food_licence',
            targetId: newId,
            detail: { licenceNo: checked.licenceNo, kind: body.kind, renews: renewed?.id ?? null },
          });
          return newId!;
        });
        return toLicence((await licences.getLicence(db, id))!, today());
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict(`许可证编号 ${checked.licenceNo} 已登记`, [{ path: 'licenceNo', message: '编号已登记' }]);
        throw err;
      }
    },

    async setLicenceStatus(actor: Actor, id: number, status: 'active' | 'revoked' | 'cancelled') {
      const row = assertWritable(actor, foodBusinessKind, await licences.getLicence(db, id), foodBusinessReach);
      await db.transaction((tx) => moveLicence(tx, actor, row, foodLicenceActionFor[status]));
      return toLicence((await licences.getLicence(db, id))!, today());
    },

    async listCertificates(actor: Actor, q: z.infer<typeof ZHealthCertificateQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const t = today();
      const expiringBy = q.expiringWithin === undefined ? undefined : addDays(t, q.expiringWithin);
      const rows = await certificates.listCertificates(
        db,
        actor,
        { q: q.q, entityId: q.entityId, expiringBy },
        { after: decodeCursor(q.cursor), limit: q.limit },
      );
      const page = keysetPage(rows, q.limit, (r) => (expiringBy ? [r.validUntil, r.id] : [r.id]));
      return { items: page.items.map((r) => toCertificate(r, t, actor)), nextCursor: page.nextCursor };
    },

    async createCertificate(actor: Actor, body: THealthCertificateBody) {
      assertPermitted(actor, foodBusinessKind, 'write');
      const dates = checkCertificateDates(body.issuedOn, body.validUntil);
      if ('errors' in dates) throw invalid(dates.errors);
      const businessId = await businessFor(actor, body.entityId);
      const pair = { entityId: body.entityId, certificateNo: body.certificateNo };
      const taken = () =>
        conflict(`健康证编号 ${body.certificateNo} 已登记`, [{ path: 'certificateNo', message: '编号已登记' }]);
      if ((await certificates.existingCertificateNos(db, [pair])).size) throw taken();
      // The check above is for the usual case; two identical requests at once meet the unique key instead.
      const id = await db
        .transaction(async (tx) => {
          const [newId] = await certificates.insertCertificates(tx, [
            { ...body, validUntil: dates.validUntil, businessId, createdBy: actor.userId },
          ]);
          await appendAudit(tx, actor, {
            action: 'food.certificate.create',
            targetType: 'food_certificate',
            targetId: newId,
          });
          return newId!;
        })
        .catch((err: unknown) => {
          throw isUniqueViolation(err) ? taken() : err;
        });
      return toCertificate((await certificates.getCertificate(db, id))!, today(), actor);
    },

    async listBusinesses(actor: Actor, q: z.infer<typeof ZFoodBusinessQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const after = decodeCursor(q.cursor);
      const rows = await businesses.listBusinesses(db, actor, {
        q: q.q,
        afterId: after ? Number(after[0]) : undefined,
        limit: q.limit,
      });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toBusiness), nextCursor: page.nextCursor };
    },

    async getBusiness(actor: Actor, id: number) {
      return toBusiness(
        assertReadable(actor, foodBusinessKind, await businesses.getBusiness(db, id), foodBusinessReach),
      );
    },

    /** Names the responsible inspector: a user working at the business's station. */
    async setInspector(actor: Actor, id: number, inspectorId: number | null) {
      const row = assertWritable(actor, foodBusinessKind, await businesses.getBusiness(db, id), foodBusinessReach);
      if (inspectorId !== null && !(await businesses.userAtUnit(db, inspectorId, row.stationId))) {
        throw validation('inspectorId', `责任检查员应为${row.stationName}的在岗人员`);
      }
      await db.transaction(async (tx) => {
        await businesses.setInspector(tx, id, inspectorId);
        await appendAudit(tx, actor, {
          action: 'food.business.inspector',
          targetType: 'food_business',
          targetId: id,
          detail: { from: row.inspectorId, to: inspectorId },
        });
      });
      return toBusiness((await businesses.getBusiness(db, id))!);
    },

    /** The food section of the entity's 360° page: its business, licences and certificates (newest 50 each). */
    async entityFood(actor: Actor, entityId: number): Promise<TEntityFood> {
      assertPermitted(actor, foodBusinessKind, 'get');
      const business = await businesses.businessOfEntity(db, entityId);
      if (!business) return { business: null, licences: [], certificates: [] };
      assertReadable(actor, foodBusinessKind, business, foodBusinessReach);
      const t = today();
      const [ls, cs] = await Promise.all([
        licences.listLicences(db, actor, { entityId }, { limit: 50 }),
        certificates.listCertificates(db, actor, { entityId }, { limit: 50 }),
      ]);
      return {
        business: toBusiness(business),
        licences: ls.slice(0, 50).map((r) => toLicence(r, t)),
        certificates: cs.slice(0, 50).map((r) => toCertificate(r, t, actor)),
      };
    },
  };
}

export type FoodService = ReturnType<typeof createFoodService>;
