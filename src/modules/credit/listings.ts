import type { z } from 'zod';
import {
  creditListLabels,
  listingGroundLabels,
  type TBatch,
  type TListing,
  type ZApproveBatchBody,
  type ZBatchQuery,
  type ZDiscardBody,
  type ZListingQuery,
  type ZProposeBody,
} from '../../contracts/credit.ts';
import type { Db } from '../../db/client.ts';
import { decodeCursor, keysetPage, Where } from '../../db/sql.ts';
import {
  ABNORMAL_LIST_YEARS,
  latestClosedReportYear,
  reportWindowClosed,
  yearsBefore,
} from '../../domain/credit-rules.ts';
import { actionsFrom } from '../../domain/credit-workflow.ts';
import { type Actor, canReachUnit, requirePermission, scopeWhere } from '../../platform/actor.ts';
import { AppError, forbidden, notFound, validation } from '../../platform/errors.ts';
import type { FileService } from '../files/service.ts';
import { findUnit } from '../org/repo.ts';
import { type CjkFont, renderDecisionPdf } from './documents.ts';
import * as repo from './listing-repo.ts';
import { queueRecompute } from './risk-repo.ts';
import { allow, recordTransition, stale } from './transition.ts';

export interface CreditDeps {
  today: () => string;
  files: Pick<FileService, 'store'>;
  font: () => CjkFont | undefined;
  /** Runs after a commit that queued entities, so the listed entity shows its new class at once. */
  afterQueue: () => Promise<unknown>;
}

export const toListing = (r: repo.ListingRow): TListing => {
  const { stationPath: _, ...rest } = r;
  return { ...rest, groundLabel: listingGroundLabels[r.ground] ?? r.ground };
};

const toBatch = (r: repo.BatchRow): TBatch => {
  const { ownerUnitPath: _, ...rest } = r;
  return { ...rest, groundLabel: listingGroundLabels[r.ground] ?? r.ground, actions: actionsFrom('batch', r.status) };
};

/** The stations a batch covers: one chosen station (in scope), or all the caller may see (null = every one). */
async function stationsFor(db: Db, actor: Actor, stationId: number | undefined): Promise<number[] | null> {
  if (stationId !== undefined) {
    const unit = await findUnit(db, stationId);
    if (unit?.kind !== 'station') throw validation('stationId', '请选择市场监管所');
    if (!canReachUnit(actor, unit.path)) throw forbidden('只能对本单位及下级的主体拟列入');
    return [stationId];
  }
  if (actor.dataScope === 'all') return null;
  if (actor.dataScope === 'self') throw forbidden('仅本人数据范围的账号不能批量拟列入');
  return actor.scopeUnitIds;
}

