import { createHash, randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type {
  TPharmacy,
  TPharmacyBody,
  TPharmacyQuery,
  ZPharmacistBody,
  ZPharmacyPatch,
  ZPharmacyQuery,
} from '../../../contracts/pharmacies.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  attendanceRate,
  drugLicencePattern,
  licenceValidUntil,
  minuteLabel,
  normaliseDrugLicenceNo,
  registrationNoPattern,
} from '../../../domain/pharmacy.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { conflict, notFound, validation } from '../../../platform/errors.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import { type ExportColumn, keysetBatches, xlsxBody } from '../../../platform/xlsx-export.ts';
import { pharmacyKind, pharmacyReach } from '../access.ts';
import * as att from '../repos/attendance.ts';
import { gspOf } from '../repos/gsp.ts';
import * as repo from '../repos/pharmacies.ts';
import { toGsp, toPharmacist, toPharmacySummary } from '../view.ts';

export interface PharmacyDeps {
  geofenceMetres: number;
  now?: () => Date;
}

/** The check-in link's secret (192 bits, base64url) and the only form stored. */
export const newPharmacistToken = () => randomBytes(24).toString('base64url');
export const hashPharmacistToken = (token: string) =>
  createHash('sha256').update(`pharmacist-checkin:${token.trim()}`).digest('hex');

const shiftDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function checkLicenceNo(raw: string): string {
  const no = normaliseDrugLicenceNo(raw);
  if (!drugLicencePattern.test(no))
    throw validation(
      'licenceNo',
      `药品经营许可证编号“${raw}”格式不正确（应为省份简称+两位分类字母+7–11位数字，如 粤CB0605123456）`,
    );
  return no;
}

const exportColumns: ExportColumn<ReturnType<typeof toPharmacySummary>>[] = [
  { header: '统一社会信用代码', width: 22, value: (r) => r.uscc },
  { header: '药店名称', width: 36, value: (r) => r.entityName },
  { header: '管辖所', width: 16, value: (r) => r.stationName },
  { header: '药品经营许可证编号', width: 20, value: (r) => r.licenceNo },
  { header: '发证日期', width: 12, kind: 'date', value: (r) => new Date(`${r.licenceIssuedOn}T00:00:00Z`) },
  { header: '有效期至', width: 12, kind: 'date', value: (r) => new Date(`${r.licenceValidUntil}T00:00:00Z`) },
  { header: '执业药师人数', width: 12, value: (r) => r.pharmacists },
  { header: '近30日在岗率(%)', width: 14, value: (r) => r.rate30 },
  { header: '状态', width: 8, value: (r) => (r.status === 'active' ? '营业' : '停业') },
];

