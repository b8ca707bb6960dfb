import type { TComplaintDetail, TComplaintSummary } from '../../contracts/complaints.ts';
import { type ComplaintRuleSet, complaintRuleSets } from '../../domain/complaint-rules.ts';
import { checkTransition, complaintStatusLabels, complaintTransitions } from '../../domain/complaint-workflow.ts';
import { maskPhone } from '../../domain/id-card.ts';
import { type Actor, canReachUnit } from '../../server/actor.ts';
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

/** Identity and contacts are for handlers of the owning unit only; everyone else sees them masked. */
export function canSeePerson(actor: Actor, row: Pick<repo.ComplaintRow, 'stationPath'>): boolean {
  return actor.permissions.has('complaint:write') && canReachUnit(actor, row.stationPath);
}

const maskName = (name: string) => (name.length <= 1 ? '*' : `${name[0]}${'*'.repeat(Math.min(name.length - 1, 2))}`);

export function toSummary(actor: Actor, row: repo.ComplaintRow, today: string): TComplaintSummary {
  const visible = canSeePerson(actor, row);
  const { stationPath: _, ...rest } = row;
  return {
    ...rest,
    statusLabel: complaintStatusLabels[row.status],
    personName: visible ? row.personName : maskName(row.personName),
    personPhone: visible ? row.personPhone : maskPhone(row.personPhone),
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
  const visible = canSeePerson(actor, row);
  const set = ruleSetByCode(row.ruleSetCode);
  const { stationPath: _, ruleSetCode: __, createdBy: ___, ...rest } = row;
  const allowedActions = actor.permissions.has('complaint:write')
    ? (Object.keys(complaintTransitions) as (keyof typeof complaintTransitions)[]).filter(
        (a) => checkTransition(row.kind, row.status, a).ok,
      )
    : [];
  return {
    ...rest,
    ...toSummary(actor, row, today),
    ruleSet: { code: set.code, name: set.name, citation: set.citation },
    personIdMasked: visible ? row.personIdMasked : null,
    personVisible: visible,
    deadlines: deadlines.map((d) => ({
      ...d,
      label: clockLabels[d.step as keyof typeof clockLabels] ?? d.step,
      overdue: d.metAt === null && d.dueOn < today,
    })),
    events,
    allowedActions,
  };
}
