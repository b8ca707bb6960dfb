import type { z } from 'zod';
import type {
  TDisclosure,
  ZDisclosureQuery,
  ZDisclosureReasonBody,
  ZDisclosureRemoveBody,
  ZPublicPenaltyQuery,
} from '../../../contracts/case-disclosures.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  type DisclosedDecision,
  type DisclosureAction,
  type DisclosureStatus,
  disclosureStatusLabels,
  disclosureTransitions,
  earlyRemovalRefusal,
  isSeriousListCandidate,
  isShortDisplay,
  maskPersonName,
  penaltyContent,
  planDisclosure,
  publicationDates,
  withdrawalDueOn,
} from '../../../domain/case-disclosure.ts';
import type { CaseSettings } from '../../../domain/case-settings.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertReadable, assertWritable, readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { type AuditActor, appendAudit } from '../../../platform/audit.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import { calendarWithin } from '../../calendar/published.ts';
import {
  creditListsOf,
  discardSeriousProposalsOfCase,
  proposeSeriousListingForPenalty,
  queueRiskRecompute,
} from '../../credit/published.ts';
import { notify } from '../../notifications/published.ts';
import { caseKind, caseReach, disclosureKind } from '../access.ts';
import * as repo from '../repos/disclosures.ts';
import { loadCaseSettings } from '../repos/settings-row.ts';

/**
 * 行政处罚信息公示 (SAMR Order 45) and the credit consequences of a decision (SAMR Order 44, the risk model's
 * penalty fact). The hooks run inside the transaction of the case step that triggers them (decide, annul);
 * the staff use cases and the portal are in createDisclosureService.
 */

export interface HookOptions {
  /** Who completed the step (the last approver); null: the system. */
  actor?: AuditActor | null;
  /** The working-day calendar, when the caller loaded it before its transaction; else read through `tx`. */
  calendar?: WorkingDayCalendar;
  settings?: CaseSettings;
  /** Today (Asia/Shanghai), for tests. */
  today?: string;
}

/** The stored case policy over the defaults, read through the caller's connection (or transaction). */
const caseSettingsWithin = (q: Queryable): Promise<CaseSettings> => loadCaseSettings(q);

const asDecision = (d: repo.DecisionRow): DisclosedDecision & { penalties: repo.DecisionRow['penalties'] } => ({
  decidedOn: d.decidedOn ?? '',
  procedure: d.procedure,
  decisionKind: d.decisionKind,
  penalties: d.penalties.map((p) => ({ ...p, amountFen: Number(p.amountFen) })),
  violationAreas: d.violations.map((v) => v.area),
});

/** The frozen public summary: an individual's name masked and no ID number; an organisation's USCC. */
export function disclosureSummary(d: repo.DecisionRow) {
  const person = d.partyKind === 'person';
  const partyName = person ? maskPersonName(d.partyName) : d.partyName;
  const partyUscc = person ? null : d.partyUscc;
  const violation = d.violations.map((v) => v.name).join('；') || '—';
  const basis = d.violations.map((v) => `违反${v.legalBasis}，依据${v.penaltyBasis}`).join('；') || '—';
  return {
    decisionNo: d.decisionNo ?? '',
    partyName,
    partyUscc,
    violation,
    basis,
    content: penaltyContent(asDecision(d).penalties),
    authority: d.authority,
    decidedOn: d.decidedOn ?? '',
    // Searched with LIKE on the upper-cased text: a fragment of the name, the USCC or the decision number.
    searchText: [partyName, partyUscc ?? '', d.decisionNo ?? ''].join(' ').toUpperCase(),
  };
}

function audit(action: DisclosureAction | 'create', id: number, detail: Record<string, unknown>) {
  return { action: `case.disclosure.${action}`, targetType: 'case-disclosure', targetId: id, detail };
}

/**
 * 决定 made (the workflow calls this in the approving transaction): the disclosure row when Order 45 publishes the
 * decision (pending, due in 20 working days), the entity's risk recompute queued, and, on Order 44's criteria,
 * the entity proposed for the serious list through the credit workflow.
 */
