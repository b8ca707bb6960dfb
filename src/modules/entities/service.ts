import type { z } from 'zod';
import type {
  TEntityCreate,
  TEntityDetail,
  TEntityListQuery,
  ZEntityLifecycle,
  ZEntityUpdate,
} from '../../contracts/entities.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { bigramTsvector } from '../../domain/bigrams.ts';
import { entityLifecycle, entityStatusLabels } from '../../domain/entity-lifecycle.ts';
import { maskIdCard } from '../../domain/id-card.ts';
import { assertPlaceable, assertReadable, assertWritable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { conflict, validation } from '../../platform/errors.ts';
import type { PiiCipher } from '../../platform/pii.ts';
import { allowTransition, recordTransition, staleVersion } from '../../platform/workflow.ts';
import { findUnit } from '../org/published.ts';
import { entityReach, entityResource } from './access.ts';
import { listEntityPage } from './list.ts';
import * as repo from './repo.ts';
import { toEntityRow } from './row.ts';
import { auditView, pickDetail, toSummary } from './view.ts';

const stale = () => staleVersion('该市场主体已被他人修改，请刷新后重试');
/** A versioned update that lost the race answers with the entity's own 409 message. */
const changed = async (updated: Promise<boolean>) => {
  if (!(await updated)) throw stale();
  return true;
};

export function createEntityService(db: Db, deps: { pii: PiiCipher }) {
  const readable = async (actor: Actor, id: number) =>
    assertReadable(actor, entityResource, await repo.findEntity(db, id), entityReach);
  const writable = async (actor: Actor, id: number) =>
    assertWritable(actor, entityResource, await repo.findEntity(db, id), entityReach);

  /** Explicit station, else the one covering the region code, else the caller's own station. */
  async function resolveStation(
    actor: Actor,
    stationId: number | undefined,
    regionCode: string | undefined,
  ): Promise<number> {
    const id =
      stationId ??
      (regionCode ? await repo.stationForRegion(db, regionCode) : undefined) ??
      (actor.unitKind === 'station' ? actor.unitId : undefined);
    if (id === undefined) throw validation('stationId', '请选择管辖所（无法从行政区划代码确定）');
    const unit = await findUnit(db, id);
    if (unit?.kind !== 'station') throw validation('stationId', '管辖所不存在');
    assertPlaceable(actor, entityResource, id);
    return id;
  }

  return {
    async list(actor: Actor, q: TEntityListQuery) {
      return listEntityPage(db, actor, q, toSummary);
    },

    async get(actor: Actor, id: number): Promise<TEntityDetail> {
      const { stationPath: _, legalRepIdCipher: __, createdBy: ___, ...row } = await readable(actor, id);
      const [licences, events] = await Promise.all([repo.entityLicences(db, id), repo.entityEvents(db, id)]);
      return { ...toSummary(row), ...pickDetail(row), licences, events };
    },

    /** The full ID number, for staff who must see it; every reveal is audited. */
    async revealLegalRepId(actor: Actor, id: number): Promise<{ legalRepIdNumber: string | null }> {
      const row = await writable(actor, id);
      const plain = row.legalRepIdCipher ? deps.pii.decrypt(row.legalRepIdCipher) : null;
      await db.transaction((tx) =>
        appendAudit(tx, actor, { action: 'entity.pii.reveal', targetType: 'entity', targetId: id }),
      );
      return { legalRepIdNumber: plain };
    },

    async create(actor: Actor, input: TEntityCreate): Promise<TEntityDetail> {
      const stationId = await resolveStation(actor, input.stationId, input.regionCode);
      const row = toEntityRow(input, { stationId, actorId: actor.userId, pii: deps.pii });
      let id: number;
      try {
        id = await db.transaction(async (tx) => {
          const newId = await repo.insertEntity(tx, row);
          await repo.insertEntityEvent(tx, {
            entityId: newId,
            kind: 'establish',
            occurredOn: input.establishedOn,
            after: auditView(input),
            actorId: actor.userId,
          });
          await appendAudit(tx, actor, {
            action: 'entity.create',
            targetType: 'entity',
            targetId: newId,
            detail: { after: auditView(input) },
          });
          return newId;
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw conflict(`统一社会信用代码 ${input.uscc} 已登记`, [{ path: 'uscc', message: '该代码已存在' }]);
        throw err;
      }
      return this.get(actor, id);
    },

    async update(actor: Actor, id: number, input: z.infer<typeof ZEntityUpdate>): Promise<TEntityDetail> {
      const before = await writable(actor, id);
      const { version, ...patch } = input;
      const set: Record<string, unknown> = {};
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      const change = (field: string, column: string, old: unknown, next: unknown, stored: unknown = next) => {
        if (next === undefined || next === old) return;
        set[column] = stored;
        changes[field] = { before: old, after: next };
      };
      change('name', 'name', before.name, patch.name);
      if (set.name) set.name_bigrams = bigramTsvector(patch.name!);
      change('address', 'address', before.address, patch.address);
      change('legalRepName', 'legal_rep_name', before.legalRepName, patch.legalRepName);
      change('phone', 'phone', before.phone, patch.phone);
      change('regionCode', 'region_code', before.regionCode, patch.regionCode);
      change('industryCode', 'industry_code', before.industryCode, patch.industryCode);
      change('registeredCapitalFen', 'registered_capital_fen', before.registeredCapitalFen, patch.registeredCapitalFen);
      change('businessScope', 'business_scope', before.businessScope, patch.businessScope);
      if (patch.stationId !== undefined && patch.stationId !== before.stationId) {
        change('stationId', 'station_id', before.stationId, await resolveStation(actor, patch.stationId, undefined));
      }
      if (patch.legalRepIdNumber !== undefined) {
        set.legal_rep_id_cipher = deps.pii.encrypt(patch.legalRepIdNumber);
        set.legal_rep_id_hash = deps.pii.lookupHash(patch.legalRepIdNumber);
        set.legal_rep_id_masked = maskIdCard(patch.legalRepIdNumber);
        changes.legalRepIdNumber = { before: before.legalRepIdMasked, after: maskIdCard(patch.legalRepIdNumber) };
      }
      if (Object.keys(set).length === 0) {
        if (version !== before.version) throw stale();
        return this.get(actor, id);
      }
      const beforeView = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.before]));
      const afterView = Object.fromEntries(Object.entries(changes).map(([k, v]) => [k, v.after]));
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () => changed(repo.updateEntityColumns(tx, id, version, set)),
          event: () =>
            repo.insertEntityEvent(tx, {
              entityId: id,
              kind: 'change',
              occurredOn: new Date().toISOString().slice(0, 10),
              before: beforeView,
              after: afterView,
              actorId: actor.userId,
            }),
          audit: {
            action: 'entity.update',
            targetType: 'entity',
            targetId: id,
            detail: { before: beforeView, after: afterView },
          },
        }),
      );
      return this.get(actor, id);
    },

    /** 注销、迁出、迁入、停业、恢复、吊销: through the lifecycle transition table only. */
    async lifecycle(actor: Actor, id: number, input: z.infer<typeof ZEntityLifecycle>): Promise<TEntityDetail> {
      const before = await writable(actor, id);
      const { to } = allowTransition(entityLifecycle, input.kind, before.status, entityStatusLabels, input);
      const status = to ?? before.status;
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () => changed(repo.setEntityStatus(tx, id, input.version, status)),
          event: () =>
            repo.insertEntityEvent(tx, {
              entityId: id,
              kind: input.kind,
              occurredOn: input.occurredOn,
              before: { status: before.status },
              after: { status },
              note: input.note,
              actorId: actor.userId,
            }),
          audit: {
            action: `entity.${input.kind}`,
            targetType: 'entity',
            targetId: id,
            detail: { from: before.status, to: status, occurredOn: input.occurredOn },
          },
        }),
      );
      return this.get(actor, id);
    },
  };
}

export type EntityService = ReturnType<typeof createEntityService>;
