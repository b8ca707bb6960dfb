import type { z } from 'zod';
import type { ZHazardGradeBody, ZHazardInspectionBody } from '../../../contracts/equipment-hazards.ts';
import type { Db } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertPlaceable, assertReadable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { notFound, validation } from '../../../platform/errors.ts';
import { createCaseLead } from '../../cases/published.ts';
import { equipmentHazardKind } from '../access.ts';
import * as equipment from '../repos/equipment.ts';
import * as repo from '../repos/hazards.ts';
import { toHazard } from '../view.ts';

export interface HazardDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  /** Whether the equipment's last periodic inspection failed (不合格), from the register's inspection records. */
  lastInspectionFailed?: (equipmentId: number) => Promise<boolean>;
  now?: () => Date;
}

/** 监督检查 of a piece of equipment: the hazards found (graded by the configurable 隐患等级), and the case lead. */
export function createHazardService(db: Db, deps: HazardDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  /**
   * Records the hazards found on one inspection, in one transaction with an audit row each. Equipment seen in use
   * while 超期未检 or after a failed inspection becomes a 案源 (one per equipment and inspection day).
   */
  async function record(
    actor: Actor,
    body: z.infer<typeof ZHazardInspectionBody>,
    visit: { visitId: number; entityId: number } | null,
  ) {
    assertPermitted(actor, equipmentHazardKind, 'write');
    const eq = await equipment.equipmentFacts(db, body.equipmentId);
    if (!eq) throw notFound('特种设备');
    if (visit && eq.entityId !== visit.entityId) throw validation('equipmentId', '该设备不属于本次检查的使用单位');
    // A visit's drawn inspector records wherever the visit lies; otherwise the caller places the hazard in reach.
    if (!visit) assertPlaceable(actor, equipmentHazardKind, eq.stationId);
    if (body.foundOn > today()) throw validation('foundOn', '检查日期不能晚于今天');
    const grades = new Map((await repo.listGrades(db)).map((g) => [g.code, g]));
    body.hazards.forEach((h, i) => {
      if (!grades.get(h.gradeCode)?.active) throw validation(`hazards.${i}.gradeCode`, '隐患等级不存在或已停用');
    });
    const failed = (await deps.lastInspectionFailed?.(eq.id)) ?? false;
    const leadReason =
      body.inUse && eq.inspectionState === 'overdue'
        ? '超期未检仍在使用'
        : body.inUse && failed
          ? '检验不合格仍在使用'
          : null;
    const cal = leadReason ? await deps.calendar() : undefined;
    const { ids, caseLeadNo } = await db.transaction(async (tx) => {
      const ids: number[] = [];
      for (const h of body.hazards) {
        const id = await repo.insertHazard(tx, {
          equipmentId: eq.id,
          stationId: eq.stationId,
          gradeCode: h.gradeCode,
          description: h.description,
          foundOn: body.foundOn,
          inspectorNames: body.inspectorNames,
          visitId: visit?.visitId ?? null,
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'equipmentHazard.record',
          targetType: 'equipmentHazard',
          targetId: id,
          detail: { equipmentId: eq.id, gradeCode: h.gradeCode, foundOn: body.foundOn, visitId: visit?.visitId },
        });
        ids.push(id);
      }
      const caseLeadNo = leadReason
        ? await createCaseLead(
            tx,
            {
              sourceType: 'inspection',
              sourceRef: `equipment-use:${eq.id}:${body.foundOn}`,
              entityId: eq.entityId,
              stationId: eq.stationId,
              summary: `特种设备${leadReason}：${eq.categoryName} ${eq.equipmentCode}（${eq.registrationNo ?? '未登记'}），使用单位 ${eq.entityName}，检查日期 ${body.foundOn}，检查人员 ${body.inspectorNames}`,
              createdBy: actor.userId,
            },
            cal,
            deps.now?.(),
          )
        : null;
      return { ids, caseLeadNo };
    });
    return { hazards: (await repo.hazardsByIds(db, ids)).map(toHazard), caseLeadNo };
  }

  return {
    grades: () => repo.listGrades(db),

    /** 隐患等级 as data (equipment:settings at the route): adds or edits one grade; audited. */
    async saveGrade(actor: Actor, body: z.infer<typeof ZHazardGradeBody>) {
      await db.transaction(async (tx) => {
        await repo.upsertGrade(tx, body);
        await appendAudit(tx, actor, {
          action: 'equipment.hazardGrade.save',
          targetType: 'equipment_hazard_grade',
          targetId: body.code,
          detail: body,
        });
      });
      return repo.listGrades(db);
    },

    recordInspection(actor: Actor, body: z.infer<typeof ZHazardInspectionBody>) {
      return record(actor, body, null);
    },

    /**
     * Hazards found on a 监督检查 visit (the supervision service has checked the caller is one of its inspectors):
     * the equipment must be the visited entity's; the hazards keep the visit's id.
     */
    recordOnVisit(
      actor: Actor,
      visit: { visitId: number; entityId: number },
      body: z.infer<typeof ZHazardInspectionBody>,
    ) {
      return record(actor, body, visit);
    },

    async ofEquipment(actor: Actor, equipmentId: number) {
      assertPermitted(actor, equipmentHazardKind, 'list');
      return (await repo.hazardsOfEquipment(db, actor, equipmentId)).map(toHazard);
    },

    async get(actor: Actor, id: number) {
      const [h] = await repo.hazardsByIds(db, [id]);
      return toHazard(
        assertReadable(actor, equipmentHazardKind, h, (r) => ({ unitId: r.stationId, userIds: [r.createdBy] })),
      );
    },
  };
}

export type HazardService = ReturnType<typeof createHazardService>;
