import type { TComplaintDetail, TComplaintSummary } from '../../contracts/complaints.ts';
import { type ComplaintRuleSet, complaintRuleSets } from '../../domain/complaint-rules.ts';
import {
  checkComplaintTransition,
  complaintStatusLabels,
  complaintTransitions,
} from '../../domain/complaint-workflow.ts';
import { maskPhone } from '../../domain/id-card.ts';
import { maskPersonalText, maskPersonalTextOrNull } from '../../domain/personal-text.ts';
import type { Actor } from '../../platform/actor.ts';
import type * as repo from './repos/complaints.ts';
import type { Open311Row } from './repos/open311.ts';
import type { DeadlineRow } from './repos/timeline.ts';
import { canRevealIdentity } from './services/identity.ts';

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
  return {
    ...row,
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
  deadlines: DeadlineRow[],
  events: TComplaintDetail['events'],
  today: string,
): Omit<TComplaintDetail, 'attachments'> {
  const set = ruleSetByCode(row.ruleSetCode);
  const { ruleSetCode: _, createdBy: __, ...rest } = row;
  const allowedActions = actor.permissions.has('complaint:write')
    ? (Object.keys(complaintTransitions) as (keyof typeof complaintTransitions)[]).filter(
        (a) => checkComplaintTransition(row.kind, row.status, a).ok,
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

/** An Open311 service request; free text leaves through maskPersonalText (it may hold a phone or an ID number). */
export function toOpen311Request(r: Open311Row) {
  return {
    service_request_id: r.trackingCode,
    status: r.status === 'closed' ? 'closed' : 'open',
    status_notes: complaintStatusLabels[r.status],
    service_name: r.categoryName ?? r.kind,
    service_code: r.categoryCode ?? r.kind,
    description: maskPersonalText(r.description),
    agency_responsible: r.stationName,
    service_notice: '依据《市场监督管理投诉举报处理办法》办理，期限按工作日计算',
    requested_datetime: r.receivedAt,
    updated_datetime: r.updatedAt,
    // Due at the end of the deadline day in China Standard Time.
    expected_datetime: r.nextDueOn ? `${r.nextDueOn}T23:59:59+08:00` : null,
    address: maskPersonalTextOrNull(r.businessAddress),
  };
}
