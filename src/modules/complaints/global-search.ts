import { complaintKinds } from '../../contracts/complaints.ts';
import type { Queryable } from '../../db/client.ts';
import { complaintStatusLabels } from '../../domain/complaint-workflow.ts';
import { readable } from '../../platform/access.ts';
import type { SearchProvider } from '../search/provider.ts';
import { complaintKind } from './access.ts';
import { complaintsByTrackingCode } from './repos/search.ts';

/**
 * 投诉举报 by its 查询码 only: the complainant's name and phone are not searchable and not shown (they are masked
 * for everyone, handlers included; the item's page reveals them on demand).
 */
export function complaintSearchProvider(db: Queryable): SearchProvider {
  return {
    group: 'complaints',
    permission: complaintKind.read,
    async search(actor, q) {
      if (!q.trackingCode) return [];
      const rows = await complaintsByTrackingCode(db, readable(actor, complaintKind), q.trackingCode);
      return rows.map((r) => ({
        id: r.id,
        title: r.trackingCode,
        subtitle: [complaintKinds[r.kind], complaintStatusLabels[r.status], r.businessName, r.stationName, r.receivedOn]
          .filter(Boolean)
          .join(' · '),
        link: `/complaints/${r.id}`,
        matched: 'trackingCode',
      }));
    },
  };
}
