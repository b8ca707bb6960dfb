import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type { TComplaintDetail, TIntakeBody, ZComplaintListQuery } from '../../contracts/complaints.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { decodeCursor, escapeLike, keysetPage, Where } from '../../db/sql.ts';
import { ruleSetFor } from '../../domain/complaint-rules.ts';
import { type ComplaintKind, clocksAtIntake } from '../../domain/complaint-workflow.ts';
import { dueDate, shanghaiToday } from '../../domain/deadlines.ts';
import { maskIdCard } from '../../domain/id-card.ts';
import type { WorkingDayCalendar } from '../../domain/working-days.ts';
import { type Actor, canReachUnit, scopeWhere } from '../../server/actor.ts';
import { notFound, validation } from '../../server/errors.ts';
import type { PiiCipher } from '../../server/pii.ts';
import { appendAudit } from '../audit/repo.ts';
import { findEntityRef } from '../entities/directory.ts';
import { claimUploads } from './attachments.ts';
import { attachmentsOf } from './attachments-repo.ts';
import * as repo from './repo.ts';
import { routeItem } from './routing.ts';
import { toDetail, toSummary } from './view.ts';

export interface ComplaintDeps {
  pii: PiiCipher;
  calendar: () => Promise<WorkingDayCalendar>;
  now?: () => Date;
}

export type IntakeInput = Omit<TIntakeBody, 'channel'> & { channel: TIntakeBody['channel'] | 'portal' | 'open311' };

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const trackingCode = (receivedOn: string) =>
  `TS${receivedOn.replaceAll('-', '')}${Array.from({ length: 6 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('')}`;

