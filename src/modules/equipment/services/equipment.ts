import type {
  TEquipmentBody,
  TEquipmentFilter,
  TEquipmentQuery,
  TInspectionBody,
  TMaintenanceBody,
} from '../../../contracts/equipment.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { codeFitsCategory, inspectionStateOn, isLift, nextDueAfter } from '../../../domain/equipment-rules.ts';
import type { EquipmentAction } from '../../../domain/equipment-workflow.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, assertPlaceable, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, conflict, validation } from '../../../platform/errors.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import { equipmentKind, equipmentReach } from '../access.ts';
import * as repo from '../repos/equipment.ts';
import * as records from '../repos/records.ts';
import * as settingsRepo from '../repos/settings.ts';
import { toEquipment } from '../view.ts';
import { moveEquipment } from './status.ts';

export interface EquipmentDeps {
  now?: () => Date;
}

const addDaysIso = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * One periodic inspection on the register, in the caller's transaction: the result row, the next due date (the
 * report's, else the interval table's), the safety grade and the state; a failed result stops the equipment
 * (inspectionFailed), a passing one after such a stop puts it back in use (inspectionPassed). Equipment still 未登记
 * is flagged as found on an inspection.
 */
export async function recordInspection(
  tx: Queryable,
  actor: Actor,
  eq: repo.EquipmentRow,
  b: TInspectionBody,
  today: string,
): Promise<void> {
  const s = await settingsRepo.getSettings(tx);
  const grade = b.safetyGrade ?? eq.safetyGrade;
  const nextDue =
    b.conclusion === 'fail'
      ? (b.nextDue ?? null)
      : (b.nextDue ??
        nextDueAfter(
          await settingsRepo.intervals(tx),
          {
            categoryCode: eq.categoryCode,
            topCategoryCode: eq.topCategoryCode,
            safetyGrade: grade,
            gasClass: eq.gasClass,
          },
          b.inspectedOn,
        ) ??
        null);
  await records.insertInspection(tx, {
    equipmentId: eq.id,
    inspectionKind: b.inspectionKind,
    inspectedOn: b.inspectedOn,
    conclusion: b.conclusion,
    safetyGrade: b.safetyGrade ?? null,
    nextDue,
    reportNo: b.reportNo,
    instituteName: b.instituteName ?? null,
    createdBy: actor.userId,
  });
  // A failed inspection leaves the old due date: it is overdue until a passing re-inspection sets a new one.
  const due = nextDue ?? eq.nextInspectionDue;
  await records.applyInspection(tx, eq.id, {
    nextDue,
    state: inspectionStateOn(due, today, s.dueNoticeMonths),
    safetyGrade: b.safetyGrade ?? null,
    unregisteredFoundOn: eq.status === 'unregistered' ? b.inspectedOn : null,
  });
  await appendAudit(tx, actor, {
    action: 'equipment.inspection',
    targetType: 'equipment',
    targetId: eq.id,
    detail: { reportNo: b.reportNo, conclusion: b.conclusion, inspectedOn: b.inspectedOn, nextDue },
  });
  if (b.conclusion === 'fail' && (eq.status === 'inUse' || eq.status === 'stopped'))
    await moveEquipment(tx, actor, { id: eq.id, action: 'inspectionFailed', reason: `检验报告 ${b.reportNo} 不合格` });
  else if (
    b.conclusion !== 'fail' &&
    eq.status === 'stopped' &&
    (await repo.lastStatusAction(tx, eq.id)) === 'inspectionFailed'
  )
    await moveEquipment(tx, actor, { id: eq.id, action: 'inspectionPassed', reason: `检验报告 ${b.reportNo} 合格` });
}

/**
 * First step of a transaction that records inspections: the equipment rows locked in id order (before the audit
 * chain's lock is taken, so a status change holding one of them cannot deadlock with us), then the report numbers
 * checked again under the locks: the same report sent twice at once is recorded once, the second is a 409.
 */
