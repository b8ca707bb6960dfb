import type { Db, Queryable } from '../../../db/client.ts';
import type { ApprovalStep } from '../../../domain/case-workflow.ts';
import { canRead } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, conflict, forbidden, notFound, validation } from '../../../platform/errors.ts';
import { notify } from '../../notifications/published.ts';
import * as repo from '../repos/approvals.ts';

/**
 * 审批 engine: an approvable action (立案, 延期, 法制审核, 集体讨论, 决定, 结案, 分期) is requested with the role chain
 * of its step (settings.approvalChains[step]); one case_approvals row per role, approved in seq order. The last
 * approval runs the target's completion handler inside the approving transaction; a return ends the request.
 * Nobody approves a request on a case they are an officer of, nor one they made.
 */
export type ApprovalTarget = 'case' | 'lead';
export type ApprovalRequestRecord = repo.ApprovalRow;
export type ApprovalHandler = (tx: Queryable, actor: Actor, req: ApprovalRequestRecord) => Promise<void>;

export interface ApprovalRequestInput {
  caseId?: number;
  leadId?: number;
  step: ApprovalStep;
  action: string;
  payload: Record<string, unknown>;
  /** Role codes from settings.approvalChains[step], in order. */
  chain: string[];
  /** When the approvers should have answered (法制审核: 10 working days). */
  dueOn?: string | null;
}

/**
 * Opens a request inside the caller's transaction; for a case it sets cases.pending_action, so a second request
 * while one waits answers 409. Returns the request id.
 */
export async function requestApproval(tx: Queryable, actor: Actor, input: ApprovalRequestInput): Promise<number> {
  const caseId = input.caseId ?? null;
  const leadId = input.leadId ?? null;
  if ((caseId === null) === (leadId === null)) throw new Error('requestApproval: exactly one of caseId, leadId');
  if (!input.chain.length) throw validation('approvalChains', `审批环节 ${input.step} 未配置审批角色`);
  if (caseId !== null) {
    if (!(await repo.claimPendingAction(tx, caseId, input.action)))
      throw conflict('该案件已有待审批事项，请待审批完成后再提交');
  } else if ((await repo.lockLeadOpenRequests(tx, leadId as number)) > 0) {
    throw conflict('该线索已有待审批事项，请待审批完成后再提交');
  }
  const requestId = await repo.nextRequestId(tx);
  await repo.insertChain(tx, {
    caseId,
    leadId,
    requestId,
    step: input.step,
    action: input.action,
    payload: input.payload,
    chain: input.chain,
    requestedBy: actor.userId,
    dueOn: input.dueOn ?? null,
  });
  await appendAudit(tx, actor, {
    action: `case.approval.request`,
    targetType: caseId !== null ? 'case' : 'case-lead',
    targetId: caseId ?? (leadId as number),
    detail: { requestId, step: input.step, action: input.action, chain: input.chain },
  });
  await notifyApprovers(tx, {
    caseId,
    leadId,
    requestId,
    step: input.step,
    roleCode: input.chain[0]!,
    seq: 1,
    requestedBy: actor.userId,
  });
  return requestId;
}

const stepLabels: Record<ApprovalStep, string> = {
  leadExtension: '线索核查延期',
  filing: '立案',
  extension: '办案延期',
  legalReview: '法制审核',
  collective: '集体讨论',
  decision: '处罚决定',
  closing: '结案',
  instalment: '分期（延期）缴纳罚款',
};

const linkOf = (r: { caseId: number | null }) => (r.caseId !== null ? `/cases/${r.caseId}` : '/cases/leads');
const subjectOfRow = (r: { caseId: number | null; leadId: number | null }) =>
  r.caseId !== null
    ? { subjectType: 'case', subjectId: r.caseId }
    : { subjectType: 'case-lead', subjectId: r.leadId as number };

/** Tells the holders of the step's role who may answer it now that it is their turn (deduplicated per row). */
async function notifyApprovers(
  tx: Queryable,
  r: {
    caseId: number | null;
    leadId: number | null;
    requestId: number;
    step: ApprovalStep;
    roleCode: string;
    seq: number;
    requestedBy: number;
  },
) {
  const userIds = await repo.approversFor(tx, r);
  if (!userIds.length) return;
  const title = await repo.subjectTitle(tx, r);
  await notify(tx, {
    userIds,
    kind: 'approval-needed',
    title: `待审批：${stepLabels[r.step] ?? r.step}（${title}）`,
    link: '/cases/approvals',
    ...subjectOfRow(r),
    dedupeKey: `approval:${r.requestId}:${r.seq}`,
  });
}

/** Tells the requester how the request ended: returned (with the comment) or approved by the last role. */
async function notifyRequester(tx: Queryable, actor: Actor, row: repo.ApprovalRow, outcome: 'approved' | 'returned') {
  if (row.requestedBy === actor.userId) return;
  const title = await repo.subjectTitle(tx, row);
  const label = stepLabels[row.step] ?? row.step;
  await notify(tx, {
    userIds: [row.requestedBy],
    kind: outcome === 'returned' ? 'returned' : 'approval-decided',
    title: outcome === 'returned' ? `${label}审批被退回（${title}）` : `${label}审批已通过（${title}）`,
    body: outcome === 'returned' ? `${actor.displayName}：${row.comment ?? ''}` : undefined,
    link: linkOf(row),
    ...subjectOfRow(row),
  });
}

