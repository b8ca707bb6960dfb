import type { Queryable } from '../../../db/client.ts';
import { dueWindows, windowCounts } from '../../../db/due-windows.ts';
import { Where } from '../../../db/sql.ts';
import { openCaseStatuses } from '../../../domain/case-workflow.ts';
import { type ResourceKind, readableWhere } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { caseKind, disclosureKind, leadKind } from '../access.ts';

/** The case module's steps with a due date that the work inbox lists. */
export type CaseStep = 'leadVerification' | 'decision' | 'measure' | 'disclosure';

export interface PendingCaseRow {
  /** The row of the step (lead, case, measure or disclosure). */
  id: number;
  caseId: number | null;
  title: string;
  detail: string | null;
  stationName: string;
  dueOn: string;
}

interface Source {
  kind: ResourceKind;
  /** FROM and joins; org_units s is the owning station. */
  from: string;
  filter: string;
  params?: unknown[];
  due: string;
  id: string;
  caseId: string;
  title: string;
  detail: string;
}

/** Each source is one index range per window: case_leads_status_idx, cases_open_status_due_idx, case_measures_open_idx, case_disclosures_due_idx. */
const sources: Record<CaseStep, Source> = {
  leadVerification: {
    kind: leadKind,
    from: 'case_leads l JOIN org_units s ON s.id = l.station_id',
    filter: `l.status = 'verifying'
      AND NOT EXISTS (SELECT 1 FROM case_clock_pauses p WHERE p.lead_id = l.id AND p.ended_on IS NULL)`,
    due: 'l.verify_due_on',
    id: 'l.id',
    caseId: 'NULL::bigint',
    title: 'l.summary',
    detail: 'NULL::text',
  },
  decision: {
    kind: caseKind,
    from: 'cases c JOIN org_units s ON s.id = c.station_id',
    filter: `c.decided_on IS NULL AND c.status = ANY(?::text[])
      AND NOT EXISTS (SELECT 1 FROM case_clock_pauses p WHERE p.case_id = c.id AND p.ended_on IS NULL)`,
    params: [[...openCaseStatuses]],
    due: 'c.decision_due_on',
    id: 'c.id',
    caseId: 'c.id',
    title: 'c.title',
    detail: 'c.case_no',
  },
  measure: {
    kind: caseKind,
    from: 'case_measures m JOIN cases c ON c.id = m.case_id JOIN org_units s ON s.id = c.station_id',
    filter: 'm.ended_on IS NULL',
    due: 'm.due_on',
    id: 'm.id',
    caseId: 'c.id',
    title: 'c.title',
    detail: 'm.kind',
  },
  disclosure: {
    kind: disclosureKind,
    from: 'case_disclosures d JOIN org_units s ON s.id = d.station_id',
    filter: `d.status = 'pending'`,
    due: 'd.due_on',
    id: 'd.id',
    caseId: 'd.case_id',
    title: 'd.party_name',
    detail: 'd.decision_no',
  },
};

function sourceWhere(actor: Actor, src: Source): Where {
  return readableWhere(actor, src.kind, new Where())
    .add(src.filter, ...(src.params ?? []))
    .add(`${src.due} BETWEEN win.lo AND win.hi`);
}

/** Per window (overdue, today, this week): the first `limit` rows of one step in the caller's reach, oldest due first. */
export async function pendingCaseSteps(
  db: Queryable,
  actor: Actor,
  step: CaseStep,
  p: { today: string; weekEnd: string; limit: number },
): Promise<PendingCaseRow[]> {
  const src = sources[step];
  const w = sourceWhere(actor, src);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const lim = w.param(p.limit);
  return db.query<PendingCaseRow>(
    `SELECT x.* FROM ${windows} CROSS JOIN LATERAL (
       SELECT ${src.id} AS id, ${src.caseId} AS "caseId", ${src.title} AS title, ${src.detail} AS detail,
              s.name AS "stationName", ${src.due} AS "dueOn"
         FROM ${src.from} ${w} ORDER BY ${src.due}, ${src.id} LIMIT ${lim}) x`,
    w.params,
  );
}

/** Per window, the rows of one step in the caller's reach, each counted up to `cap`. */
export async function countPendingCaseSteps(
  db: Queryable,
  actor: Actor,
  step: CaseStep,
  p: { today: string; weekEnd: string; cap: number },
) {
  const src = sources[step];
  const w = sourceWhere(actor, src);
  const windows = dueWindows(w, p.today, p.weekEnd);
  const cap = w.param(p.cap);
  const rows = await db.query<{ grp: string; n: number }>(
    `SELECT win.grp, (SELECT count(*) FROM (SELECT 1 FROM ${src.from} ${w} LIMIT ${cap}) y)::int AS n FROM ${windows}`,
    w.params,
  );
  return windowCounts(rows);
}

type PersonCount = { userId: number; name: string; open: number };

/** Cases not closed per officer (承办人) in the caller's reach; cases_open_due_idx holds the open ones. */
export async function openCasesPerOfficer(db: Queryable, actor: Actor, limit: number): Promise<PersonCount[]> {
  const w = readableWhere(actor, caseKind, new Where()).add('c.closed_on IS NULL');
  const lim = w.param(limit);
  return db.query<PersonCount>(
    `SELECT co.user_id AS "userId", u.display_name AS name, count(*)::int AS open
       FROM cases c JOIN case_officers co ON co.case_id = c.id JOIN users u ON u.id = co.user_id
      ${w} GROUP BY co.user_id, u.display_name ORDER BY open DESC, co.user_id LIMIT ${lim}`,
    w.params,
  );
}

/** Leads under verification per assignee in the caller's reach (case_leads_status_idx). */
export async function verifyingLeadsPerAssignee(db: Queryable, actor: Actor, limit: number): Promise<PersonCount[]> {
  const w = readableWhere(actor, leadKind, new Where()).add(`l.status = 'verifying'`).add('l.assigned_to IS NOT NULL');
  const lim = w.param(limit);
  return db.query<PersonCount>(
    `SELECT l.assigned_to AS "userId", u.display_name AS name, count(*)::int AS open
       FROM case_leads l JOIN users u ON u.id = l.assigned_to
      ${w} GROUP BY l.assigned_to, u.display_name ORDER BY open DESC, l.assigned_to LIMIT ${lim}`,
    w.params,
  );
}