/** 零售药店: the registry row, its licence, pharmacists and their check-in links, the detail page and the export. */
export function createPharmacyService(db: Db, deps: PharmacyDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  const readable = async (actor: Actor, id: number) =>
    assertReadable(actor, pharmacyKind, await repo.findPharmacy(db, id, today()), pharmacyReach);
  const writable = async (actor: Actor, id: number) =>
    assertWritable(actor, pharmacyKind, await repo.findPharmacy(db, id, today()), pharmacyReach);

  const filter = (q: TPharmacyQuery): repo.PharmacyFilter => ({
    q: q.q,
    stationId: q.stationId,
    status: q.status,
    expiringBy: q.expiringWithin === undefined ? undefined : shiftDays(today(), q.expiringWithin),
  });

  return {
    today,

    async list(actor: Actor, q: z.infer<typeof ZPharmacyQuery>) {
      assertPermitted(actor, pharmacyKind, 'list');
      const cursor = decodeCursor(q.cursor);
      if (q.cursor && !Number.isInteger(cursor?.[0])) throw validation('cursor', '分页游标无效，请从第一页重新加载');
      const day = today();
      const rows = await repo.listPharmacies(
        db,
        actor,
        { ...filter(q), beforeId: cursor?.[0] as number | undefined },
        day,
        q.limit + 1,
      );
      return keysetPage(
        rows.map((r) => toPharmacySummary(r, day)),
        q.limit,
        (r) => [r.id],
      );
    },

    export(actor: Actor, q: TPharmacyQuery) {
      assertPermitted(actor, pharmacyKind, 'export');
      const day = today();
      const f = filter(q);
      const rows = keysetBatches(async (beforeId, limit) =>
        (await repo.listPharmacies(db, actor, { ...f, beforeId }, day, limit)).map((r) => toPharmacySummary(r, day)),
      );
      const body = xlsxBody('零售药店', exportColumns, rows, (rowCount, complete) =>
        db.transaction((tx) =>
          appendAudit(tx, actor, {
            action: 'pharmacy.export',
            targetType: 'pharmacy',
            detail: { format: 'xlsx', filters: q, rowCount, complete },
          }),
        ),
      );
      const stamp = day.replaceAll('-', '');
      return { filename: `零售药店_${stamp}.xlsx`, ascii: `pharmacies_${stamp}.xlsx`, body };
    },

    async get(actor: Actor, id: number): Promise<TPharmacy> {
      const p = await readable(actor, id);
      const day = today();
      const [pharmacists, days, year, gsp] = await Promise.all([
        repo.pharmacistsOf(db, id),
        att.attendanceOf(db, id, shiftDays(day, -89)),
        att.rateOf(db, id, shiftDays(day, -364)),
        gspOf(db, id),
      ]);
      return {
        ...toPharmacySummary(p, day),
        latitude: p.latitude,
        longitude: p.longitude,
        geofenceMetres: p.geofenceMetres ?? deps.geofenceMetres,
        geofenceIsDefault: p.geofenceMetres === null,
        opensMinute: p.opensMinute,
        closesMinute: p.closesMinute,
        version: p.version,
        pharmacistList: pharmacists.map(toPharmacist),
        attendance: days.map((d) => ({ ...d, rate: attendanceRate(d.coveredMinutes, d.openMinutes) })),
        rate365: attendanceRate(year.covered, year.open),
        gsp: gsp.map(toGsp),
      };
    },

    async create(actor: Actor, body: TPharmacyBody) {
      const entity = await repo.entityFacts(db, body.entityId);
      if (!entity) throw validation('entityId', '市场主体不存在');
      assertPlaceable(actor, pharmacyKind, entity.stationId);
      if (entity.status !== 'active') throw validation('entityId', '该市场主体不在存续状态，不能登记为零售药店');
      if (await repo.findPharmacyByEntity(db, body.entityId)) throw conflict('该市场主体已登记为零售药店');
      const licenceNo = checkLicenceNo(body.licenceNo);
      if (await repo.licenceTaken(db, licenceNo)) throw conflict(`许可证编号 ${licenceNo} 已被登记`);
      const validUntil = body.licenceValidUntil ?? licenceValidUntil(body.licenceIssuedOn);
      if (validUntil <= body.licenceIssuedOn) throw validation('licenceValidUntil', '有效期至须晚于发证日期');
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertPharmacy(tx, {
          entityId: body.entityId,
          stationId: entity.stationId,
          licenceNo,
          licenceIssuedOn: body.licenceIssuedOn,
          licenceValidUntil: validUntil,
          latitude: body.latitude,
          longitude: body.longitude,
          geofenceMetres: body.geofenceMetres ?? null,
          opensMinute: body.opensMinute,
          closesMinute: body.closesMinute,
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'pharmacy.create',
          targetType: 'pharmacy',
          targetId: id,
          detail: { entityId: body.entityId, licenceNo, validUntil },
        });
        return id;
      });
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, body: z.infer<typeof ZPharmacyPatch>) {
      const p = await writable(actor, id);
      const next = {
        latitude: body.latitude ?? p.latitude,
        longitude: body.longitude ?? p.longitude,
        geofenceMetres: body.geofenceMetres === undefined ? p.geofenceMetres : body.geofenceMetres,
        opensMinute: body.opensMinute ?? p.opensMinute,
        closesMinute: body.closesMinute ?? p.closesMinute,
        status: body.status ?? p.status,
      };
      if (next.closesMinute <= next.opensMinute) throw validation('closesMinute', '打烊时间须晚于开门时间');
      await db.transaction(async (tx) => {
        if (!(await repo.updatePharmacy(tx, id, body.version, next))) throw staleVersion();
        await appendAudit(tx, actor, {
          action: 'pharmacy.update',
          targetType: 'pharmacy',
          targetId: id,
          detail: { ...next, hours: `${minuteLabel(next.opensMinute)}–${minuteLabel(next.closesMinute)}` },
        });
      });
      return this.get(actor, id);
    },

    async addPharmacist(actor: Actor, pharmacyId: number, body: z.infer<typeof ZPharmacistBody>) {
      await writable(actor, pharmacyId);
      const no = body.registrationNo.toUpperCase().replace(/\s+/g, '');
      if (!registrationNoPattern.test(no))
        throw validation('registrationNo', `执业药师注册证编号“${body.registrationNo}”格式不正确（8–30位字母或数字）`);
      if (await repo.registrationTaken(db, no)) throw conflict(`执业药师注册证编号 ${no} 已被登记`);
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertPharmacist(tx, { ...body, registrationNo: no, pharmacyId });
        await appendAudit(tx, actor, {
          action: 'pharmacy.pharmacist.create',
          targetType: 'pharmacy',
          targetId: pharmacyId,
          detail: { pharmacistId: id, registrationNo: no },
        });
        return id;
      });
      return toPharmacist((await repo.findPharmacist(db, id))!);
    },

    /** A new personal check-in link (the old one stops working); shown once, only its hash is kept. */
    async issueToken(actor: Actor, pharmacistId: number) {
      const p = await repo.findPharmacist(db, pharmacistId);
      if (!p) throw notFound('执业药师');
      await writable(actor, p.pharmacyId);
      if (!p.active) throw validation('pharmacistId', '该执业药师已停用，不能签发签到链接');
      const token = newPharmacistToken();
      await db.transaction(async (tx) => {
        await repo.setPharmacistToken(tx, pharmacistId, hashPharmacistToken(token));
        await appendAudit(tx, actor, {
          action: 'pharmacy.pharmacist.token',
          targetType: 'pharmacy',
          targetId: p.pharmacyId,
          detail: { pharmacistId },
        });
      });
      return { pharmacistId, token, link: `/portal/pharmacist?t=${token}` };
    },

    async setPharmacistActive(actor: Actor, pharmacistId: number, active: boolean) {
      const p = await repo.findPharmacist(db, pharmacistId);
      if (!p) throw notFound('执业药师');
      await writable(actor, p.pharmacyId);
      await db.transaction(async (tx) => {
        await repo.setPharmacistActive(tx, pharmacistId, active);
        await appendAudit(tx, actor, {
          action: active ? 'pharmacy.pharmacist.activate' : 'pharmacy.pharmacist.deactivate',
          targetType: 'pharmacy',
          targetId: p.pharmacyId,
          detail: { pharmacistId },
        });
      });
      return toPharmacist((await repo.findPharmacist(db, pharmacistId))!);
    },
  };
}

export type PharmacyService = ReturnType<typeof createPharmacyService>;
