import { randomInt } from 'node:crypto';
import type { TIntakeBody } from '../../../contracts/complaints.ts';
import type { Db } from '../../../db/client.ts';
import { isUniqueViolation, violatedConstraint } from '../../../db/errors.ts';
import { ruleSetFor } from '../../../domain/complaint-rules.ts';
import { type ComplaintKind, clocksAtIntake } from '../../../domain/complaint-workflow.ts';
import { dueDate, shanghaiToday } from '../../../domain/deadlines.ts';
import { maskIdCard } from '../../../domain/id-card.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { findEntityRef } from '../../entities/directory.ts';
import * as repo from '../repos/complaints.ts';
import { insertIntake, linkComplaints } from '../repos/intake.ts';
import { claimUploads } from './claim-uploads.ts';
import { createIntakeBatcher } from './intake-batch.ts';
import { createIntakeDirectory, routeItem } from './routing.ts';

export interface ComplaintDeps {
  pii: PiiCipher;
  calendar: () => Promise<WorkingDayCalendar>;
  now?: () => Date;
  /** The random part of tracking codes (tests pin it to force a collision). */
  trackingSuffix?: () => string;
}

export type IntakeInput = Omit<TIntakeBody, 'channel'> & { channel: TIntakeBody['channel'] | 'portal' | 'open311' };

const TRACKING_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const randomSuffix = () =>
  Array.from({ length: 6 }, () => TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)]).join('');
/** Short enough to read out on the phone; 32⁶ per day, so at tens of thousands a day two can meet (retried). */
const TRACKING_CODE_RETRIES = 3;

/** 登记: staff, the portal and Open311 partners register items here. Routing decides the station, not the caller. */
export function createIntake(db: Db, deps: ComplaintDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());
  const trackingCode = (receivedOn: string) =>
    `TS${receivedOn.replaceAll('-', '')}${(deps.trackingSuffix ?? randomSuffix)()}`;
  const directory = createIntakeDirectory(db);
  const batch = createIntakeBatcher(db);
  type IntakeItem = { id: number; trackingCode: string; kind: ComplaintKind; stationName: string };

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

  /** Checks a submission and works out its records (routing, rule set, clocks); writes nothing. */
  async function prepare(input: IntakeInput, actor: Actor | null, idempotencyKey: string | null) {
    const dir = await directory();
    if (input.categoryCode && !dir.categories.has(input.categoryCode))
      throw validation('categoryCode', '不是有效的商品或服务类别');
    const receivedOn = input.receivedOn ?? today();
    if (receivedOn > today()) throw validation('receivedOn', '收到日期不能晚于今天');
    const entity = await resolveBusiness(input);
    const route = routeItem(dir, {
      entity,
      regionCode: input.regionCode,
      address: input.business?.address ?? entity?.address ?? undefined,
    });
    const set = ruleSetFor(receivedOn);
    const cal = await deps.calendar();
    const kinds: ComplaintKind[] = input.kind === 'complaintAndReport' ? ['complaint', 'report'] : [input.kind];
    const idNumber = input.person.idNumber ?? null;
    const actorId = actor?.userId ?? null;
    const items = kinds.map((kind, i) => ({
      insert: {
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
        createdBy: actorId,
      },
      record: {
        deadlines: clocksAtIntake[kind].map((step) => ({ step, ...dueDate(cal, receivedOn, set.clocks[step]) })),
        event: { note: route.reason, data: { channel: input.channel, ruleSet: set.code }, actorId },
      },
    }));
    const auditDetail = { channel: input.channel, stationId: route.stationId };
    return { items, attachments: input.attachments ?? [], stationId: route.stationId, actor, auditDetail };
  }
  type Prepared = Awaited<ReturnType<typeof prepare>>;

  /** A submission on its own: one transaction of one statement per item, the files, then the audit rows. */
  async function write(p: Prepared): Promise<IntakeItem[]> {
    const actorId = p.actor?.userId ?? null;
    return db.transaction(async (tx) => {
      const items: IntakeItem[] = [];
      for (const it of p.items) items.push(await insertIntake(tx, it.insert, it.record));
      const ids = items.map((it) => it.id);
      if (ids.length === 2) await linkComplaints(tx, ids[0]!, ids[1]!);
      await claimUploads(tx, p.attachments, ids, p.stationId, actorId);
      // Last, so the chain's lock is held for as short a time as possible (it is released at COMMIT).
      for (const item of items)
        await appendAudit(tx, p.actor, {
          action: 'complaint.intake',
          targetType: 'complaint',
          targetId: item.id,
          detail: { kind: item.kind, ...p.auditDetail },
        });
      return items;
    });
  }

  /** The common submission (one item, no files) goes through the group commit; undefined: write it alone. */
  async function writeBatched(p: Prepared, idempotencyKey: string | null) {
    const [only] = p.items;
    if (!only || p.items.length > 1 || p.attachments.length > 0) return undefined;
    try {
      const item = await batch({ ...only, actor: p.actor, auditDetail: p.auditDetail });
      if (item) return { created: true, items: [item] };
      const earlier = idempotencyKey ? await earlierItems(idempotencyKey) : undefined;
      return earlier && { created: false, items: earlier };
    } catch (err) {
      // A lost connection may have lost the COMMIT's answer, not the COMMIT: writing again could store it twice.
      if (err instanceof AppError && err.code === 'UNAVAILABLE') throw err;
      return undefined; // a batch failed as a whole: written alone, this submission gets its own answer
    }
  }

  async function writeOrFindEarlier(p: Prepared, idempotencyKey: string | null) {
    const batched = await writeBatched(p, idempotencyKey);
    if (batched) return batched;
    try {
      return { created: true, items: await write(p) };
    } catch (err) {
      const repeat = isUniqueViolation(err) && violatedConstraint(err) !== 'complaints_tracking_code_key';
      const earlier = idempotencyKey && repeat ? await earlierItems(idempotencyKey) : undefined;
      if (!earlier) throw err;
      return { created: false, items: earlier };
    }
  }

  async function earlierItems(idempotencyKey: string): Promise<IntakeItem[] | undefined> {
    const first = await repo.findComplaintBy(db, 'idempotency_key', idempotencyKey);
    if (!first) return undefined;
    const linked = first.linkedId ? await repo.findComplaint(db, first.linkedId) : undefined;
    return [first, ...(linked ? [linked] : [])].map(({ id, trackingCode, kind, stationName }) => ({
      id,
      trackingCode,
      kind,
      stationName,
    }));
  }

  return {
    /**
     * Registers a submission; a repeated idempotency key returns the records made the first time. The key's
     * unique index decides (no read before the write): a repeat fails at its first INSERT and is answered
     * with the earlier records.
     */
    async intake(actor: Actor | null, input: IntakeInput, idempotencyKey: string | null = null) {
      const prepared = await prepare(input, actor, idempotencyKey);
      for (let attempt = 1; ; attempt++) {
        try {
          return await writeOrFindEarlier(prepared, idempotencyKey);
        } catch (err) {
          if (attempt > TRACKING_CODE_RETRIES || violatedConstraint(err) !== 'complaints_tracking_code_key') throw err;
          for (const it of prepared.items) it.insert.trackingCode = trackingCode(it.insert.receivedOn);
        }
      }
    },
  };
}
