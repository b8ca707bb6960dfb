import type { z } from 'zod';
import {
  creditListLabels,
  type TRepair,
  type ZRepairApplyBody,
  type ZRepairDecideBody,
  type ZRepairQuery,
  type ZRepairReviewBody,
} from '../../contracts/credit.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { decodeCursor, keysetPage, Where } from '../../db/sql.ts';
import { repairConditions } from '../../domain/credit-rules.ts';
import { actionsFrom } from '../../domain/credit-workflow.ts';
import { type Actor, canReachUnit, requirePermission, scopeWhere } from '../../platform/actor.ts';
import { AppError, conflict, notFound, validation } from '../../platform/errors.ts';
import { renderDecisionPdf } from './documents.ts';
import * as listingRepo from './listing-repo.ts';
import type { CreditDeps, ListingService } from './listings.ts';
import * as repo from './repair-repo.ts';
import { queueRecompute } from './risk-repo.ts';
import { allow, recordTransition, stale } from './transition.ts';

const toRepair = (r: repo.RepairRow): TRepair => {
  const { stationPath: _, stationId: __, ...rest } = r;
  return { ...rest, actions: actionsFrom('repair', r.status) };
};

/** 信用修复: application → review (the legal conditions checked and recorded) → decision with a document. */
export function createRepairService(db: Db, deps: CreditDeps, listings: Pick<ListingService, 'listingInScope'>) {
  async function inScope(actor: Actor, id: number) {
    const row = await repo.findRepair(db, id);
    if (!row || !canReachUnit(actor, row.stationPath)) throw notFound('信用修复申请');
    return row;
  }

  async function conditionsOf(row: repo.RepairRow) {
    const listing = (await listingRepo.findListing(db, row.listingId))!;
    const duty = await repo.dutyFacts(db, row.listingId);
    return {
      listing,
      conditions: repairConditions(
        { list: listing.list, listedOn: listing.listedOn!, reportYear: duty.reportYear },
        duty,
        deps.today(),
      ),
    };
  }

  return {
    async apply(actor: Actor, body: z.infer<typeof ZRepairApplyBody>): Promise<TRepair> {
      requirePermission(actor, 'credit:write');
      const listing = await listings.listingInScope(actor, body.listingId);
      const t = allow('repair', null, 'apply');
      if (listing.status !== 'listed') throw validation('listingId', '只能对处于列入状态的名录记录申请信用修复');
      try {
        const id = await db.transaction(async (tx) => {
          const id = await repo.insertRepair(tx, {
            entityId: listing.entityId,
            listingId: listing.id,
            stationId: listing.stationId,
            applicantName: body.applicantName,
            applicationText: body.applicationText,
            appliedOn: deps.today(),
            createdBy: actor.userId,
          });
          await recordTransition(tx, actor, t, { id, entityId: listing.entityId, data: { listingId: listing.id } });
          return id;
        });
        return toRepair((await repo.findRepair(db, id))!);
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict('该名录记录已有办理中的信用修复申请', [{ path: 'listingId', message: '已有申请' }]);
        throw err;
      }
    },

    /** 审查: records the conditions as checked today with the reviewer's opinion. */
    async review(actor: Actor, id: number, body: z.infer<typeof ZRepairReviewBody>): Promise<TRepair> {
      requirePermission(actor, 'credit:write');
      const row = await inScope(actor, id);
      const t = allow('repair', row.status, 'review', body);
      const { conditions } = await conditionsOf(row);
      await db.transaction(async (tx) => {
        if (
          !(await repo.updateRepair(tx, id, body.version, row.status, {
            status: t.to,
            review_opinion: body.opinion,
            conditions,
          }))
        )
          throw stale();
        await recordTransition(tx, actor, t, { id, entityId: row.entityId, note: body.opinion, data: { conditions } });
      });
      return toRepair((await repo.findRepair(db, id))!);
    },

    /** 决定: approval re-checks the conditions, removes the listing and issues the decision document. */
    async decide(actor: Actor, id: number, body: z.infer<typeof ZRepairDecideBody>): Promise<TRepair> {
      requirePermission(actor, 'credit:write');
      const row = await inScope(actor, id);
      const t = allow('repair', row.status, body.decision, body);
      if (body.decidedOn > deps.today()) throw validation('decidedOn', '决定日期不能晚于今天');
      const { listing, conditions } = await conditionsOf(row);
      const unmet = conditions.filter((c) => !c.met);
      if (body.decision === 'approve' && unmet.length)
        throw new AppError('VALIDATION', `不符合信用修复条件：${unmet.map((c) => c.label).join('；')}`, [
          { path: 'decision', message: '修复条件未满足' },
        ]);
      const listName = creditListLabels[listing.list];
      const approve = body.decision === 'approve';
      const pdf = await renderDecisionPdf(deps.font(), {
        title: approve ? `准予信用修复（移出${listName}）决定书` : '不予信用修复决定书',
        decisionNo: body.decisionNo,
        authority: await listingRepo.authorityName(db),
        decidedOn: body.decidedOn,
        addressee: `${row.entityName}（统一社会信用代码：${row.uscc}）：`,
        paragraphs: [
          `你单位于${row.appliedOn}提出信用修复申请，申请移出${listName}（列入决定文号：${listing.decisionNo ?? '—'}）。`,
          ...conditions.map((c) => `${c.label}：${c.met ? '符合' : '不符合'}。`),
          body.reason,
          approve
            ? `经审查，符合信用修复条件，决定准予信用修复，将你单位移出${listName}。`
            : '经审查，不符合信用修复条件，决定不予信用修复。',
        ],
      });
      await db.transaction(async (tx) => {
        const set = {
          status: t.to,
          decision_no: body.decisionNo,
          decision_reason: body.reason,
          decided_on: body.decidedOn,
          conditions,
        };
        if (!(await repo.updateRepair(tx, id, body.version, row.status, set))) throw stale();
        const file = await deps.files.store(
          tx,
          { filename: `${body.decisionNo}.pdf`, mimeType: 'application/pdf', pieces: [pdf], sizeBytes: pdf.length },
          { purpose: 'credit-document', ownerUnitId: row.stationId, createdBy: actor.userId },
        );
        await repo.setRepairDocument(tx, id, file.id);
        await listingRepo.insertDocument(tx, {
          kind: approve ? 'repairApproved' : 'repairRejected',
          decisionNo: body.decisionNo,
          fileId: file.id,
          repairId: id,
          listingId: listing.id,
          entityId: row.entityId,
        });
        if (approve) {
          const removal = allow('listing', listing.status, 'remove', body);
          const removed = await listingRepo.updateListing(tx, listing.id, listing.version, listing.status, {
            status: removal.to,
            removed_on: body.decidedOn,
            removal_decision_no: body.decisionNo,
            removal_reason: body.reason,
          });
          if (!removed) throw stale();
          await recordTransition(tx, actor, removal, {
            id: listing.id,
            entityId: row.entityId,
            note: body.reason,
            data: { repairId: id },
          });
          await queueRecompute(tx, [row.entityId], `${listing.list}Removed`);
        }
        await recordTransition(tx, actor, t, {
          id,
          entityId: row.entityId,
          note: body.reason,
          data: { decisionNo: body.decisionNo },
        });
      });
      await deps.afterQueue();
      return toRepair((await repo.findRepair(db, id))!);
    },

    async get(actor: Actor, id: number) {
      return toRepair(await inScope(actor, id));
    },

    async list(actor: Actor, q: z.infer<typeof ZRepairQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const w = scopeWhere(actor, new Where(), { unit: 'r.station_id', owner: 'r.created_by' })
        .addIf(q.status, 'r.status = ?')
        .addIf(q.entityId, 'r.entity_id = ?')
        .addIf(beforeId, 'r.id < ?');
      return keysetPage((await repo.listRepairs(db, w, q.limit + 1)).map(toRepair), q.limit, (r) => [r.id]);
    },
  };
}

export type RepairService = ReturnType<typeof createRepairService>;