export async function onCaseDecided(tx: Queryable, caseId: number, opts: HookOptions = {}) {
  const d = await repo.decisionOf(tx, caseId);
  if (!d?.decidedOn) throw new AppError('INVALID_STATE', '案件尚未作出决定，不能生成公示');
  const settings = opts.settings ?? (await caseSettingsWithin(tx));
  const cal = opts.calendar ?? (await calendarWithin(tx));
  const decision = asDecision(d);
  const plan = planDisclosure(cal, decision, settings);
  let disclosureId: number | undefined;
  // The decide step writes the decision (number, penalties, violations) first, then calls this hook.
  if (plan.published && !d.decisionNo) throw new AppError('INVALID_STATE', '行政处罚决定书尚未编号，不能生成公示');
  if (plan.published && d.decisionNo) {
    disclosureId = await repo.insertDisclosure(tx, {
      ...disclosureSummary(d),
      caseId,
      stationId: d.stationId,
      dueOn: plan.dueOn,
      removable: plan.removable,
    });
    if (disclosureId !== undefined) {
      await repo.insertDisclosureStep(tx, {
        caseId,
        action: 'disclosure.create',
        from: null,
        to: 'pending',
        actorId: opts.actor?.userId ?? null,
        note: `行政处罚信息待公示，应于 ${plan.dueOn} 前公示`,
        data: { disclosureId, dueOn: plan.dueOn },
      });
      await appendAudit(tx, opts.actor ?? null, audit('create', disclosureId, { caseId, dueOn: plan.dueOn }));
    }
  }
  let seriousProposal: { batchId: number; listingId: number } | undefined;
  // The penalty fact (case_penalty_facts) changed: the outbox recomputes the entity's class after the commit.
  if (d.entityId !== null && (d.decisionKind === 'penalty' || d.procedure === 'summary')) {
    await queueRiskRecompute(tx, [d.entityId], `case:${caseId}:decided`);
  }
  if (d.entityId !== null && d.decisionNo && isSeriousListCandidate(decision, settings)) {
    seriousProposal = await proposeSeriousListingForPenalty(tx, opts.actor ?? null, {
      entityId: d.entityId,
      ownerUnitId: d.stationId,
      caseId,
      decisionNo: d.decisionNo,
      reason: `行政处罚决定 ${d.decisionNo}（${decision.penalties.length ? penaltyContent(decision.penalties) : ''}）符合列入严重违法失信名单情形`,
    });
  }
  return { disclosureId, dueOn: plan.published ? plan.dueOn : null, seriousProposal };
}

/**
 * 决定变更、撤销或确认无效 (the workflow calls this in the annulling transaction): a published disclosure is withdrawn at once
 * (withdrawn_on today; withdraw_due_on records Order 45's limit, 3 working days after `onDate`); a pending one
 * is cancelled the same way before it is ever shown. The entity's risk is recomputed without the decision.
 */
export async function onDecisionAnnulled(
  tx: Queryable,
  caseId: number,
  reason: string,
  onDate: string,
  opts: HookOptions = {},
) {
  const row = await repo.disclosureOfCase(tx, caseId);
  const d = await repo.decisionOf(tx, caseId);
  if (d?.entityId) await queueRiskRecompute(tx, [d.entityId], `case:${caseId}:annulled`);
  // A serious-list proposal this decision made and the credit staff have not decided yet falls with it.
  await discardSeriousProposalsOfCase(tx, opts.actor ?? null, {
    caseId,
    reason: `行政处罚决定已变更、撤销或确认无效：${reason}`.slice(0, 500),
  });
  if (!row || (row.status !== 'pending' && row.status !== 'published')) return { withdrawn: false };
  const cal = opts.calendar ?? (await calendarWithin(tx));
  const today = opts.today ?? shanghaiToday();
  const t = allowTransition(disclosureTransitions, 'withdraw', row.status, disclosureStatusLabels, { reason });
  const set = {
    status: t.to as DisclosureStatus,
    withdraw_due_on: withdrawalDueOn(cal, onDate),
    withdrawn_on: today,
    reason: `决定变更、撤销或确认无效：${reason}`.slice(0, 500),
  };
  await moveDisclosure(tx, opts.actor ?? null, row, 'withdraw', set, { annulledOn: onDate });
  return { withdrawn: true, withdrawDueOn: set.withdraw_due_on };
}

/** One disclosure transition: the versioned change, the case's timeline row, the audit row. */
async function moveDisclosure(
  tx: Queryable,
  actor: AuditActor | null,
  row: repo.DisclosureRow,
  action: DisclosureAction,
  set: repo.DisclosureSet,
  extra: Record<string, unknown> = {},
) {
  const t = disclosureTransitions[action];
  const to = t.to ?? row.status;
  const { escalated_at: _, ...dates } = set;
  await recordTransition(tx, actor, {
    change: () => repo.updateDisclosure(tx, { id: row.id, version: row.version }, set),
    event: () =>
      repo.insertDisclosureStep(tx, {
        caseId: row.caseId,
        action: `disclosure.${action}`,
        from: row.status,
        to,
        actorId: actor?.userId ?? null,
        note: set.reason ? `${t.label}：${set.reason}` : t.label,
        data: { disclosureId: row.id, ...dates, ...extra },
      }),
    audit: audit(action, row.id, { caseId: row.caseId, from: row.status, to, ...dates, ...extra }),
  });
}

