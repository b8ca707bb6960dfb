import type { z } from 'zod';
import type {
  TFoodInspection,
  TFoodInspectionSummary,
  ZFoodInspectionCreate,
  ZFoodInspectionQuery,
  ZFoodInspectionStart,
  ZFoodResultsBody,
  ZFoodSubmitBody,
} from '../../../contracts/food-inspections.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { dueDate } from '../../../domain/deadlines.ts';
import {
  businessTypeOf,
  dynamicGrade,
  gradeEmbargo,
  inspectionResult,
  inspectionScore,
  resultLabels,
  tally,
} from '../../../domain/food-grading.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { visitStatusLabels, visitTransitions } from '../../../domain/spot-check-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, forbidden, notFound, validation } from '../../../platform/errors.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import { createCaseLead } from '../../cases/published.ts';
import { foodBusinessKind, foodBusinessReach } from '../../food/access.ts';
import type { FoodRulesService } from '../../food-rules/service.ts';
import type { JobService } from '../../jobs/service.ts';
import { isDrawnFor } from '../../spot-checks/access.ts';
import * as visits from '../../spot-checks/services/visit-engine.ts';
import { recomputeAnnual } from '../repos/annual.ts';
import * as repo from '../repos/inspections.ts';

export const ANNUAL_JOB = 'food.grades.annual';

export interface FoodInspectionDeps {
  calendar: () => Promise<WorkingDayCalendar>;
  jobs: Pick<JobService, 'enqueue'>;
  /** The active 量化分级规则 version, read at each submission and annual recompute (never a code constant). */
  rules: Pick<FoodRulesService, 'active'>;
  now?: () => Date;
}

const inspectionStatusLabels = { planned: '待检查', inProgress: '检查中', done: '已完成', cancelled: '已取消' };
const inspectionTransitions = {
  start: { label: '开始检查', from: ['planned'], to: 'inProgress', requires: [] },
  submit: { label: '提交检查结果', from: ['inProgress'], to: 'done', requires: [] },
} as const;

const summary = (r: repo.InspectionRecord): TFoodInspectionSummary => ({
  id: r.id,
  businessId: r.businessId,
  entityId: r.entityId,
  entityName: r.entityName,
  uscc: r.uscc,
  stationName: r.stationName,
  kind: r.kind as TFoodInspectionSummary['kind'],
  status: r.status as TFoodInspectionSummary['status'],
  plannedOn: r.plannedOn,
  inspectedOn: r.inspectedOn,
  result: r.result as TFoodInspectionSummary['result'],
  score: r.score,
  visitId: r.visitId,
  visitStatus: r.visitStatus,
  publishDueOn: r.publishDueOn,
  publishedAt: r.publishedAt ? new Date(r.publishedAt).toISOString() : null,
  rectifyDueOn: r.rectifyDueOn,
  version: r.version,
});