/** The chain's approvers must be able to read the subject (their data scope reaches its station). */
const reachOf = (s: repo.ApprovalSubject) => ({
  unitId: s.stationId,
  userIds: [s.createdBy, s.assignedTo],
  participant: false,
});

export function createApprovalEngine(db: Db) {
  const completions = new Map<ApprovalTarget, ApprovalHandler>();
  const returns = new Map<ApprovalTarget, ApprovalHandler>();
  const targetOf = (r: { caseId: number | null }): ApprovalTarget => (r.caseId !== null ? 'case' : 'lead');

  /** Checks that `actor` may decide `row` now; throws 403/404/409/422 otherwise. */
  async function checkApprover(tx: Queryable, actor: Actor, row: repo.ApprovalRow) {
    if (!actor.permissions.has('case:approve') && !actor.permissions.has('case:legal'))
      throw forbidden('缺少权限：case:approve');
    const subject = await repo.subjectOf(tx, row, actor.userId);
    if (!subject || !canRead(actor, reachOf(subject))) throw notFound('审批事项');
    if (row.outcome !== null) throw conflict('该审批事项已处理，请刷新后查看');
    const chain = await repo.requestRows(tx, row.requestId);
    if (chain.some((r) => r.seq < row.seq && r.outcome !== 'approved'))
      throw new AppError('INVALID_STATE', '尚未轮到本环节审批');
    if (!actor.roles.some((r) => r.code === row.roleCode))
      throw forbidden(`本环节须由角色“${row.roleCode}”审批，您不持有该角色`);
    if (subject.isOfficer) throw validation('outcome', '案件承办人不能审批本人承办的案件');
    if (row.requestedBy === actor.userId) throw validation('outcome', '不能审批本人提交的审批事项');
    return chain;
  }

  return {
    requestApproval,

    /** The target's handler, run in the approving transaction when the last role of a chain approves. */
    registerApprovalCompletion(target: ApprovalTarget, handler: ApprovalHandler) {
      completions.set(target, handler);
    },
    /** Optional: run when an approver returns a request (the request is over). */
    registerApprovalReturn(target: ApprovalTarget, handler: ApprovalHandler) {
      returns.set(target, handler);
    },

    /** One approver's answer on the row `id`; only one of two concurrent answers wins (409 for the other). */
    async decide(
      actor: Actor,
      id: number,
      body: { outcome: 'approved' | 'returned'; comment?: string | null },
    ): Promise<repo.ApprovalRow> {
      const comment = body.comment?.trim() || null;
      if (body.outcome === 'returned' && !comment) throw validation('comment', '退回时必须填写意见');
      await db.transaction(async (tx) => {
        const row = await repo.findApproval(tx, id);
        if (!row) throw notFound('审批事项');
        const chain = await checkApprover(tx, actor, row);
        if (!(await repo.decideRow(tx, id, { outcome: body.outcome, decidedBy: actor.userId, comment })))
          throw conflict('该审批事项已被他人处理，请刷新后查看');
        const last = chain.every((r) => r.seq <= row.seq);
        const target = targetOf(row);
        await appendAudit(tx, actor, {
          action: `case.approval.${body.outcome}`,
          targetType: target === 'case' ? 'case' : 'case-lead',
          targetId: row.caseId ?? (row.leadId as number),
          detail: { requestId: row.requestId, step: row.step, action: row.action, seq: row.seq, comment },
        });
        const settled = { ...row, outcome: body.outcome, decidedBy: actor.userId, comment };
        if (body.outcome === 'returned') {
          await repo.cancelRest(tx, row.requestId);
          if (row.caseId !== null) await repo.clearPendingAction(tx, row.caseId);
          await returns.get(target)?.(tx, actor, settled);
          await notifyRequester(tx, actor, settled, 'returned');
        } else if (!last) {
          const next = chain.find((r) => r.seq === row.seq + 1);
          if (next) await notifyApprovers(tx, { ...row, roleCode: next.roleCode, seq: next.seq });
        } else {
          if (row.caseId !== null) await repo.clearPendingAction(tx, row.caseId);
          const handler = completions.get(target);
          if (!handler) throw new Error(`no approval completion handler for ${target}`);
          await handler(tx, actor, settled);
          await notifyRequester(tx, actor, settled, 'approved');
        }
      });
      return (await repo.findApproval(db, id))!;
    },

    /** The caller's inbox: the rows waiting for one of their roles, in their data scope, not their own cases. */
    async inbox(actor: Actor, limit = 100) {
      const roleCodes = actor.roles.map((r) => r.code);
      const unitIds = actor.dataScope === 'all' ? null : actor.dataScope === 'unit_and_below' ? actor.scopeUnitIds : [];
      return repo.pendingFor(db, { roleCodes, unitIds, userId: actor.userId, limit });
    },

    ofCase: (q: Queryable, caseId: number) => repo.approvalsOfCase(q, caseId),
    ofLead: (q: Queryable, leadId: number) => repo.approvalsOfLead(q, leadId),
  };
}

export type ApprovalEngine = ReturnType<typeof createApprovalEngine>;
