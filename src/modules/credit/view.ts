import {
  listingGroundLabels,
  type TBatch,
  type TEntityCredit,
  type TListing,
  type TRepair,
} from '../../contracts/credit.ts';
import { latestClosedReportYear, mustReport, REPORT_YEARS_COUNTED } from '../../domain/credit-rules.ts';
import { actionsFrom } from '../../domain/credit-workflow.ts';
import type { BatchRow } from './repos/batches.ts';
import type { ListingRow } from './repos/listings.ts';
import type { RepairRow } from './repos/repairs.ts';
import type { EntityBrief } from './repos/reports.ts';

/** Rows → contracts. The access columns (who proposed or registered it) stay on the server. */
export const toListing = (r: ListingRow): TListing => {
  const { proposedBy: _, ...rest } = r;
  return { ...rest, groundLabel: listingGroundLabels[r.ground] ?? r.ground };
};

export const toBatch = (r: BatchRow): TBatch => {
  const { proposedBy: _, ...rest } = r;
  return { ...rest, groundLabel: listingGroundLabels[r.ground] ?? r.ground, actions: actionsFrom('batch', r.status) };
};

export const toRepair = (r: RepairRow): TRepair => {
  const { stationId: _, createdBy: __, ...rest } = r;
  return { ...rest, actions: actionsFrom('repair', r.status) };
};

/** One entity's credit picture: class and why, history, listings, the annual reports due and filed, documents. */
export function toEntityCredit(
  today: string,
  entity: EntityBrief,
  parts: Omit<TEntityCredit, 'entity' | 'listings' | 'annualReports'> & {
    listings: ListingRow[];
    reports: { reportYear: number; filedOn: string }[];
  },
): TEntityCredit {
  const latest = latestClosedReportYear(today);
  const filed = new Map(parts.reports.map((r) => [r.reportYear, r.filedOn]));
  const years = [latest + 1, ...Array.from({ length: REPORT_YEARS_COUNTED + 1 }, (_, i) => latest - i)];
  return {
    entity: { id: entity.id, uscc: entity.uscc, name: entity.name, stationName: entity.stationName },
    current: parts.current ?? null,
    breakdown: parts.breakdown,
    history: parts.history,
    listings: parts.listings.map(toListing),
    annualReports: years
      .filter((y) => mustReport(entity.establishedOn, y) || filed.has(y))
      .map((y) => ({ reportYear: y, filedOn: filed.get(y) ?? null, due: y <= latest })),
    documents: parts.documents,
  };
}