export async function lockForInspections(tx: Queryable, pairs: { equipmentId: number; reportNo: string }[]) {
  await repo.lockEquipment(tx, [...new Set(pairs.map((p) => p.equipmentId))]);
  const [taken] = await records.reportNosTaken(tx, pairs);
  if (taken) {
    const reportNo = taken.slice(taken.indexOf('|') + 1);
    throw conflict(`检验报告 ${reportNo} 已录入（可能刚由他人同时录入），请刷新后核对`, [
      { path: 'reportNo', message: '已录入' },
    ]);
  }
}

/** Checks an inspection before it is written: 4xx with the field, nothing changes. */
export function inspectionProblems(b: Pick<TInspectionBody, 'inspectedOn' | 'nextDue' | 'conclusion'>, today: string) {
  const problems: { path: string; message: string }[] = [];
  if (b.inspectedOn > today) problems.push({ path: 'inspectedOn', message: '检验日期不能晚于今天' });
  if (b.nextDue && b.nextDue <= b.inspectedOn)
    problems.push({ path: 'nextDue', message: '下次检验日期应晚于检验日期' });
  return problems;
}

/** 特种设备 register: entry, lists (keyset), detail, status changes, inspections, 维保, map. */
export function createEquipmentService(db: Db, deps: EquipmentDeps = {}) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function readable(actor: Actor, id: number) {
    return assertReadable(actor, equipmentKind, await repo.getEquipment(db, id), equipmentReach);
  }
  async function writable(actor: Actor, id: number) {
    return assertWritable(actor, equipmentKind, await repo.getEquipment(db, id), equipmentReach);
  }
  async function view(id: number) {
    const s = await settingsRepo.getSettings(db);
    return toEquipment((await repo.getEquipment(db, id))!, today(), s);
  }

  function filterOf(q: TEquipmentFilter, s: settingsRepo.EquipmentSettingsRow): repo.EquipmentFilter {
    return {
      q: q.q,
      category: q.category,
      status: q.status,
      inspectionState: q.inspectionState,
      stationId: q.stationId,
      regionCode: q.regionCode,
      entityId: q.entityId,
      maintenanceOverdueBefore: q.maintenanceOverdue ? addDaysIso(today(), -s.maintenancePeriodDays) : undefined,
    };
  }

  return {
    async categories() {
      return repo.categories(db);
    },

    async list(actor: Actor, q: TEquipmentQuery) {
      assertPermitted(actor, equipmentKind, 'list');
      const s = await settingsRepo.getSettings(db);
      const rows = await repo.listEquipment(db, actor, filterOf(q, s), {
        after: decodeCursor(q.cursor),
        limit: q.limit,
      });
      const page = keysetPage(rows, q.limit, (r) => (q.inspectionState ? [r.nextInspectionDue, r.id] : [r.id]));
      const t = today();
      return { items: page.items.map((r) => toEquipment(r, t, s)), nextCursor: page.nextCursor };
    },

    /** For the export: newest first by id, with the list's filters and scope (keysetBatches). */
    async exportPage(actor: Actor, q: TEquipmentFilter, beforeId: number | undefined, limit: number) {
      const s = await settingsRepo.getSettings(db);
      const rows = await repo.listEquipment(db, actor, filterOf(q, s), { beforeId, limit: limit - 1, byId: true });
      const t = today();
      return rows.map((r) => toEquipment(r, t, s));
    },

    async get(actor: Actor, id: number) {
      await readable(actor, id);
      return view(id);
    },

    async detail(actor: Actor, id: number) {
      await readable(actor, id);
      const [eq, inspections, maintenance, events] = await Promise.all([
        view(id),
        records.inspectionsOf(db, id),
        records.maintenanceOf(db, id),
        repo.statusEvents(db, id),
      ]);
      return {
        ...eq,
        inspections,
        maintenance,
        events: events.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
      };
    },

    async create(actor: Actor, b: TEquipmentBody) {
      assertPermitted(actor, equipmentKind, 'write');
      const t = today();
      const category = await repo.categoryOf(db, b.categoryCode);
      if (!category) throw validation('categoryCode', '设备类别不存在');
      if (!codeFitsCategory(b.equipmentCode, b.categoryCode))
        throw validation('equipmentCode', `设备代码应以类别代码的首位“${b.categoryCode[0]}”开头（${category.name}）`);
      if (b.firstUsedOn && b.firstUsedOn > t) throw validation('firstUsedOn', '投入使用日期不能晚于今天');
      if (b.registeredOn && b.registeredOn > t) throw validation('registeredOn', '登记日期不能晚于今天');
      if (b.registeredOn && !b.registrationNo) throw validation('registrationNo', '已登记的设备须填写使用登记证编号');
      if (b.gasClass && !b.categoryCode.startsWith('23')) throw validation('gasClass', '仅气瓶可填写充装介质类别');
      if (
        isLift(b.categoryCode) &&
        b.maintenanceUnitName &&
        b.maintenanceUnitName !== b.makerName &&
        !b.maintenanceEntityId
      )
        throw validation('maintenanceEntityId', '电梯维保单位须为制造单位或取得许可的单位（请选择市场主体）');
      const entity = await repo.entityForEquipment(db, b.entityId);
      if (!entity) throw validation('entityId', '使用单位（市场主体）不存在');
      if (b.maintenanceEntityId && !(await repo.entityForEquipment(db, b.maintenanceEntityId)))
        throw validation('maintenanceEntityId', '维保单位（市场主体）不存在');
      assertPlaceable(actor, equipmentKind, entity.stationId);
      const registrationNo = b.registrationNo || null;
      const taken = await repo.codeOrRegistrationTaken(db, b.equipmentCode, registrationNo);
      if (taken.code)
        throw conflict(`设备代码 ${b.equipmentCode} 已登记`, [{ path: 'equipmentCode', message: '已登记' }]);
      if (taken.registration)
        throw conflict(`使用登记证编号 ${registrationNo} 已使用`, [{ path: 'registrationNo', message: '已使用' }]);
      const s = await settingsRepo.getSettings(db);
      const next = b.nextInspectionDue ?? null;
      const id = await db.transaction(async (tx) => {
        const newId = await repo.insertEquipment(tx, {
          equipmentCode: b.equipmentCode,
          categoryCode: b.categoryCode,
          registrationNo,
          entityId: b.entityId,
          stationId: entity.stationId,
          makerName: b.makerName || null,
          installerName: b.installerName || null,
          maintenanceEntityId: b.maintenanceEntityId ?? null,
          maintenanceUnitName: b.maintenanceUnitName || null,
          model: b.model || null,
          address: b.address,
          regionCode: b.regionCode ?? null,
          latitude: b.latitude ?? null,
          longitude: b.longitude ?? null,
          status: registrationNo ? 'inUse' : 'unregistered',
          firstUsedOn: b.firstUsedOn ?? null,
          registeredOn: registrationNo ? (b.registeredOn ?? t) : null,
          gasClass: b.gasClass ?? null,
          nextInspectionDue: next,
          inspectionState: inspectionStateOn(next, t, s.dueNoticeMonths),
          createdBy: actor.userId,
        });
        if (!newId)
          throw conflict(`设备代码 ${b.equipmentCode} 已登记`, [{ path: 'equipmentCode', message: '已登记' }]);
        await appendAudit(tx, actor, {
          action: 'equipment.create',
          targetType: 'equipment',
          targetId: newId,
          detail: { equipmentCode: b.equipmentCode, categoryCode: b.categoryCode, registrationNo },
        });
        return newId;
      });
      return view(id);
    },

    async update(
      actor: Actor,
      id: number,
      b: Pick<
        TEquipmentBody,
        'makerName' | 'installerName' | 'maintenanceUnitName' | 'address' | 'regionCode' | 'latitude' | 'longitude'
      > & { version: number },
    ) {
      const row = await writable(actor, id);
      await db.transaction(async (tx) => {
        const ok = await repo.updateDetails(tx, id, b.version, {
          makerName: b.makerName ?? row.makerName,
          installerName: b.installerName ?? row.installerName,
          maintenanceUnitName: b.maintenanceUnitName ?? row.maintenanceUnitName,
          address: b.address,
          regionCode: b.regionCode ?? row.regionCode,
          latitude: b.latitude ?? row.latitude,
          longitude: b.longitude ?? row.longitude,
        });
        if (!ok) throw staleVersion();
        await appendAudit(tx, actor, { action: 'equipment.update', targetType: 'equipment', targetId: id });
      });
      return view(id);
    },

    async setStatus(
      actor: Actor,
      id: number,
      b: {
        action: EquipmentAction;
        reason?: string | null;
        registrationNo?: string | null;
        registeredOn?: string | null;
      },
    ) {
      await writable(actor, id);
      const t = today();
      if (b.registeredOn && b.registeredOn > t) throw validation('registeredOn', '登记日期不能晚于今天');
      if (b.action === 'register' && b.registrationNo) {
        const taken = await repo.codeOrRegistrationTaken(db, '', b.registrationNo);
        if (taken.registration)
          throw conflict(`使用登记证编号 ${b.registrationNo} 已使用`, [{ path: 'registrationNo', message: '已使用' }]);
      }
      await db.transaction((tx) =>
        moveEquipment(tx, actor, {
          id,
          action: b.action,
          reason: b.reason ?? null,
          registrationNo: b.registrationNo ?? undefined,
          registeredOn: b.action === 'register' ? (b.registeredOn ?? t) : undefined,
        }),
      );
      return view(id);
    },

    async addInspection(actor: Actor, id: number, b: TInspectionBody) {
      const eq = await writable(actor, id);
      const problems = inspectionProblems(b, today());
      if (problems.length) throw new AppError('VALIDATION', problems.map((p) => p.message).join('；'), problems);
      if ((await records.reportNosTaken(db, [{ equipmentId: id, reportNo: b.reportNo }])).size)
        throw conflict(`检验报告 ${b.reportNo} 已录入`, [{ path: 'reportNo', message: '已录入' }]);
      await db.transaction(async (tx) => {
        await lockForInspections(tx, [{ equipmentId: id, reportNo: b.reportNo }]);
        await recordInspection(tx, actor, (await repo.getEquipment(tx, id, true))!, b, today());
      });
      void eq;
      return view(id);
    },

    async addMaintenance(actor: Actor, id: number, b: TMaintenanceBody) {
      const eq = await writable(actor, id);
      if (b.maintainedOn > today()) throw validation('maintainedOn', '维保日期不能晚于今天');
      if (!isLift(eq.categoryCode)) throw validation('maintainedOn', '维保记录目前只登记电梯');
      await db.transaction(async (tx) => {
        await records.insertMaintenance(tx, [
          {
            equipmentId: id,
            maintainedOn: b.maintainedOn,
            maintenanceUnitName: b.maintenanceUnitName ?? eq.maintenanceUnitName,
            maintainerName: b.maintainerName ?? null,
            note: b.note ?? null,
            createdBy: actor.userId,
          },
        ]);
        await appendAudit(tx, actor, {
          action: 'equipment.maintenance',
          targetType: 'equipment',
          targetId: id,
          detail: { maintainedOn: b.maintainedOn },
        });
      });
      return view(id);
    },

    async map(actor: Actor, q: TEquipmentFilter) {
      assertPermitted(actor, equipmentKind, 'list');
      const s = await settingsRepo.getSettings(db);
      const f = filterOf(q, s);
      const [points, townships] = await Promise.all([
        repo.mapPoints(db, actor, f, 5000),
        repo.townshipCounts(db, actor, f),
      ]);
      return { points, townships };
    },
  };
}
export type EquipmentService = ReturnType<typeof createEquipmentService>;
