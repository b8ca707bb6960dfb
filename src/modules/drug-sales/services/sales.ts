import type { z } from 'zod';
import type {
  TDrugSale,
  TDrugSaleBody,
  TDrugSalePersonal,
  TPharmacyCode,
  TPortalPharmacy,
  ZDrugSaleQuery,
} from '../../../contracts/drug-sales.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { maskName } from '../../../domain/drug-sales.ts';
import { maskIdCard, maskPhone, normaliseIdCard, normalisePhone } from '../../../domain/id-card.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, assertPlaceable, assertReadable } from '../../../platform/access.ts';
import {
  hashAccessCodeIn,
  looksLikeAccessCode,
  newAccessCode,
  wrongAccessCode,
} from '../../../platform/access-code.ts';
import type { Actor } from '../../../platform/actor.ts';
import { type AuditActor, appendAudit } from '../../../platform/audit.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { findPharmacyByEntity } from '../../pharmacies/published.ts';
import { drugSaleKind, drugSalePersonalKind, drugSaleReach } from '../access.ts';
import * as repo from '../repos/sales.ts';
import * as settingsRepo from '../repos/settings.ts';
import { toSale } from '../view.ts';

export const hashPharmacyCode = (code: string) => hashAccessCodeIn('drug-pharmacy', code);

const wrongCode = () => wrongAccessCode('市场监管所发放的访问码');

export interface Pharmacy {
  entityId: number;
  entityName: string;
  stationId: number;
  townshipCode: string;
}

export interface SaleDeps {
  pii: PiiCipher;
  now?: () => Date;
}

/**
 * Turns checked input into a row: the drug must be on the active watch list (its class is copied), the date not in
 * the future; name, ID number and phone are encrypted with their masked forms beside them (and a keyed hash of the
 * ID number for exact lookup), as entities keep a legal representative's ID.
 */
export async function saleRow(
  q: Queryable,
  deps: SaleDeps,
  pharmacy: Pharmacy,
  body: TDrugSaleBody,
  by: { channel: 'portal' | 'import' | 'staff'; userId: number | null },
  watch?: Map<string, string>,
): Promise<repo.SaleInsert> {
  const classes = watch ?? (await activeWatch(q));
  const drugClass = classes.get(body.drugName);
  if (!drugClass) throw validation('drugName', `“${body.drugName}”不在重点药品目录中`);
  const today = shanghaiToday(deps.now?.() ?? new Date());
  const soldOn = body.soldOn ?? today;
  if (soldOn > today) throw validation('soldOn', '销售日期不能晚于今天');
  const id = normaliseIdCard(body.idNumber);
  const phone = normalisePhone(body.phone);
  return {
    entityId: pharmacy.entityId,
    stationId: pharmacy.stationId,
    townshipCode: pharmacy.townshipCode,
    soldOn,
    drugName: body.drugName,
    drugClass,
    quantity: body.quantity,
    buyerNameCipher: deps.pii.encrypt(body.buyerName),
    buyerNameMasked: maskName(body.buyerName),
    idCipher: deps.pii.encrypt(id),
    idHash: deps.pii.lookupHash(id),
    idMasked: maskIdCard(id),
    phoneCipher: deps.pii.encrypt(phone),
    phoneMasked: maskPhone(phone),
    temperature: body.temperature ?? null,
    channel: by.channel,
    createdBy: by.userId,
  };
}

export async function activeWatch(q: Queryable): Promise<Map<string, string>> {
  return new Map((await settingsRepo.watchList(q)).filter((w) => w.active).map((w) => [w.name, w.drugClass]));
}

const pharmacyActor = (p: Pharmacy, ip: string | null): AuditActor => ({
  userId: null,
  displayName: `药店（访问码）${p.entityName}`,
  unitId: p.stationId,
  ip,
});

/**
 * 422 on entityId unless the entity is an open pharmacy in the pharmacies register: key-drug registrations are the
 * pharmacies' own, whether they come with an access code or from staff importing a pharmacy's file.
 */
export async function assertOpenPharmacy(q: Queryable, e: { id: number; name: string }, what: string): Promise<void> {
  const pharmacy = await findPharmacyByEntity(q, e.id);
  if (!pharmacy) throw validation('entityId', `“${e.name}”未登记为零售药店，请先在药店台账中登记，再${what}`);
  if (!pharmacy.active) throw validation('entityId', `“${e.name}”在药店台账中已停业，不能${what}`);
}

