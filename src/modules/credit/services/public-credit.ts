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
import { reportsOf } from '../repos/reports.ts';

/** Closed report years the public profile shows (the 公示系统 lists each year's report). */
export const PUBLIC_REPORT_YEARS = 5;
/** Listings shown on one profile; an entity with more is rare (one per ground and year). */
const PUBLIC_LISTINGS = 50;

/**
 * Annual-report status per year: filed (已公示), not filed once the window (to 30 June of the next year) has
 * closed, or open while it runs. Years before the entity existed at a year's end are not listed.
 */
export function publicAnnualReports(
  today: string,
  establishedOn: string,
  filed: { reportYear: number; filedOn: string }[],
): TPublicAnnualReport[] {
  const latest = latestClosedReportYear(today);
  const filedOn = new Map(filed.map((r) => [r.reportYear, r.filedOn]));
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
  else if (today > `${open}-12-31` && mustReport(establishedOn, open)) out.push(row(open, 'open'));
  for (let y = latest; y > latest - PUBLIC_REPORT_YEARS; y--) {
    if (filedOn.has(y)) out.push(row(y, 'filed'));
    else if (mustReport(establishedOn, y)) out.push(row(y, 'notFiled'));
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
  entity: { id: number; establishedOn: string },
): Promise<{ annualReports: TPublicAnnualReport[]; listings: TPublicCreditListing[] }> {
  const [reports, listings, authority] = await Promise.all([
    reportsOf(db, entity.id),
    publicListingsOfEntity(db, entity.id, PUBLIC_LISTINGS),
    authorityName(db),
  ]);
  return {
    annualReports: publicAnnualReports(today, entity.establishedOn, reports),
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
