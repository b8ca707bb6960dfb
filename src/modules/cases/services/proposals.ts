import type { TCaseProposal, TCaseProposalBody } from '../../../contracts/case-leads.ts';
import type { Db } from '../../../db/client.ts';
import { caseLimitation, type Limitation } from '../../../domain/case-limitation.ts';
import { caseStatusLabels, caseTransitions } from '../../../domain/case-workflow.ts';
import { maskIdCard, validateIdCard } from '../../../domain/id-card.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPlaceable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, validation } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { allowTransition, staleVersion } from '../../../platform/workflow.ts';
import { type EntityRef, findEntityRef } from '../../entities/directory.ts';
import { caseKind } from '../access.ts';
import { insertStep } from '../repos/cases.ts';
import * as leadRepo from '../repos/leads.ts';
import * as repo from '../repos/new-case.ts';
import type { LeadService } from './leads.ts';
import { getCaseSettings } from './settings.ts';

export interface ProposalDeps {
  pii: Pick<PiiCipher, 'encrypt'>;
  leads: Pick<LeadService, 'writable'>;
  now?: () => Date;
}

/** The officers as checked: ≥ 2, no one twice, each with a credential valid today; one lead officer. */
async function checkOfficers(db: Db, officers: TCaseProposalBody['officers'], today: string) {
  if (officers.length < 2)
    throw validation('officers', '一般程序案件应当由两名以上持有执法证件的执法人员承办，请至少选择两名承办人');
  const candidates = new Map(
    (
      await repo.officerCandidates(
        db,
        officers.map((o) => o.userId),
      )
    ).map((u) => [u.id, u]),
  );
  const seen = new Set<number>();
  const checked = officers.map((o, i) => {
    const path = `officers.${i}.userId`;
    const u = candidates.get(o.userId);
    if (!u?.active) throw validation(path, `第${i + 1}名承办人不存在或已停用`);
    if (seen.has(o.userId)) throw validation(path, `${u.displayName} 重复选择`);
    seen.add(o.userId);
    if (!u.credentialNo || !u.credentialExpiresOn)
      throw validation(path, `${u.displayName} 未登记行政执法证件，不能担任承办人`);
    if (u.credentialExpiresOn < today)
      throw validation(path, `${u.displayName} 的行政执法证件已于 ${u.credentialExpiresOn} 过期，不能担任承办人`);
    return { userId: u.id, displayName: u.displayName, lead: o.lead, credentialNo: u.credentialNo };
  });
  const leads = checked.filter((o) => o.lead).length;
  if (leads > 1) throw validation('officers', '只能指定一名主办人');
  if (leads === 0) checked[0]!.lead = true;
  return checked;
}

async function checkViolations(db: Db, ids: readonly number[]) {
  const found = new Map((await repo.violationTypesByIds(db, ids)).map((v) => [v.id, v]));
  ids.forEach((id, i) => {
    if (!found.get(id)?.active) throw validation(`violationTypeIds.${i}`, '违法行为不存在或已停用');
  });
  return [...found.values()];
}

/** The party: a registry entity, or a person / unregistered trader named in the body (ID number encrypted). */
function partyOf(body: TCaseProposalBody, entity: EntityRef | undefined, pii: ProposalDeps['pii']) {
  if (entity)
    return {
      partyKind: 'organisation' as const,
      partyName: entity.name,
      partyUscc: entity.uscc,
      partyIdNoEnc: null,
      partyAddress: entity.address ?? null,
      idMasked: null,
    };
  const p = body.party;
  if (!p) throw validation('entityId', '请选择市场主体，或填写当事人信息');
  const id = p.idNumber?.toUpperCase() || null;
  if (id && !validateIdCard(id).ok) throw validation('party.idNumber', '身份证号码不正确');
  if (p.kind === 'person' && !id) throw validation('party.idNumber', '当事人为自然人的，请填写身份证号码');
  return {
    partyKind: p.kind,
    partyName: p.name,
    partyUscc: p.uscc || null,
    partyIdNoEnc: id ? pii.encrypt(id) : null,
    partyAddress: p.address || null,
    idMasked: id ? maskIdCard(id) : null,
  };
}

const limitationMessage = (l: Limitation) =>
  `违法行为自 ${l.startsOn} 起 ${l.years} 年内未被发现，已于 ${l.expiresOn} 超过行政处罚时效（《行政处罚法》第三十六条），` +
  '不能立案；请以“超过行政处罚时效”作出不予立案决定';

