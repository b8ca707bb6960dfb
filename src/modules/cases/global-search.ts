import type { TSearchHit } from '../../contracts/search.ts';
import type { Queryable } from '../../db/client.ts';
import { caseStatusLabels } from '../../domain/case-workflow.ts';
import { readable } from '../../platform/access.ts';
import type { SearchProvider } from '../search/provider.ts';
import { caseKind } from './access.ts';
import { type CaseHitRow, casesByNumber, casesByParty, casesByPartyUscc } from './repos/search.ts';

const toHit =
  (matched: string) =>
  (r: CaseHitRow): TSearchHit => ({
    id: r.id,
    title: r.title,
    subtitle: [
      r.caseNo,
      matched === 'caseNo' && r.decisionNo ? r.decisionNo : null,
      r.partyName,
      caseStatusLabels[r.status as keyof typeof caseStatusLabels] ?? r.status,
      r.stationName,
    ]
      .filter(Boolean)
      .join(' · '),
    link: `/cases/${r.id}`,
    matched,
  });

/** 行政处罚案件: by 立案号 or 决定书文号 (whole or its 〔year〕number tail), by the party's USCC, by the
 * party's name. */
export function caseSearchProvider(db: Queryable): SearchProvider {
  return {
    group: 'cases',
    permission: caseKind.read,
    async search(actor, q, limit) {
      if (q.caseNo) return (await casesByNumber(db, readable(actor, caseKind), q.caseNo, limit)).map(toHit('caseNo'));
      if (q.uscc) return (await casesByPartyUscc(db, readable(actor, caseKind), q.uscc, limit)).map(toHit('uscc'));
      if (q.fragment) return (await casesByParty(db, readable(actor, caseKind), q.fragment, limit)).map(toHit('party'));
      return [];
    },
  };
}
