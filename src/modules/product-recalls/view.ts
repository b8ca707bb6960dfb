import type { TAlertMatch, TRecall } from '../../contracts/product-recalls.ts';
import type { AlertMatchStatus, RecallStatus } from '../../domain/product-recall-workflow.ts';
import type { MatchRow } from './repos/alerts.ts';
import type { RecallRow } from './repos/recalls.ts';

export const toRecall = (r: RecallRow): TRecall => ({
  id: r.id,
  entityId: r.entityId,
  entityName: r.entityName,
  uscc: r.uscc,
  stationId: r.stationId,
  stationName: r.stationName,
  productName: r.productName,
  batches: r.batches,
  defect: r.defect,
  quantity: r.quantity,
  recovered: r.recovered,
  plan: r.plan,
  planFiledOn: r.planFiledOn,
  status: r.status as RecallStatus,
  completedOn: r.completedOn,
  completionNote: r.completionNote,
  publishedOn: r.publishedOn,
  version: r.version,
});

export const toPublicRecall = (r: RecallRow) => ({
  id: r.id,
  entityName: r.entityName,
  productName: r.productName,
  batches: r.batches,
  defect: r.defect,
  quantity: r.quantity,
  recovered: r.recovered,
  status: r.status as RecallStatus,
  publishedOn: r.publishedOn ?? '',
});

export const toMatch = (m: MatchRow): TAlertMatch => {
  const { decidedBy: _, ...rest } = m;
  return { ...rest, status: m.status as AlertMatchStatus };
};