/**
 * 提请立案: the draft case (caseTransitions.propose) with its party, 管辖, 案由, violated provisions, officers
 * and the limitation check; from a lead (the lead keeps verifying until the case is filed) or without one
 * (source: found by staff). The case number is taken at filing.
 */
export function createProposalService(db: Db, deps: ProposalDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());

  return {
    async propose(actor: Actor, body: TCaseProposalBody, from?: { leadId: number; version: number }) {
      const lead = from ? await deps.leads.writable(actor, from.leadId) : undefined;
      if (lead && lead.status !== 'verifying') throw new AppError('INVALID_STATE', '只有核查中的线索可以提请立案');
      if (lead && lead.caseId !== null) throw new AppError('INVALID_STATE', '该线索已提请立案或已并案');
      const t = allowTransition(caseTransitions, 'propose', null, caseStatusLabels);
      const now = today();
      const entityId = body.entityId ?? lead?.entityId ?? undefined;
      const entity = entityId ? await findEntityRef(db, { entityId }) : undefined;
      if (entityId && !entity) throw validation('entityId', '市场主体不存在');
      const party = partyOf(body, entity, deps.pii);
      const stationId = body.stationId ?? lead?.stationId ?? entity?.stationId ?? actor.unitId;
      if (!(await leadRepo.unitKindOf(db, stationId))) throw validation('stationId', '管辖单位不存在');
      assertPlaceable(actor, caseKind, stationId);
      if (body.departmentId !== undefined && (await leadRepo.unitKindOf(db, body.departmentId)) !== 'department')
        throw validation('departmentId', '承办部门应为科室');
      if (body.actOn > now) throw validation('actOn', '违法行为发生日期不能晚于今天');
      if (body.actEndedOn && body.actEndedOn < body.actOn) throw validation('actEndedOn', '终了日期不能早于发生日期');
      const violations = await checkViolations(db, body.violationTypeIds);
      const officers = await checkOfficers(db, body.officers, now);
      const settings = await getCaseSettings(db);
      const limitation = caseLimitation({
        actOn: body.actOn,
        actEndedOn: body.actEndedOn,
        involvesSafety: violations.some((v) => v.involvesSafety),
        discoveredOn: lead?.receivedOn ?? now,
        today: now,
        warningDays: settings.limitationWarningDays,
      });
      if (limitation.expired) throw validation('actOn', limitationMessage(limitation));

      const caseId = await db.transaction(async (tx) => {
        const caseId = await repo.insertCase(tx, {
          leadId: lead?.id ?? null,
          entityId: entity?.id ?? null,
          party: {
            kind: party.partyKind,
            name: party.partyName,
            uscc: party.partyUscc,
            idNoEnc: party.partyIdNoEnc,
            address: party.partyAddress,
          },
          stationId,
          departmentId: body.departmentId ?? null,
          title: body.title,
          facts: body.facts ?? null,
          actOn: body.actOn,
          limitationExpiresOn: limitation.expiresOn,
          caseValueFen: body.caseValueFen ?? 0,
          goodsValueFen: body.goodsValueFen ?? 0,
          createdBy: actor.userId,
          officers,
          violationTypeIds: body.violationTypeIds,
        });
        const data = { leadId: lead?.id ?? null, actEndedOn: body.actEndedOn ?? null, limitation };
        await insertStep(tx, {
          caseId,
          action: 'propose',
          from: null,
          to: t.to!,
          actorId: actor.userId,
          note: null,
          documentId: null,
          data,
        });
        await appendAudit(tx, actor, {
          action: 'case.propose',
          targetType: 'case',
          targetId: caseId,
          detail: { to: t.to, leadId: lead?.id ?? null, stationId, officers: officers.map((o) => o.userId) },
        });
        if (lead) {
          if (!(await leadRepo.updateLead(tx, { id: lead.id, version: from!.version }, { case_id: caseId })))
            throw staleVersion();
          await appendAudit(tx, actor, {
            action: 'case.lead.propose',
            targetType: 'case-lead',
            targetId: lead.id,
            detail: { caseId },
          });
        }
        return caseId;
      });
      const proposal: TCaseProposal = {
        id: caseId,
        status: t.to!,
        leadId: lead?.id ?? null,
        partyName: party.partyName,
        partyIdMasked: party.idMasked,
        stationId,
        title: body.title,
        limitation,
        officers: officers.map(({ userId, displayName, lead, credentialNo }) => ({
          userId,
          displayName,
          lead,
          credentialNo,
        })),
        violationTypeIds: body.violationTypeIds,
        version: await repo.caseVersion(db, caseId),
      };
      return proposal;
    },
  };
}

export type ProposalService = ReturnType<typeof createProposalService>;