/** 日常监督检查 on the one visit engine (spot_check_visits), its result, consequences and 量化分级. */
export function createFoodInspectionService(db: Db, deps: FoodInspectionDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  const readable = async (actor: Actor, id: number) =>
    assertReadable(actor, foodBusinessKind, await repo.findInspection(db, id), foodBusinessReach);
  const writable = async (actor: Actor, id: number) =>
    assertWritable(actor, foodBusinessKind, await repo.findInspection(db, id), foodBusinessReach);

  async function visitOf(i: repo.InspectionRecord) {
    return i.visitId ? visits.findVisit(db, i.visitId) : undefined;
  }

  async function detail(actor: Actor, i: repo.InspectionRecord): Promise<TFoodInspection> {
    const [visit, results, certificates, grade] = await Promise.all([
      visitOf(i),
      repo.resultsOf(db, i.id),
      repo.certificatesOf(db, i.businessId, today()),
      repo.gradeOfInspection(db, i.id),
    ]);
    let checklist: TFoodInspection['checklist'] = null;
    if (i.checklistVersionId) {
      const c = await repo.checklist(db, i.checklistVersionId);
      const byItem = new Map(results.map((r) => [r.itemId, r]));
      checklist = {
        id: c.version.id,
        businessType: c.version.businessType as 'catering',
        version: c.version.version,
        title: c.version.title,
        basis: c.version.basis,
        items: c.items.map((it) => {
          const r = byItem.get(it.id);
          return { ...it, outcome: r?.outcome ?? null, notes: r?.notes ?? null, fileIds: r?.fileIds ?? [] };
        }),
      };
    }
    return {
      ...summary(i),
      fullScope: i.fullScope,
      level: i.level,
      checklist,
      inspectors: (visit?.inspectors ?? []).map((x) => ({ id: x.id, name: x.name, userId: x.userId })),
      canRecord: i.status === 'inProgress' && !!visit && isDrawnFor(actor.userId, visit),
      keyFailures: i.keyFailures,
      generalFailures: i.generalFailures,
      followupId: i.followupId,
      followupOf: i.followupOf,
      caseLeadRef: i.caseLeadRef,
      gradeWithheld: i.gradeWithheld as TFoodInspection['gradeWithheld'],
      gradingRulesVersion: i.gradingRulesVersion,
      grade: grade ?? null,
      certificates,
      notes: i.notes,
    };
  }

  async function assignedVisit(actor: Actor, i: repo.InspectionRecord) {
    const visit = await visitOf(i);
    if (i.status !== 'inProgress' || !visit)
      throw new AppError(
        'INVALID_STATE',
        `当前状态“${inspectionStatusLabels[i.status as 'planned'] ?? i.status}”不能录入检查结果`,
      );
    if (!isDrawnFor(actor.userId, visit)) throw forbidden('只有本次检查的执法人员才能录入结果');
    return visit;
  }

  return {
    today,

    async list(actor: Actor, q: z.infer<typeof ZFoodInspectionQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const planned = q.status === 'planned';
      const cursor = decodeCursor(q.cursor);
      if (planned && cursor && !(/^\d{4}-\d{2}-\d{2}$/.test(String(cursor[0])) && Number.isInteger(cursor[1])))
        throw validation('cursor', '分页游标无效，请从第一页重新加载');
      const rows = await repo.listInspections(
        db,
        actor,
        {
          status: q.status,
          businessId: q.businessId,
          mine: q.mine,
          beforeId: planned ? undefined : (cursor?.[0] as number | undefined),
          afterPlanned: planned && cursor ? (cursor as [string, number]) : undefined,
        },
        q.limit + 1,
      );
      return keysetPage(rows.map(summary), q.limit, (r) => (planned ? [r.plannedOn, r.id] : [r.id]));
    },

    async get(actor: Actor, id: number) {
      return detail(actor, await readable(actor, id));
    },

    /** An ad-hoc (or re-rating / follow-up) planned row; the yearly plan writes its own. */
    async create(actor: Actor, body: z.infer<typeof ZFoodInspectionCreate>) {
      const b = await repo.businessFacts(db, body.businessId);
      if (!b) throw validation('businessId', '食品经营者不存在');
      assertWritable(actor, foodBusinessKind, b, foodBusinessReach);
      const id = await db.transaction(async (tx) => {
        const id = await repo.insertInspection(tx, {
          businessId: b.id,
          kind: body.kind,
          plannedOn: body.plannedOn ?? today(),
          stationId: b.stationId,
          createdBy: actor.userId,
        });
        await appendAudit(tx, actor, {
          action: 'food.inspection.create',
          targetType: 'foodInspection',
          targetId: id,
          detail: { businessId: b.id, kind: body.kind },
        });
        return id;
      });
      return this.get(actor, id);
    },

    /**
     * Starts a planned inspection: a visit of the one visit engine (its own food plan) with ≥ 2 inspectors, none
     * of them with a declared conflict (回避) with the entity; the checklist version is fixed on the inspection.
     */
    async start(actor: Actor, id: number, body: z.infer<typeof ZFoodInspectionStart>) {
      const i = await writable(actor, id);
      allowTransition(inspectionTransitions, 'start', i.status as 'planned', inspectionStatusLabels);
      const ids = await visits.chooseInspectors(db, {
        userId: actor.userId,
        inspectorIds: body.inspectorIds,
        entityId: i.entityId,
      });
      const facts = (await repo.businessFacts(db, i.businessId))!;
      const type = body.businessType ?? businessTypeOf(facts.licences);
      const versionId = await repo.activeChecklist(db, type);
      if (!versionId) throw validation('businessType', '该业态没有启用的监督检查要点表');
      const day = today();
      await db.transaction(async (tx) => {
        const visitId = await visits.insertStandaloneVisit(tx, {
          planKind: 'food',
          name: `日常监督检查 ${i.entityName}（${day}）`,
          day,
          stationId: i.stationId,
          entityId: i.entityId,
          inspectorIds: ids,
          createdBy: actor.userId,
        });
        await recordTransition(tx, actor, {
          change: () => repo.markStarted(tx, { id, version: body.version, visitId, checklistVersionId: versionId }),
          event: async () => {},
          audit: {
            action: 'food.inspection.start',
            targetType: 'foodInspection',
            targetId: id,
            detail: { visitId, inspectorIds: ids, checklistVersionId: versionId },
          },
        });
      });
      return this.get(actor, id);
    },

    /** Item results, by one of the visit's inspectors; evidence must be this visit's uploads. */
    async recordResults(actor: Actor, id: number, body: z.infer<typeof ZFoodResultsBody>) {
      const i = await writable(actor, id);
      const visit = await assignedVisit(actor, i);
      const { items } = await repo.checklist(db, i.checklistVersionId!);
      const known = new Set(items.map((x) => x.id));
      const bad = body.items.find((x) => !known.has(x.itemId));
      if (bad) throw validation('items.itemId', `检查项目 ${bad.itemId} 不在本次检查的要点表中`);
      const fileIds = [...new Set(body.items.flatMap((x) => x.fileIds))];
      if (fileIds.length && (await visits.visitFiles(db, visit.id, fileIds)).length !== fileIds.length)
        throw validation('items.fileIds', '附件不存在或不是本次检查上传的取证材料');
      const missingNote = body.items.find((x) => x.outcome === 'fail' && !x.notes);
      if (missingNote) throw validation('items.notes', '不符合的检查项目须填写问题说明');
      await db.transaction(async (tx) => {
        await repo.upsertResults(
          tx,
          id,
          body.items.map((x) => ({ itemId: x.itemId, outcome: x.outcome, notes: x.notes ?? null, fileIds: x.fileIds })),
          actor.userId,
        );
        await appendAudit(tx, actor, {
          action: 'food.inspection.results',
          targetType: 'foodInspection',
          targetId: id,
          detail: { items: body.items.length },
        });
      });
      return this.get(actor, id);
    },

    /**
     * The result: 符合/基本符合/不符合 from the failed items, the score, the visit completed (its 20-working-day
     * publication clock starts), 责令整改 with a deadline and a planned follow-up, a case lead on request, and the
     * dynamic grade superseding the current one — one transaction; a second submission answers 409.
     */
    async submit(actor: Actor, id: number, body: z.infer<typeof ZFoodSubmitBody>) {
      const i = await writable(actor, id);
      const visit = await assignedVisit(actor, i);
      if (i.version !== body.version) throw staleVersion('检查结果已提交或已被他人修改，请刷新后重试');
      const [{ items }, results] = await Promise.all([
        repo.checklist(db, i.checklistVersionId!),
        repo.resultsOf(db, id),
      ]);
      const byItem = new Map(results.map((r) => [r.itemId, r]));
      const open = items.filter((x) => !byItem.has(x.id));
      if (open.length) throw validation('items', `尚有检查项目未录入结果：${open.map((x) => x.code).join('、')}`);
      const t = tally(items.map((x) => ({ outcome: byItem.get(x.id)!.outcome, key: x.key })));
      const { version: rulesVersion, config } = await deps.rules.active();
      const result = inspectionResult(t, config);
      const score = inspectionScore(t, config);
      if (body.caseLead && result !== 'fail') throw validation('caseLead', '只有不符合的检查才能移送案件线索');
      const day = today();
      const cal = await deps.calendar();
      const facts = (await repo.businessFacts(db, i.businessId))!;
      const withheld = gradeEmbargo(day, facts.firstLicenceOn, facts.lastIncidentOn, config);
      const rectifyDueOn =
        result === 'pass'
          ? null
          : dueDate(cal, day, { days: config.rectifyWorkingDays[result], unit: 'workingDays' }).dueOn;
      const publishDueOn = dueDate(cal, day, { days: config.publishWorkingDays, unit: 'workingDays' }).dueOn;
      await db.transaction(async (tx) => {
        // The row lock and the version decide which of two simultaneous submissions wins; the other gets 409.
        const locked = await repo.findInspection(tx, id, true);
        if (!locked || locked.version !== body.version || locked.status !== 'inProgress')
          throw staleVersion('检查结果已提交或已被他人修改，请刷新后重试');
        let caseLeadRef: string | null = null;
        if (body.caseLead) {
          const failed = items.filter((x) => byItem.get(x.id)!.outcome === 'fail');
          caseLeadRef = await createCaseLead(
            tx,
            {
              sourceType: 'inspection',
              sourceRef: `FI${id}`,
              entityId: i.entityId,
              stationId: i.stationId,
              summary: `日常监督检查不符合：${failed.map((x) => `${x.code}${x.name}（${byItem.get(x.id)!.notes ?? ''}）`).join('；')}`,
              createdBy: actor.userId,
            },
            cal,
          );
        }
        let followupId: number | null = null;
        if (rectifyDueOn)
          followupId = await repo.insertInspection(tx, {
            businessId: i.businessId,
            kind: 'followup',
            plannedOn: rectifyDueOn,
            stationId: i.stationId,
            createdBy: actor.userId,
            followupOf: id,
          });
        const grade = withheld ? null : dynamicGrade(score, t, config);
        await recordTransition(tx, actor, {
          change: () =>
            repo.markDone(tx, {
              id,
              version: body.version,
              inspectedOn: day,
              result,
              score,
              keyFailures: t.keyFailures,
              generalFailures: t.generalFailures,
              rectifyDueOn,
              followupId,
              caseLeadRef,
              gradeWithheld: withheld,
              notes: body.notes ?? null,
              gradingRulesVersion: rulesVersion,
            }),
          event: async () => {
            await visits.completeVisit(tx, visit, { day, publishDueOn });
            if (grade)
              await repo.writeDynamicGrade(tx, {
                businessId: i.businessId,
                grade,
                score,
                inspectionId: id,
                gradedOn: day,
                createdBy: actor.userId,
              });
            if (result !== 'pass') await visits.queueRiskRecompute(tx, i.entityId, `food-inspection:${id}:${result}`);
          },
          audit: {
            action: 'food.inspection.submit',
            targetType: 'foodInspection',
            targetId: id,
            detail: {
              result,
              label: resultLabels[result],
              score,
              grade,
              withheld,
              rectifyDueOn,
              followupId,
              caseLeadRef,
              gradingRulesVersion: rulesVersion,
            },
          },
        });
      });
      return this.get(actor, id);
    },

    /** Publication (Art. 39, within 20 working days): the visit's publish transition makes the result public. */
    async publish(actor: Actor, id: number) {
      const i = await writable(actor, id);
      const visit = await visitOf(i);
      if (!visit || i.status !== 'done') throw new AppError('INVALID_STATE', '检查尚未完成，不能公示');
      allowTransition(visitTransitions, 'publish', visit.status as 'inspected', visitStatusLabels);
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () =>
            visits.setVisitStatus(
              tx,
              { id: visit.id, version: visit.version },
              { status: 'published', publishedAt: new Date() },
            ),
          event: async () => {},
          audit: {
            action: 'food.inspection.publish',
            targetType: 'foodInspection',
            targetId: id,
            detail: { visitId: visit.id },
          },
        }),
      );
      return this.get(actor, id);
    },

    async grades(actor: Actor, businessId: number) {
      const b = await repo.businessFacts(db, businessId);
      assertReadable(actor, foodBusinessKind, b, foodBusinessReach);
      return repo.gradesOf(db, businessId);
    },

    async addIncident(actor: Actor, businessId: number, body: { occurredOn: string; summary: string }) {
      const b = await repo.businessFacts(db, businessId);
      assertWritable(actor, foodBusinessKind, b, foodBusinessReach);
      if (body.occurredOn > today()) throw validation('occurredOn', '事故发生日期不能晚于今天');
      const incidentId = await db.transaction(async (tx) => {
        const incidentId = await repo.insertIncident(tx, { businessId, ...body, createdBy: actor.userId });
        await appendAudit(tx, actor, {
          action: 'food.incident.create',
          targetType: 'foodBusiness',
          targetId: businessId,
          detail: { incidentId, occurredOn: body.occurredOn },
        });
        return incidentId;
      });
      return { id: incidentId, businessId, ...body };
    },

    checklists: () => repo.checklistVersions(db),
    async checklist(id: number) {
      const c = await repo.checklist(db, id).catch(() => undefined);
      if (!c?.version) throw notFound('监督检查要点表');
      return { ...c.version, items: c.items };
    },

    /** 年度等级 for all businesses, set-based (the job and the admin action). */
    async recomputeAnnual(asOf = today(), createdBy: number | null = null) {
      const started = performance.now();
      const { version: rulesVersion, config } = await deps.rules.active();
      const r = await db.transaction((tx) => recomputeAnnual(tx, { asOf, config, createdBy }));
      return { ...r, asOf, rulesVersion, ms: Math.round(performance.now() - started) };
    },

    async startAnnualRecompute(actor: Actor, asOf?: string) {
      assertPermitted(actor, foodBusinessKind, 'write');
      return db.transaction(async (tx) => {
        const jobId = await deps.jobs.enqueue(
          { kind: ANNUAL_JOB, createdBy: actor.userId, unitId: actor.unitId, maxAttempts: 1, payload: { asOf } },
          tx,
        );
        await appendAudit(tx, actor, { action: 'food.grades.annual', targetType: 'job', targetId: jobId });
        return { jobId };
      });
    },
  };
}

export type FoodInspectionService = ReturnType<typeof createFoodInspectionService>;
