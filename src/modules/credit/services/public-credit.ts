import { listingGroundLabels } from '../../../contracts/credit.ts';
import {
  annualReportStatusLabels,
  creditListLabels,
  type TPublicAnnualReport,
  type TPublicCreditListing,
} from '../../../contracts/entity-profile.ts';
import type { Db } from '../../../db/client.ts';
import { latestClosedReportYear, mustReport } from '../../../domain/credit-rules.ts';
import { maskPersonalTextOrNull } from '../../../domain/personal-text.ts';
import { authorityName } from '../repos/events.ts';
import { publicListingsOfEntity } from '../repos/listings.ts';
import { earliestReportYear, reportsOf } from '../repos/reports.ts';

/** Closed report years the public profile shows (the 公示系统 lists each year's report). */
export const PUBLIC_REPORT_YEARS = 5;
/** Listings shown on one profile; an entity with more is rare (one per ground and year). */
const PUBLIC_LISTINGS = 50;

/**
 * Annual-report status per year: filed (已公示), not filed once the window (to 30 June of the next year) has
 * closed, or open while it runs. A year is claimed "not filed" only where the registry could know: the entity
 * existed at the year's end, is still in business (a deregistered or revoked one owes nothing after it ceased, on a
 * date not known here), and the year is not before the first year the registry holds filings for (older years were
 * never loaded, not missed). Filed years always show.
 */
export function publicAnnualReports(
  today: string,
  entity: { establishedOn: string; status: string },
  filed: { reportYear: number; filedOn: string }[],
  earliestOnFile: number | null,
): TPublicAnnualReport[] {
  const latest = latestClosedReportYear(today);
  const filedOn = new Map(filed.map((r) => [r.reportYear, r.filedOn]));
  const inBusiness = entity.status === 'active' || entity.status === 'suspended';
  const owes = (y: number) =>
    inBusiness && earliestOnFile !== null && y >= earliestOnFile && mustReport(entity.establishedOn, y);
  const row = (reportYear: number, status: TPublicAnnualReport['status']): TPublicAnnualReport => ({
    reportYear,
    status,
    statusLabel: annualReportStatusLabels[status],
    filedOn: filedOn.get(reportYear) ?? null,
  });
  const out: TPublicAnnualReport[] = [];
  // The year after the latest closed one: its window is open once that year has ended.
  const open = latest + 1;
  if (filedOn.has(open)) out.push(row(open, 'filed'));
  else if (today > `${open}-12-31` && owes(open)) out.push(row(open, 'open'));
  for (let y = latest; y > latest - PUBLIC_REPORT_YEARS; y--) {
    if (filedOn.has(y)) out.push(row(y, 'filed'));
    else if (owes(y)) out.push(row(y, 'notFiled'));
  }
  return out;
}

/**
 * One entity's credit facts for the public profile: annual-report status and the 经营异常名录 / 严重违法失信名单
 * entries the listing kind's public rule lets out (in force or removed, never a proposal).
 */
export async function publicCredit(
  db: Db,
  today: string,
  entity: { id: number; establishedOn: string; status: string },
): Promise<{ annualReports: TPublicAnnualReport[]; listings: TPublicCreditListing[] }> {
  const [reports, earliest, listings, authority] = await Promise.all([
    reportsOf(db, entity.id),
    earliestReportYear(db),
    publicListingsOfEntity(db, entity.id, PUBLIC_LISTINGS),
    authorityName(db),
  ]);
  return {
    annualReports: publicAnnualReports(today, entity, reports, earliest),
    listings: listings.map((l) => ({
      ...l,
      listLabel: creditListLabels[l.list],
      groundLabel: listingGroundLabels[l.ground] ?? l.ground,
      reason: maskPersonalTextOrNull(l.reason),
      removalReason: maskPersonalTextOrNull(l.removalReason),
      authority,
    })),
  };
}
