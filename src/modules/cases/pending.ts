import type { Db } from '../../db/client.ts';
import { hasPendingIn } from '../../platform/access.ts';
import type { PendingItem, PendingItemsProvider } from '../inbox/provider.ts';
import { caseKind } from './access.ts';
import {
  type CaseStep,
  countPendingCaseSteps,
  openCasesPerOfficer,
  pendingCaseSteps,
  verifyingLeadsPerAssignee,
} from './repos/pending.ts';
import type { ApprovalEngine } from './services/approvals.ts';

const steps: CaseStep[] = ['leadVerification', 'decision', 'measure', 'disclosure'];

const linkOf = (step: CaseStep, row: { caseId: number | null }) =>
  step === 'leadVerification' || row.caseId === null ? '/cases/leads' : `/cases/${row.caseId}`;

/**
 * 执法办案 in the work inbox: the clocks of leads under verification (核查), of filed cases before the decision
 * (paused clocks wait), of 先行登记保存 / 查封扣押 measures and of 行政处罚公示 due, in the caller's reach; and the
 * approvals whose turn is the caller's (the approval engine's own inbox: by role, scope, never one's own case).
 * The clocks show to those who work cases or watch the district; a reviewer or approver alone sees their approvals.
 */
export function casePendingItems(db: Db, approvals: Pick<ApprovalEngine, 'inbox'>): PendingItemsProvider {
  return {
    module: 'cases',
    appliesTo: (actor) => actor.permissions.has('case:read'),
    async pending(actor, w) {
      const counted = { today: w.today, weekEnd: w.weekEnd, cap: w.countCap };
      const clocks = hasPendingIn(actor, caseKind) ? steps : [];
      const [lists, counts, waiting] = await Promise.all([
        Promise.all(clocks.map((step) => pendingCaseSteps(db, actor, step, w))),
        Promise.all(clocks.map((step) => countPendingCaseSteps(db, actor, step, counted))),
        approvals.inbox(actor, w.countCap),
      ]);
      const items: PendingItem[] = clocks.flatMap((step, i) =>
        lists[i]!.map((r) => ({
          module: 'cases',
          kind: step === 'measure' ? `measure.${r.detail}` : step,
          id: r.id,
          title: step === 'measure' || !r.detail ? r.title : `${r.detail} ${r.title}`,
          dueOn: r.dueOn,
          isApproval: false,
          link: linkOf(step, r),
          unitName: r.stationName,
        })),
      );
      const approvalItems: PendingItem[] = waiting
        .map((a) => ({
          module: 'cases',
          kind: `approval.${a.step}`,
          id: a.id,
          title: a.caseNo ? `${a.caseNo} ${a.title}` : a.title,
          dueOn: a.dueOn,
          isApproval: true,
          link: '/cases/approvals',
        }))
        .sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || a.id - b.id)
        .slice(0, w.limit);
      const sum = (g: 'overdue' | 'dueToday' | 'dueWeek') => counts.reduce((n, c) => n + c[g], 0);
      return {
        items: [...items, ...approvalItems],
        counts: {
          overdue: sum('overdue'),
          dueToday: sum('dueToday'),
          dueWeek: sum('dueWeek'),
          approvals: waiting.length,
        },
      };
    },
    async workload(actor, limit) {
      const [cases, leads] = await Promise.all([
        openCasesPerOfficer(db, actor, limit),
        verifyingLeadsPerAssignee(db, actor, limit),
      ]);
      return [...cases, ...leads];
    },
  };
}