export function createDrugSales(db: Db, deps: SaleDeps) {
  async function pharmacyOf(accessCode: string): Promise<Pharmacy> {
    if (!looksLikeAccessCode(accessCode)) throw wrongCode();
    const found = await settingsRepo.pharmacyByCodeHash(db, hashPharmacyCode(accessCode));
    // A pharmacy closed in the register (or a code issued before codes were kept to pharmacies) opens nothing.
    if (!found || !(await findPharmacyByEntity(db, found.entityId))?.active) throw wrongCode();
    return found;
  }

  return {
    pharmacyOf,

    /**
     * Staff: a new code for a pharmacy (an entity in their reach that is an open pharmacy in the pharmacies register),
     * shown once; the old one stops working. A plain entity gets no code: registrations are the pharmacies' own.
     */
    async issueCode(actor: Actor, entityId: number): Promise<TPharmacyCode> {
      const e = await repo.pharmacyEntity(db, entityId);
      if (!e) throw notFound('药店（市场主体）');
      assertPlaceable(actor, drugSaleKind, e.stationId);
      await assertOpenPharmacy(db, e, '发放购药登记访问码');
      const code = newAccessCode();
      const issuedAt = await db.transaction(async (tx) => {
        const at = await settingsRepo.upsertCode(tx, e.id, hashPharmacyCode(code), actor.userId);
        await appendAudit(tx, actor, { action: 'drug.accessCode.issue', targetType: 'entity', targetId: e.id });
        return at;
      });
      return { entityId: e.id, entityName: e.name, code, issuedAt };
    },

    /** The phone page: which pharmacy the code opens, the watch list and its last registrations (masked). */
    async portalOverview(accessCode: string): Promise<TPortalPharmacy> {
      const p = await pharmacyOf(accessCode);
      const [watch, recent] = await Promise.all([settingsRepo.watchList(db), repo.recentOfEntity(db, p.entityId, 20)]);
      return {
        entityName: p.entityName,
        today: shanghaiToday(deps.now?.() ?? new Date()),
        watchList: watch.filter((w) => w.active).map((w) => ({ name: w.name, drugClass: w.drugClass })),
        recent: recent.map(toSale),
      };
    },

    /** Counter staff register one sale with the pharmacy's code: one transaction, the rollup and an audit row. */
    async portalRegister(accessCode: string, body: TDrugSaleBody, ip: string | null): Promise<TDrugSale> {
      const p = await pharmacyOf(accessCode);
      const row = await saleRow(db, deps, p, body, { channel: 'portal', userId: null });
      const id = await db.transaction(async (tx) => {
        const [saleId] = await repo.insertSales(tx, [row]);
        await appendAudit(tx, pharmacyActor(p, ip), {
          action: 'drug.sale.register',
          targetType: 'drugSale',
          targetId: saleId,
          detail: { entityId: p.entityId, drugClass: row.drugClass, channel: 'portal' },
        });
        return saleId!;
      });
      return toSale((await repo.getSale(db, id))!);
    },

    async list(actor: Actor, q: z.infer<typeof ZDrugSaleQuery>) {
      assertPermitted(actor, drugSaleKind, 'list');
      const c = decodeCursor(q.cursor);
      const after = c && typeof c[0] === 'string' ? { soldOn: c[0], id: Number(c[1]) } : undefined;
      const rows = await repo.listSales(db, actor, { ...q, after });
      const page = keysetPage(rows, q.limit, (r) => [r.soldOn, r.id]);
      return { items: page.items.map(toSale), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: number): Promise<TDrugSale> {
      return toSale(assertReadable(actor, drugSaleKind, await repo.getSale(db, id), drugSaleReach));
    },

    /**
     * The buyer's name, ID number and phone in clear: the row must be in reach (the owning station's data scope)
     * and the caller hold drug:personal (the designated role); every read is an audit row, written before the answer.
     */
    async personal(actor: Actor, id: number): Promise<TDrugSalePersonal> {
      const row = assertReadable(actor, drugSalePersonalKind, await repo.getSale(db, id), drugSaleReach);
      const p = (await repo.personalOf(db, id))!;
      await db.transaction((tx) =>
        appendAudit(tx, actor, {
          action: 'drug.sale.personal.read',
          targetType: 'drugSale',
          targetId: id,
          detail: { entityId: row.entityId, soldOn: row.soldOn },
        }),
      );
      return {
        id,
        buyerName: deps.pii.decrypt(p.buyerNameCipher),
        idNumber: deps.pii.decrypt(p.idCipher),
        phone: deps.pii.decrypt(p.phoneCipher),
      };
    },
  };
}
export type DrugSales = ReturnType<typeof createDrugSales>;