const disclosureReach = (r: repo.DisclosureRow & { isOfficer: boolean }) => ({
  unitId: r.stationId,
  userIds: [],
  participant: r.isOfficer,
});

export function toDisclosure(r: repo.DisclosureRow, today: string): TDisclosure {
  const actions = (Object.keys(disclosureTransitions) as DisclosureAction[]).filter(
    (a) => a !== 'expire' && a !== 'escalate' && disclosureTransitions[a].from.includes(r.status),
  );
  return {
    ...r,
    statusLabel: disclosureStatusLabels[r.status],
    overdue: r.status === 'pending' && r.dueOn < today,
    actions,
  };
}

const publicKey = (r: { decidedOn: string; id: number }) => [r.decidedOn, r.id];
function afterKey(cursor: string | undefined): [string, number] | undefined {
  const k = decodeCursor(cursor);
  return k && typeof k[0] === 'string' && typeof k[1] === 'number' ? [k[0], k[1]] : undefined;
}

export function createDisclosureService(db: Db, deps: { now?: () => Date } = {}) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function loadWritable(actor: Actor, id: number) {
    const row = await repo.findDisclosure(db, id);
    const isOfficer = row ? await repo.isOfficerOf(db, row.caseId, actor.userId) : false;
    return assertWritable(actor, disclosureKind, row && { ...row, isOfficer }, disclosureReach);
  }

  return {
    today,

    async list(actor: Actor, q: z.infer<typeof ZDisclosureQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const now = today();
      const rows = await repo.listDisclosures(
        db,
        readable(actor, disclosureKind),
        { status: q.status, overdueOn: q.overdue ? now : undefined, beforeId, q: q.q },
        q.limit + 1,
      );
      return keysetPage(
        rows.map((r) => toDisclosure(r, now)),
        q.limit,
        (r) => [r.id],
      );
    },

    async get(actor: Actor, id: number) {
      const row = await repo.findDisclosure(db, id);
      const isOfficer = row ? await repo.isOfficerOf(db, row.caseId, actor.userId) : false;
      return toDisclosure(
        assertReadable(actor, disclosureKind, row && { ...row, isOfficer }, disclosureReach),
        today(),
      );
    },

    /** 公示: the summary goes on the portal today, for 3 years or 3 months. */
    async publish(actor: Actor, id: number, body: { version: number }) {
      const row = await loadWritable(actor, id);
      allowTransition(disclosureTransitions, 'publish', row.status, disclosureStatusLabels);
      const d = await repo.decisionOf(db, row.caseId);
      if (!d) throw notFound('案件');
      const settings = await caseSettingsWithin(db);
      const publishedOn = today();
      const dates = publicationDates(publishedOn, asDecision(d), settings);
      await db.transaction((tx) =>
        moveDisclosure(tx, actor, { ...row, version: body.version }, 'publish', {
          status: 'published',
          published_on: publishedOn,
          display_until: dates.displayUntil,
          earliest_removal_on: dates.earliestRemovalOn,
        }),
      );
      return this.get(actor, id);
    },

    /** 撤下: a decision changed or annulled outside the case workflow, or a publication made in error. */
    async withdraw(actor: Actor, id: number, body: z.infer<typeof ZDisclosureReasonBody>) {
      const row = await loadWritable(actor, id);
      allowTransition(disclosureTransitions, 'withdraw', row.status, disclosureStatusLabels, body);
      await db.transaction((tx) =>
        moveDisclosure(tx, actor, { ...row, version: body.version }, 'withdraw', {
          status: 'withdrawn',
          withdrawn_on: today(),
          reason: body.reason,
        }),
      );
      return this.get(actor, id);
    },

    /**
     * 提前停止公示 on the party's application (Order 45 Art. 16): never for the kinds listed there, not before the
     * shortest period (6 months; 1 year for food, drugs, special equipment), and not while the entity is on the
     * abnormal list or the serious list (the credit module answers that).
     */
    async remove(actor: Actor, id: number, body: z.infer<typeof ZDisclosureRemoveBody>) {
      const row = await loadWritable(actor, id);
      allowTransition(disclosureTransitions, 'remove', row.status, disclosureStatusLabels, body);
      const d = await repo.decisionOf(db, row.caseId);
      if (!d) throw notFound('案件');
      const now = today();
      const short = isShortDisplay(asDecision(d).penalties, await caseSettingsWithin(db));
      const refusal = earlyRemovalRefusal(row, now, short);
      if (refusal) {
        const path = !row.removable ? 'removable' : short ? 'displayUntil' : 'earliestRemovalOn';
        throw new AppError('VALIDATION', refusal, [{ path, message: refusal }]);
      }
      if (d.entityId !== null) {
        const lists = await creditListsOf(db, d.entityId);
        if (lists.abnormal || lists.serious) {
          const message = `当事人仍被列入${lists.serious ? '严重违法失信名单' : '经营异常名录'}，不得提前停止公示`;
          throw new AppError('VALIDATION', message, [{ path: 'entity', message }]);
        }
      }
      await db.transaction((tx) =>
        moveDisclosure(tx, actor, { ...row, version: body.version }, 'remove', {
          status: 'removed',
          removed_on: now,
          reason: body.reason,
        }),
      );
      return this.get(actor, id);
    },

    /** 典型案例: marked by staff who may write the case; the portal shows it while its decision is published. */
    async setTypical(actor: Actor, caseId: number, typical: boolean) {
      const c = await repo.caseForAccess(db, caseId, actor.userId);
      assertWritable(actor, caseKind, c, caseReach);
      await db.transaction(async (tx) => {
        await repo.setTypical(tx, caseId, typical);
        await appendAudit(tx, actor, {
          action: 'case.typical',
          targetType: 'case',
          targetId: caseId,
          detail: { from: c?.typical ?? false, to: typical },
        });
      });
      return { caseId, typical };
    },

    /** Daily: overdue pending disclosures escalated once; publications past their period stop. */
    async sweep(limit = 5000) {
      const now = today();
      let escalated = 0;
      let expired = 0;
      for (const r of await repo.overdueUnescalated(db, now, limit)) {
        const row = await repo.findDisclosure(db, r.id);
        if (!row) continue;
        await db
          .transaction(async (tx) => {
            await moveDisclosure(
              tx,
              null,
              row,
              'escalate',
              { escalated_at: new Date() },
              { dueOn: row.dueOn, today: now },
            );
            await notify(tx, {
              userIds: await repo.disclosureOwners(tx, row.caseId, row.stationId),
              kind: 'escalated',
              title: `行政处罚公示超期：${row.decisionNo}`,
              body: `${row.partyName}的处罚决定应于 ${row.dueOn} 前公示，已超期督办`,
              link: `/cases/${row.caseId}`,
              subjectType: 'case-disclosure',
              subjectId: row.id,
              dedupeKey: `escalated:case-disclosure:${row.id}`,
            });
          })
          .then(() => escalated++, ignoreStale);
      }
      for (const r of await repo.pastDisplay(db, now, limit)) {
        const row = await repo.findDisclosure(db, r.id);
        if (!row) continue;
        await db
          .transaction((tx) =>
            moveDisclosure(tx, null, row, 'expire', { status: 'expired' }, { displayUntil: row.displayUntil }),
          )
          .then(() => expired++, ignoreStale);
      }
      return { escalated, expired };
    },

    // ---- the portal

    async publicList(q: z.infer<typeof ZPublicPenaltyQuery>) {
      const rows = await repo.publicDisclosures(db, { q: q.q, no: q.no, after: afterKey(q.cursor) }, q.limit + 1);
      return keysetPage(rows, q.limit, publicKey);
    },

    /** The decisions shown now about one party (an entity's public profile), newest first; `more`: older ones. */
    async publicOfParty(partyUscc: string, limit: number) {
      const rows = await repo.publicDisclosures(db, { partyUscc }, limit + 1);
      return { items: rows.slice(0, limit), more: rows.length > limit };
    },

    async publicGet(id: number) {
      const row = await repo.publicDisclosure(db, id);
      if (!row) throw notFound('行政处罚公示信息');
      return row;
    },

    async publicTypical(q: { limit: number; cursor?: string }) {
      const rows = await repo.publicTypicalCases(db, { after: afterKey(q.cursor) }, q.limit + 1);
      return keysetPage(rows, q.limit, publicKey);
    },
  };
}

/** Another sweep (or a member of staff) moved the row first: nothing more to do for it. */
function ignoreStale(err: unknown) {
  if (!(err instanceof AppError && err.code === 'CONFLICT')) throw err;
}

export type DisclosureService = ReturnType<typeof createDisclosureService>;
