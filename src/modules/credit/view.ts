import type { TEntityCredit } from '../../contracts/credit.ts';
import type { Db } from '../../db/client.ts';
import { Where } from '../../db/sql.ts';
import { latestClosedReportYear, mustReport, REPORT_YEARS_COUNTED } from '../../domain/credit-rules.ts';
import { type Actor, canReachUnit } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import * as listingRepo from './listing-repo.ts';
import { toListing } from './listings.ts';
import * as reportRepo from './report-repo.ts';
import type { RiskService } from './risk.ts';
import * as riskRepo from './risk-repo.ts';

/** One entity's credit picture: class and why, history, listings, annual reports, documents. */
export async function entityCredit(
  db: Db,
  risk: Pick<RiskService, 'breakdown'>,
  today: string,
  actor: Actor,
  entityId: number,
): Promise<TEntityCredit> {
  const [entity] = await reportRepo.entitiesFor(db, [entityId], []);
  if (!entity || !canReachUnit(actor, entity.stationPath)) throw notFound('市场主体');
  const [current, breakdown, history, listings, reports, documents] = await Promise.all([
    riskRepo.currentClass(db, entityId),
    risk.breakdown(entityId),
    riskRepo.classHistory(db, entityId),
    listingRepo.listListings(db, new Where().add('l.entity_id = ?', entityId), 50),
    reportRepo.reportsOf(db, entityId),
    listingRepo.documentsOfEntity(db, entityId),
  ]);
  const latest = latestClosedReportYear(today);
  const filed = new Map(reports.map((r) => [r.reportYear, r.filedOn]));
  const years = [latest + 1, ...Array.from({ length: REPORT_YEARS_COUNTED + 1 }, (_, i) => latest - i)];
  return {
    entity: { id: entity.id, uscc: entity.uscc, name: entity.name, stationName: entity.stationName },
    current: current ?? null,
    breakdown,
    history,
    listings: listings.map(toListing),
    annualReports: years
      .filter((y) => mustReport(entity.establishedOn, y) || filed.has(y))
      .map((y) => ({ reportYear: y, filedOn: filed.get(y) ?? null, due: y <= latest })),
    documents,
  };
}