export function createListingService(db: Db, deps: CreditDeps) {
  async function batchInScope(actor: Actor, id: number) {
    const row = await repo.findBatch(db, id);
    if (!row || !canReachUnit(actor, row.ownerUnitPath)) throw notFound('拟列入批次');
    return row;
  }

  async function listingInScope(actor: Actor, id: number) {
    const row = await repo.findListing(db, id);
    if (!row || !canReachUnit(actor, row.stationPath)) throw notFound('名录记录');
    return row;
  }

  return {
    listingInScope,

    /** 拟列入: every qualifying entity in scope becomes a proposed listing in one batch for review. */
    async propose(actor: Actor, body: z.infer<typeof ZProposeBody>): Promise<TBatch> {
      requirePermission(actor, 'credit:write');
      const today = deps.today();
      const stationIds = await stationsFor(db, actor, body.stationId);
      const reportYear = body.list === 'abnormal' ? (body.reportYear ?? latestClosedReportYear(today)) : null;
      if (reportYear !== null && !reportWindowClosed(reportYear, today))
        throw validation('reportYear', `${reportYear} 年度报告的报送期限（次年6月30日）尚未届满，不能拟列入`);
      const t = allow('batch', null, 'propose');
      const id = await db.transaction(async (tx) => {
        const batchId = await repo.insertBatch(tx, {
          list: body.list,
          ground: body.list === 'abnormal' ? 'annualReportMissing' : 'abnormalOver3Years',
          reportYear,
          ownerUnitId: body.stationId ?? actor.unitId,
          proposedBy: actor.userId,
        });
        const n =
          reportYear !== null
            ? await repo.proposeMissingReports(tx, batchId, reportYear, stationIds)
            : await repo.proposeSerious(tx, batchId, yearsBefore(today, ABNORMAL_LIST_YEARS), stationIds);
        if (n === 0)
          throw new AppError('VALIDATION', `没有符合条件的主体可拟列入${creditListLabels[body.list]}`, [
            { path: 'list', message: '没有符合条件的主体' },
          ]);
        await repo.setBatchCount(tx, batchId, n);
        await repo.insertBatchListingEvents(tx, await repo.batchListingIds(tx, batchId), {
          action: 'propose',
          from: null,
          to: 'proposed',
          actorId: actor.userId,
        });
        await recordTransition(tx, actor, t, {
          id: batchId,
          entityId: null,
          data: { list: body.list, reportYear, count: n },
        });
        return batchId;
      });
      return toBatch((await repo.findBatch(db, id))!);
    },

    /** 审核通过: the decision lists every still-proposed entity of the batch, with one decision document. */
    async approve(actor: Actor, id: number, body: z.infer<typeof ZApproveBatchBody>): Promise<TBatch> {
      requirePermission(actor, 'credit:write');
      const batch = await batchInScope(actor, id);
      const t = allow('batch', batch.status, 'approve', body);
      if (body.decidedOn > deps.today()) throw validation('decidedOn', '决定日期不能晚于今天');
      const entities = await repo.batchEntities(db, id);
      if (entities.length === 0) throw new AppError('INVALID_STATE', '该批次已没有拟列入的主体');
      const listName = creditListLabels[batch.list];
      const pdf = await renderDecisionPdf(deps.font(), {
        title: `列入${listName}决定书`,
        decisionNo: body.decisionNo,
        authority: await repo.authorityName(db),
        decidedOn: body.decidedOn,
        addressee: `下列 ${entities.length} 户市场主体：`,
        paragraphs: [
          `经查，下列市场主体${listingGroundLabels[batch.ground] ?? batch.ground}${batch.reportYear ? `（${batch.reportYear}年度）` : ''}。`,
          body.reason,
          `依据《市场监督管理严重违法失信名单管理办法》《企业信息公示暂行条例》等规定，决定将其列入${listName}。`,
          '如不服本决定，可以自收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。',
        ],
        table: entities,
      });
      await db.transaction(async (tx) => {
        if (!(await repo.decideBatch(tx, id, body.version, { status: t.to, ...body, decidedBy: actor.userId })))
          throw stale();
        const moved = await repo.settleBatchListings(tx, id, 'listed', { listedOn: body.decidedOn, ...body });
        const ids = moved.map((m) => m.entityId);
        await repo.insertBatchListingEvents(
          tx,
          moved.map((m) => m.id),
          {
            action: 'list',
            from: 'proposed',
            to: 'listed',
            actorId: actor.userId,
          },
        );
        const file = await deps.files.store(
          tx,
          { filename: `${body.decisionNo}.pdf`, mimeType: 'application/pdf', pieces: [pdf], sizeBytes: pdf.length },
          { purpose: 'credit-document', ownerUnitId: batch.ownerUnitId, createdBy: actor.userId },
        );
        await repo.setBatchDocument(tx, id, file.id);
        await repo.insertDocument(tx, {
          kind: `${batch.list}Listing`,
          decisionNo: body.decisionNo,
          fileId: file.id,
          batchId: id,
        });
        await queueRecompute(tx, ids, `${batch.list}Listed`);
        await recordTransition(tx, actor, t, {
          id,
          entityId: null,
          note: body.reason,
          data: { decisionNo: body.decisionNo, count: ids.length },
        });
      });
      await deps.afterQueue();
      return toBatch((await repo.findBatch(db, id))!);
    },

    async discard(actor: Actor, id: number, body: z.infer<typeof ZDiscardBody>): Promise<TBatch> {
      requirePermission(actor, 'credit:write');
      const batch = await batchInScope(actor, id);
      const t = allow('batch', batch.status, 'discard', body);
      await db.transaction(async (tx) => {
        if (
          !(await repo.decideBatch(tx, id, body.version, {
            status: t.to,
            reason: body.reason,
            decidedBy: actor.userId,
          }))
        )
          throw stale();
        const moved = await repo.settleBatchListings(tx, id, 'discarded', { reason: body.reason });
        await repo.insertBatchListingEvents(
          tx,
          moved.map((m) => m.id),
          {
            action: 'discard',
            from: 'proposed',
            to: 'discarded',
            actorId: actor.userId,
          },
        );
        await recordTransition(tx, actor, t, { id, entityId: null, note: body.reason });
      });
      return toBatch((await repo.findBatch(db, id))!);
    },

    /** A reviewer takes one entity out of a proposed batch before approving the rest. */
    async discardListing(actor: Actor, id: number, body: z.infer<typeof ZDiscardBody>): Promise<TListing> {
      requirePermission(actor, 'credit:write');
      const row = await listingInScope(actor, id);
      const t = allow('listing', row.status, 'discard');
      await db.transaction(async (tx) => {
        if (!(await repo.updateListing(tx, id, body.version, row.status, { status: t.to, reason: body.reason })))
          throw stale();
        if (row.batchId) await repo.decrementBatchCount(tx, row.batchId);
        await recordTransition(tx, actor, t, { id, entityId: row.entityId, note: body.reason });
      });
      return toListing((await repo.findListing(db, id))!);
    },

    async getBatch(actor: Actor, id: number) {
      return toBatch(await batchInScope(actor, id));
    },

    async listBatches(actor: Actor, q: z.infer<typeof ZBatchQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const w = scopeWhere(actor, new Where(), { unit: 'b.owner_unit_id', owner: 'b.proposed_by' })
        .addIf(q.list, 'b.list = ?')
        .addIf(q.status, 'b.status = ?')
        .addIf(beforeId, 'b.id < ?');
      return keysetPage((await repo.listBatches(db, w, q.limit + 1)).map(toBatch), q.limit, (r) => [r.id]);
    },

    async listListings(actor: Actor, q: z.infer<typeof ZListingQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const w = scopeWhere(actor, new Where(), { unit: 'l.station_id' })
        .addIf(q.list, 'l.list = ?')
        .addIf(q.status, 'l.status = ?')
        .addIf(q.batchId, 'l.batch_id = ?')
        .addIf(q.entityId, 'l.entity_id = ?')
        .addIf(beforeId, 'l.id < ?');
      return keysetPage((await repo.listListings(db, w, q.limit + 1)).map(toListing), q.limit, (r) => [r.id]);
    },
  };
}

export type ListingService = ReturnType<typeof createListingService>;
