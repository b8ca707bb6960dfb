import type { z } from 'zod';
import {
  creditListLabels,
  type TRepair,
  type ZRepairApplyBody,
  type ZRepairDecideBody,
  type ZRepairQuery,
  type ZRepairReviewBody,
} from '../../../contracts/credit.ts';
import type { Db } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { type RepairCondition, repairConditions } from '../../../domain/credit-rules.ts';
import {
  listingStatusLabels,
  listingTransitions,
  repairStatusLabels,
  repairTransitions,
} from '../../../domain/credit-workflow.ts';
import { assertReadable, assertWritable, readable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { AppError, conflict, validation } from '../../../platform/errors.ts';
import { repairKind, repairReach } from '../access.ts';
import { authorityName, insertDocument } from '../repos/events.ts';
import * as listingRepo from '../repos/listings.ts';
import * as repo from '../repos/repairs.ts';
import { queueRecompute } from '../repos/risk.ts';
import { toRepair } from '../view.ts';
import type { CreditDeps } from './deps.ts';
import { renderDecisionPdf } from './documents.ts';
import type { ListingService } from './listings.ts';
import { allowCredit, recordCreditTransition } from './transitions.ts';

type DecideBody = z.infer<typeof ZRepairDecideBody>;

/** 信用修复: application → review (the legal conditions checked and recorded) → decision with a document. */
export function createRepairService(db: Db, deps: CreditDeps, listings: Pick<ListingService, 'writable'>) {
  async function writable(actor: Actor, id: number) {
    return assertWritable(actor, repairKind, await repo.findRepair(db, id), repairReach);
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

  async function decisionPdf(
    row: repo.RepairRow,
    listing: listingRepo.ListingRow,
    conditions: RepairCondition[],
    body: DecideBody,
  ) {
    const listName = creditListLabels[listing.list];
    const approve = body.decision === 'approve';
    return renderDecisionPdf(deps.font(), {
      title: approve ? `准予信用修复（移出${listName}）决定书` : '不予信用修复决定书',
      decisionNo: body.decisionNo,
      authority: await authorityName(db),
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
  }

  return {
    async apply(actor: Actor, body: z.infer<typeof ZRepairApplyBody>): Promise<TRepair> {
      const listing = await listings.writable(actor, body.listingId);
      const t = allowCredit(repairTransitions, 'apply', null, repairStatusLabels);
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
          const move = { subject: 'repair', action: 'apply', from: null, to: t.to } as const;
          await recordCreditTransition(tx, actor, move, {
            id,
            entityId: listing.entityId,
            data: { listingId: listing.id },
          });
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
      const row = await writable(actor, id);
      const t = allowCredit(repairTransitions, 'review', row.status, repairStatusLabels, body);
      const { conditions } = await conditionsOf(row);
      await db.transaction(async (tx) => {
        const move = { subject: 'repair', action: 'review', from: row.status, to: t.to } as const;
        const s = { id, entityId: row.entityId, note: body.opinion, data: { conditions } };
        await recordCreditTransition(tx, actor, move, s, () =>
          repo.updateRepair(
            tx,
            { id, version: body.version },
            { status: t.to, review_opinion: body.opinion, conditions },
          ),
        );
      });
      return toRepair((await repo.findRepair(db, id))!);
    },

    /** 决定: approval re-checks the conditions, removes the listing and issues the decision document. */
    async decide(actor: Actor, id: number, body: DecideBody): Promise<TRepair> {
      const row = await writable(actor, id);
      const t = allowCredit(repairTransitions, body.decision, row.status, repairStatusLabels, body);
      if (body.decidedOn > deps.today()) throw validation('decidedOn', '决定日期不能晚于今天');
      const { listing, conditions } = await conditionsOf(row);
      const unmet = conditions.filter((c) => !c.met);
      const approve = body.decision === 'approve';
      if (approve && unmet.length)
        throw new AppError('VALIDATION', `不符合信用修复条件：${unmet.map((c) => c.label).join('；')}`, [
          { path: 'decision', message: '修复条件未满足' },
        ]);
      const removal = approve
        ? allowCredit(listingTransitions, 'remove', listing.status, listingStatusLabels, body)
        : null;
      const pdf = await decisionPdf(row, listing, conditions, body);
      await db.transaction(async (tx) => {
        const move = { subject: 'repair', action: body.decision, from: row.status, to: t.to } as const;
        const s = { id, entityId: row.entityId, note: body.reason, data: { decisionNo: body.decisionNo } };
        await recordCreditTransition(tx, actor, move, s, () =>
          repo.updateRepair(
            tx,
            { id, version: body.version },
            {
              status: t.to,
              decision_no: body.decisionNo,
              decision_reason: body.reason,
              decided_on: body.decidedOn,
              conditions,
            },
          ),
        );
        const file = await deps.files.store(
          tx,
          { filename: `${body.decisionNo}.pdf`, mimeType: 'application/pdf', pieces: [pdf], sizeBytes: pdf.length },
          { purpose: 'credit-document', ownerUnitId: row.stationId, createdBy: actor.userId },
        );
        await repo.setRepairDocument(tx, id, file.id);
        await insertDocument(tx, {
          kind: approve ? 'repairApproved' : 'repairRejected',
          decisionNo: body.decisionNo,
          fileId: file.id,
          repairId: id,
          listingId: listing.id,
          entityId: row.entityId,
        });
        if (removal) {
          const removed = { subject: 'listing', action: 'remove', from: listing.status, to: removal.to } as const;
          const ls = { id: listing.id, entityId: row.entityId, note: body.reason, data: { repairId: id } };
          await recordCreditTransition(tx, actor, removed, ls, () =>
            listingRepo.updateListing(
              tx,
              { id: listing.id, version: listing.version },
              {
                status: removal.to,
                removed_on: body.decidedOn,
                removal_decision_no: body.decisionNo,
                removal_reason: body.reason,
              },
            ),
          );
          await queueRecompute(tx, [row.entityId], `${listing.list}Removed`);
        }
      });
      await deps.afterQueue();
      return toRepair((await repo.findRepair(db, id))!);
    },

    async get(actor: Actor, id: number): Promise<TRepair> {
      return toRepair(assertReadable(actor, repairKind, await repo.findRepair(db, id), repairReach));
    },

    async list(actor: Actor, q: z.infer<typeof ZRepairQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const scope = readable(actor, repairKind);
      const rows = await repo.listRepairs(db, scope, { status: q.status, entityId: q.entityId, beforeId }, q.limit + 1);
      return keysetPage(rows.map(toRepair), q.limit, (r) => [r.id]);
    },
  };
}

export type RepairService = ReturnType<typeof createRepairService>;
