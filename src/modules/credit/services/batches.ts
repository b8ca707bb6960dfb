import type { z } from 'zod';
import {
  creditListLabels,
  listingGroundLabels,
  type TBatch,
  type ZApproveBatchBody,
  type ZBatchQuery,
  type ZDiscardBody,
  type ZProposeBody,
} from '../../../contracts/credit.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  ABNORMAL_LIST_YEARS,
  latestClosedReportYear,
  reportWindowClosed,
  yearsBefore,
} from '../../../domain/credit-rules.ts';
import { batchStatusLabels, batchTransitions, listingTransitions } from '../../../domain/credit-workflow.ts';
import { assertPlaceable, assertReadable, assertWritable, readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import { entityResource } from '../../entities/access.ts';
import { findUnit } from '../../org/published.ts';
import { batchKind, batchReach, listingKind } from '../access.ts';
import * as repo from '../repos/batches.ts';
import { authorityName, insertBatchListingEvents, insertDocument } from '../repos/events.ts';
import { queueRecompute } from '../repos/risk.ts';
import { toBatch } from '../view.ts';
import type { CreditDeps } from './deps.ts';
import { renderDecisionPdf } from './documents.ts';
import { allowCredit, recordCreditTransition } from './transitions.ts';

/** 拟列入批次: proposal of every qualifying entity in reach, one decision (with its document) for the batch. */
export function createBatchService(db: Db, deps: CreditDeps) {
  async function readableBatch(actor: Actor, id: number) {
    return assertReadable(actor, batchKind, await repo.findBatch(db, id), batchReach);
  }
  async function writable(actor: Actor, id: number) {
    return assertWritable(actor, batchKind, await repo.findBatch(db, id), batchReach);
  }

  /** The batch's unit: the chosen station (the caller must be able to place a batch there) or the caller's own. */
  async function ownerUnit(actor: Actor, stationId: number | undefined): Promise<number> {
    if (stationId !== undefined) {
      const unit = await findUnit(db, stationId);
      if (unit?.kind !== 'station') throw validation('stationId', '请选择市场监管所');
    }
    const unitId = stationId ?? actor.unitId;
    assertPlaceable(actor, batchKind, unitId);
    return unitId;
  }

  return {
    /**
     * 拟列入: every qualifying entity the caller may read (in the chosen station, if one) becomes a proposed
     * listing; a serious-list batch takes the caller's readable abnormal listings past three years.
     */
    async propose(actor: Actor, body: z.infer<typeof ZProposeBody>): Promise<TBatch> {
      const ownerUnitId = await ownerUnit(actor, body.stationId);
      const today = deps.today();
      const reportYear = body.list === 'abnormal' ? (body.reportYear ?? latestClosedReportYear(today)) : null;
      if (reportYear !== null && !reportWindowClosed(reportYear, today))
        throw validation('reportYear', `${reportYear} 年度报告的报送期限（次年6月30日）尚未届满，不能拟列入`);
      const t = allowCredit(batchTransitions, 'propose', null, batchStatusLabels);
      const id = await db.transaction(async (tx) => {
        const batchId = await repo.insertBatch(tx, {
          list: body.list,
          ground: body.list === 'abnormal' ? 'annualReportMissing' : 'abnormalOver3Years',
          reportYear,
          ownerUnitId,
          proposedBy: actor.userId,
        });
        const n =
          reportYear !== null
            ? await repo.proposeMissingReports(tx, batchId, reportYear, readable(actor, entityResource), body.stationId)
            : await repo.proposeSerious(
                tx,
                batchId,
                yearsBefore(today, ABNORMAL_LIST_YEARS),
                readable(actor, listingKind),
                body.stationId,
              );
        if (n === 0)
          throw new AppError('VALIDATION', `没有符合条件的主体可拟列入${creditListLabels[body.list]}`, [
            { path: 'list', message: '没有符合条件的主体' },
          ]);
        await repo.setBatchCount(tx, batchId, n);
        const proposed = listingTransitions.propose;
        await insertBatchListingEvents(tx, await repo.batchListingIds(tx, batchId), {
          action: 'propose',
          from: null,
          to: proposed.to,
          actorId: actor.userId,
        });
        const move = { subject: 'batch', action: 'propose', from: null, to: t.to } as const;
        const data = { list: body.list, reportYear, count: n };
        await recordCreditTransition(tx, actor, move, { id: batchId, entityId: null, data });
        return batchId;
      });
      return toBatch((await repo.findBatch(db, id))!);
    },

    /** 审核通过: the decision lists every still-proposed entity of the batch, with one decision document. */
    async approve(actor: Actor, id: number, body: z.infer<typeof ZApproveBatchBody>): Promise<TBatch> {
      const batch = await writable(actor, id);
      const t = allowCredit(batchTransitions, 'approve', batch.status, batchStatusLabels, body);
      if (body.decidedOn > deps.today()) throw validation('decidedOn', '决定日期不能晚于今天');
      const entities = await repo.batchEntities(db, id);
      if (entities.length === 0) throw new AppError('INVALID_STATE', '该批次已没有拟列入的主体');
      const listName = creditListLabels[batch.list];
      const pdf = await renderDecisionPdf(deps.font(), {
        title: `列入${listName}决定书`,
        decisionNo: body.decisionNo,
        authority: await authorityName(db),
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
        const move = { subject: 'batch', action: 'approve', from: batch.status, to: t.to } as const;
        const data = { decisionNo: body.decisionNo, count: entities.length };
        await recordCreditTransition(tx, actor, move, { id, entityId: null, note: body.reason, data }, () =>
          repo.decideBatch(tx, { id, version: body.version }, { status: t.to, ...body, decidedBy: actor.userId }),
        );
        const moved = await repo.settleBatchListings(tx, id, 'listed', { listedOn: body.decidedOn, ...body });
        // The document names `entities`: one taken out of the batch meanwhile would be named but not listed.
        if (moved.length !== entities.length) throw staleVersion();
        await insertBatchListingEvents(
          tx,
          moved.map((m) => m.id),
          { action: 'list', from: 'proposed', to: listingTransitions.list.to, actorId: actor.userId },
        );
        const file = await deps.files.store(
          tx,
          { filename: `${body.decisionNo}.pdf`, mimeType: 'application/pdf', pieces: [pdf], sizeBytes: pdf.length },
          { purpose: 'credit-document', ownerUnitId: batch.ownerUnitId, createdBy: actor.userId },
        );
        await repo.setBatchDocument(tx, id, file.id);
        await insertDocument(tx, {
          kind: `${batch.list}Listing`,
          decisionNo: body.decisionNo,
          fileId: file.id,
          batchId: id,
        });
        await queueRecompute(
          tx,
          moved.map((m) => m.entityId),
          `${batch.list}Listed`,
        );
      });
      await deps.afterQueue();
      return toBatch((await repo.findBatch(db, id))!);
    },

    async discard(actor: Actor, id: number, body: z.infer<typeof ZDiscardBody>): Promise<TBatch> {
      const batch = await writable(actor, id);
      const t = allowCredit(batchTransitions, 'discard', batch.status, batchStatusLabels, body);
      await db.transaction(async (tx) => {
        const move = { subject: 'batch', action: 'discard', from: batch.status, to: t.to } as const;
        await recordCreditTransition(tx, actor, move, { id, entityId: null, note: body.reason }, () =>
          repo.decideBatch(
            tx,
            { id, version: body.version },
            { status: t.to, reason: body.reason, decidedBy: actor.userId },
          ),
        );
        const moved = await repo.settleBatchListings(tx, id, 'discarded', { reason: body.reason });
        await insertBatchListingEvents(
          tx,
          moved.map((m) => m.id),
          { action: 'discard', from: 'proposed', to: listingTransitions.discard.to, actorId: actor.userId },
        );
      });
      return toBatch((await repo.findBatch(db, id))!);
    },

    async get(actor: Actor, id: number): Promise<TBatch> {
      return toBatch(await readableBatch(actor, id));
    },

    async list(actor: Actor, q: z.infer<typeof ZBatchQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const scope = readable(actor, batchKind);
      const rows = await repo.listBatches(db, scope, { list: q.list, status: q.status, beforeId }, q.limit + 1);
      return keysetPage(rows.map(toBatch), q.limit, (r) => [r.id]);
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
