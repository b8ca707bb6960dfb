import type { TComplaintDetail, TComplaintSummary } from '../../contracts/complaints.ts';
import { type ComplaintRuleSet, complaintRuleSets } from '../../domain/complaint-rules.ts';
import { checkTransition, complaintStatusLabels, complaintTransitions } from '../../domain/complaint-workflow.ts';
import { maskPhone } from '../../domain/id-card.ts';
import type { Actor } from '../../platform/actor.ts';
import { canRevealIdentity } from './identity.ts';
import type * as repo from './repo.ts';

export const clockLabels: Record<keyof ComplaintRuleSet['clocks'], string> = {
  acceptance: '受理决定',
  mediation: '调解期限',
  terminationNotice: '终止调解告知',
  reportVerification: '举报核查与立案决定',
  reportVerificationExtension: '延长核查',
  reporterNotice: '告知举报人',
  inquiryAnswer: '咨询答复',
};

const maskName = (name: string) => (name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`);

/** Identity is masked for everyone, handlers included; the full form is revealed on demand (identity.ts). */
export function toSummary(row: repo.ComplaintRow, today: string): TComplaintSummary {
  const { stationPath: _, ...rest } = row;
  return {
    ...rest,
    statusLabel: complaintStatusLabels[row.status],
    personName: maskName(row.personName),
    personPhone: maskPhone(row.personPhone),
    overdue: row.nextDueOn !== null && row.nextDueOn < today,
  };
}

export function ruleSetByCode(code: string): ComplaintRuleSet {
  const set = complaintRuleSets.find((s) => s.code === code);
  if (!set) throw new Error(`unknown rule set ${code}`);
  return set;
}

export function toDetail(
  actor: Actor,
  row: repo.ComplaintRecord,
  deadlines: repo.DeadlineRow[],
  events: TComplaintDetail['events'],
  today: string,
): Omit<TComplaintDetail, 'attachments'> {
  const set = ruleSetByCode(row.ruleSetCode);
  const { stationPath: _, ruleSetCode: __, createdBy: ___, ...rest } = row;
  const allowedActions = actor.permissions.has('complaint:write')
    ? (Object.keys(complaintTransitions) as (keyof typeof complaintTransitions)[]).filter(
        (a) => checkTransition(row.kind, row.status, a).ok,
      )
    : [];
  return {
    ...rest,
    ...toSummary(row, today),
    ruleSet: { code: set.code, name: set.name, citation: set.citation },
    canRevealIdentity: canRevealIdentity(actor, row),
    deadlines: deadlines.map((d) => ({
      ...d,
      label: clockLabels[d.step as keyof typeof clockLabels] ?? d.step,
      overdue: d.metAt === null && d.dueOn < today,
    })),
    events,
    allowedActions,
  };
}