export function createComplaintService(db: Db, deps: ComplaintDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  async function inScope(actor: Actor, id: number): Promise<repo.ComplaintRecord> {
    const row = await repo.findComplaint(db, id);
    const visible =
      row &&
      (actor.dataScope === 'self'
        ? row.handlerId === actor.userId || row.createdBy === actor.userId
        : canReachUnit(actor, row.stationPath));
    if (!row || !visible) throw notFound('投诉举报事项');
    return row;
  }

  async function resolveBusiness(input: IntakeInput) {
    const b = input.business;
    if (!b || (b.entityId === undefined && !b.uscc)) return undefined;
    const entity = await findEntityRef(db, { entityId: b.entityId, uscc: b.uscc });
    if (!entity)
      throw validation(
        b.entityId !== undefined ? 'business.entityId' : 'business.uscc',
        '登记库中未找到该市场主体，可改为填写经营者名称和地址',
      );
    return entity;
  }

  async function intakeIds(input: IntakeInput, actor: Actor | null, idempotencyKey: string | null): Promise<number[]> {
    if (input.categoryCode && !(await repo.categoryExists(db, input.categoryCode)))
      throw validation('categoryCode', '不是有效的商品或服务类别');
    const receivedOn = input.receivedOn ?? today();
    if (receivedOn > today()) throw validation('receivedOn', '收到日期不能晚于今天');
    const entity = await resolveBusiness(input);
    const route = await routeItem(db, {
      entity,
      regionCode: input.regionCode,
      address: input.business?.address ?? entity?.address ?? undefined,
    });
    const set = ruleSetFor(receivedOn);
    const cal = await deps.calendar();
    const kinds: ComplaintKind[] = input.kind === 'complaintAndReport' ? ['complaint', 'report'] : [input.kind];
    const idNumber = input.person.idNumber ?? null;
    return db.transaction(async (tx) => {
      const ids: number[] = [];
      for (const [i, kind] of kinds.entries()) {
        const id = await repo.insertComplaint(tx, {
          trackingCode: trackingCode(receivedOn),
          kind,
          channel: input.channel,
          ruleSetCode: set.code,
          receivedOn,
          stationId: route.stationId,
          personName: input.person.name,
          personPhone: input.person.phone,
          personIdCipher: idNumber && deps.pii.encrypt(idNumber),
          personIdMasked: idNumber && maskIdCard(idNumber),
          confidential: input.person.confidential,
          entityId: entity?.id ?? null,
          businessName: entity?.name ?? input.business?.name ?? null,
          businessAddress: input.business?.address ?? entity?.address ?? null,
          regionCode: input.regionCode ?? entity?.regionCode ?? null,
          categoryCode: input.categoryCode ?? null,
          amountFen: input.amountFen ?? null,
          description: input.description,
          idempotencyKey: i === 0 ? idempotencyKey : null,
          createdBy: actor?.userId ?? null,
        });
        for (const step of clocksAtIntake[kind]) {
          const due = dueDate(cal, receivedOn, set.clocks[step]);
          await repo.insertDeadline(tx, { complaintId: id, step, startedOn: receivedOn, ...due });
        }
        await repo.insertEvent(tx, {
          complaintId: id,
          action: 'intake',
          fromStatus: null,
          toStatus: 'received',
          note: route.reason,
          data: { channel: input.channel, ruleSet: set.code },
          actorId: actor?.userId ?? null,
        });
        await appendAudit(tx, actor, {
          action: 'complaint.intake',
          targetType: 'complaint',
          targetId: id,
          detail: { kind, channel: input.channel, stationId: route.stationId },
        });
        ids.push(id);
      }
      if (ids.length === 2) await repo.linkComplaints(tx, ids[0]!, ids[1]!);
      await claimUploads(tx, input.attachments ?? [], ids, route.stationId, actor?.userId ?? null);
      return ids;
    });
  }

  return {
    /** Registers a submission; a repeated idempotency key returns the records made the first time. */
    async intake(actor: Actor | null, input: IntakeInput, idempotencyKey: string | null = null) {
      const earlier = idempotencyKey ? await repo.findComplaintBy(db, 'idempotency_key', idempotencyKey) : undefined;
      let ids: number[];
      if (earlier) ids = [earlier.id, ...(earlier.linkedId ? [earlier.linkedId] : [])];
      else {
        try {
          ids = await intakeIds(input, actor, idempotencyKey);
        } catch (err) {
          const raced =
            idempotencyKey && isUniqueViolation(err)
              ? await repo.findComplaintBy(db, 'idempotency_key', idempotencyKey)
              : undefined;
          if (!raced) throw err;
          ids = [raced.id, ...(raced.linkedId ? [raced.linkedId] : [])];
        }
      }
      const rows = await Promise.all(ids.map((id) => repo.findComplaint(db, id)));
      return {
        created: !earlier,
        items: rows.map((r) => ({
          id: r!.id,
          trackingCode: r!.trackingCode,
          kind: r!.kind,
          stationName: r!.stationName,
        })),
      };
    },

    async get(actor: Actor, id: number): Promise<TComplaintDetail> {
      const row = await inScope(actor, id);
      const [deadlines, events, attachments] = await Promise.all([
        repo.deadlinesOf(db, id),
        repo.eventsOf(db, id),
        attachmentsOf(db, id),
      ]);
      return { ...toDetail(actor, row, deadlines, events, today()), attachments };
    },

    async list(actor: Actor, q: z.infer<typeof ZComplaintListQuery>) {
      const [beforeId] = (decodeCursor(q.cursor) ?? []) as [number?];
      const w = scopeWhere(actor, new Where(), { unit: 'c.station_id', owner: 'c.handler_id' })
        .addIf(q.kind, 'c.kind = ?')
        .addIf(q.status, 'c.status = ?')
        .addIf(q.stationId, 'c.station_id = ?')
        .addIf(q.handlerId, 'c.handler_id = ?')
        .addIf(q.mine === 'true' ? actor.userId : undefined, 'c.handler_id = ?')
        .addIf(q.entityId, 'c.entity_id = ?')
        .addIf(q.receivedFrom, 'c.received_on >= ?')
        .addIf(q.receivedTo, 'c.received_on <= ?')
        .addIf(beforeId, 'c.id < ?');
      if (q.overdue === 'true')
        w.add(
          'EXISTS (SELECT 1 FROM complaint_deadlines d WHERE d.complaint_id = c.id AND d.met_at IS NULL AND d.due_on < ?)',
          today(),
        );
      if (q.q) w.add('(c.tracking_code = ? OR c.business_name LIKE ?)', q.q.toUpperCase(), `%${escapeLike(q.q)}%`);
      const rows = await repo.listComplaints(db, w, q.limit + 1);
      const now = today();
      return keysetPage(
        rows.map((r) => toSummary(actor, r, now)),
        q.limit,
        (r) => [r.id],
      );
    },

    inScope,
    today,
  };
}

export type ComplaintService = ReturnType<typeof createComplaintService>;
