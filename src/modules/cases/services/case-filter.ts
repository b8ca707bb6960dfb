import type { TCaseExportQuery } from '../../../contracts/cases.ts';
import { escapeLike } from '../../../db/sql.ts';
import { bigramTsquery } from '../../../domain/bigrams.ts';
import type { Actor } from '../../../platform/actor.ts';
import type { CaseListFilter } from '../repos/case-list.ts';

/** The case list's query string as repo filters; the export applies exactly these. */
export function caseListFilter(actor: Actor, q: TCaseExportQuery, today: string): CaseListFilter {
  const text = q.q?.trim();
  return {
    statuses: q.stage
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    stationId: q.stationId,
    entityId: q.entityId,
    officerId: q.mine === 'true' ? actor.userId : undefined,
    overdueOn: q.overdue === 'true' ? today : undefined,
    filingOverdueOn: q.filingOverdue === 'true' ? today : undefined,
    exact: text || undefined,
    tsquery: text ? bigramTsquery(text) : null,
    like: text ? `%${escapeLike(text)}%` : undefined,
  };
}
