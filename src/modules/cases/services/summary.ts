import type { TSummaryBody, TSummaryResult } from '../../../contracts/case-documents.ts';
import type { Db } from '../../../db/client.ts';
import { yuanText } from '../../../domain/case-documents.ts';
import { caseStatusLabels, caseTransitions } from '../../../domain/case-workflow.ts';
import { dueDate } from '../../../domain/deadlines.ts';
import { maskIdCard, normaliseIdCard, validateIdCard } from '../../../domain/id-card.ts';
import { normaliseUscc, validateUscc } from '../../../domain/uscc.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPlaceable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { validation } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { allowTransition } from '../../../platform/workflow.ts';
import { caseKind } from '../access.ts';
import { insertStep } from '../repos/cases.ts';
import { insertCase, officerCandidates, violationTypesByIds } from '../repos/new-case.ts';
import { entityForSummary, insertPenalties, setSummaryDecisionNo, unitKind } from '../repos/summary.ts';
import { onCaseDecided } from './disclosures.ts';
import { documentUrls, issueDocument } from './documents.ts';
import { getCaseSettings } from './settings.ts';

export interface SummaryDeps {
  pii: Pick<PiiCipher, 'encrypt'>;
  calendar: () => Promise<WorkingDayCalendar>;
  today: () => string;
}

/** Payment within 15 days of receiving the decision, handed over on the spot (行政处罚法 Art. 67). */
const PAYMENT_DAYS = 15;

/**
 * 简易程序 (行政处罚法 Art. 51, 52; 《市场监督管理行政处罚程序规定》 Art. 66–70): facts clear, a legal basis, and a warning
 * or a fine within the configured limits (¥200 for a person, ¥3,000 for an organisation); made on the spot by the
 * officers present, each holding a valid enforcement credential, decided and served at once, filed (备案) with the
 * unit within the configured working days. Everything is checked before anything is written.
 */
export function createSummaryService(db: Db, deps: SummaryDeps) {
  async function checkPenalties(body: TSummaryBody) {
    const settings = await getCaseSettings(db);
    const limit = settings.summaryFineLimitFen[body.party.kind];
    const who = body.party.kind === 'person' ? '公民' : '法人或者其他组织';
    let fine = 0;
    body.penalties.forEach((p, i) => {
      const path = `penalties.${i}.amountFen`;
      if (p.kind === 'warning' && p.amountFen !== 0) throw validation(path, '警告不得填写金额');
      if (p.kind !== 'fine') return;
      if (p.amountFen <= 0) throw validation(path, '罚款金额应大于0');
      fine += p.amountFen;
      if (fine > limit) {
        throw validation(
          path,
          `简易程序对${who}的罚款不得超过${yuanText(limit)}元（本次${yuanText(fine)}元），超过的应当适用普通程序立案调查`,
        );
      }
    });
    if (body.penalties.filter((p) => p.kind === 'warning').length > 1) {
      throw validation('penalties.1.kind', '警告只能给予一次');
    }
    return { settings, fine };
  }

  async function checkOfficers(body: TSummaryBody, on: string) {
    const ids = [...new Set(body.officerIds)];
    const rows = new Map((await officerCandidates(db, ids)).map((o) => [o.id, o]));
    return ids.map((id, i) => {
      const o = rows.get(id);
      const path = `officerIds.${i}`;
      if (!o?.active) throw validation(path, '执法人员不存在或已停用');
      if (!o.credentialNo) throw validation(path, `${o.displayName}未登记行政执法证，不能当场作出行政处罚`);
      if (!o.credentialExpiresOn || o.credentialExpiresOn < on) {
        throw validation(
          path,
          `${o.displayName}的行政执法证已过期（${o.credentialExpiresOn ?? '无有效期'}），不能当场作出行政处罚`,
        );
      }
      return { userId: id, lead: i === 0, credentialNo: o.credentialNo, name: o.displayName };
    });
  }

  async function checkParty(actor: Actor, body: TSummaryBody) {
    const p = body.party;
    const entity = p.entityId ? await entityForSummary(db, p.entityId) : undefined;
    if (p.entityId && !entity) throw validation('party.entityId', '市场主体不存在');
    let uscc = entity?.uscc ?? (p.uscc ? normaliseUscc(p.uscc) : null);
    if (uscc && !entity) {
      const v = validateUscc(uscc);
      if (!v.ok) throw validation('party.uscc', `统一社会信用代码有误：${v.reason}`);
    }
    let idNo: string | null = null;
    if (p.kind === 'person') {
      if (!p.idNo) throw validation('party.idNo', '当事人为公民的，请填写身份证件号码');
      idNo = normaliseIdCard(p.idNo);
      const v = validateIdCard(idNo, { today: deps.today() });
      if (!v.ok) throw validation('party.idNo', `身份证号码有误：${v.reason}`);
      if (!entity) uscc = null;
    }
    const stationId = body.stationId ?? entity?.stationId ?? actor.unitId;
    if ((await unitKind(db, stationId)) !== 'station') {
      throw validation('stationId', '请选择有管辖权的市场监管所');
    }
    assertPlaceable(actor, caseKind, stationId);
    return {
      entityId: entity?.id ?? null,
      name: entity?.name ?? p.name,
      uscc,
      idNo,
      address: entity?.address ?? p.address ?? null,
      legalRep: entity?.legalRep ?? p.legalRep ?? null,
      stationId,
    };
  }

  async function checkViolations(body: TSummaryBody) {
    const rows = new Map((await violationTypesByIds(db, body.violationTypeIds)).map((v) => [v.id, v]));
    body.violationTypeIds.forEach((id, i) => {
      if (!rows.get(id)?.active) throw validation(`violationTypeIds.${i}`, '违法行为类型不存在或已停用');
    });
    return body.violationTypeIds.map((id) => rows.get(id)!.name);
  }

  return {
    async decide(actor: Actor, body: TSummaryBody): Promise<TSummaryResult> {
      const today = deps.today();
      allowTransition(caseTransitions, 'summaryDecide', null, caseStatusLabels, { penalties: body.penalties });
      if (body.actOn > today) throw validation('actOn', '违法行为发生日期不能晚于今天');
      const { settings, fine } = await checkPenalties(body);
      const party = await checkParty(actor, body);
      const officers = await checkOfficers(body, today);
      const violationNames = await checkViolations(body);
      const cal = await deps.calendar();
      const filingDueOn = dueDate(cal, today, { days: settings.summaryFilingDays, unit: 'workingDays' }).dueOn;
      const paymentDueOn = fine > 0 ? dueDate(cal, today, { days: PAYMENT_DAYS, unit: 'calendarDays' }).dueOn : null;

      // The case, its officers, violations and penalties, the numbered decision, the step and the audit row: one
      // transaction (what recordTransition does, with the case's id known only once it is inserted).
      return db.transaction(async (tx) => {
        const caseId = await insertCase(tx, {
          entityId: party.entityId,
          party: {
            kind: body.party.kind,
            name: party.name,
            uscc: party.uscc,
            idNoEnc: party.idNo ? deps.pii.encrypt(party.idNo) : null,
            address: party.address,
          },
          stationId: party.stationId,
          title: `${party.name}${violationNames.join('、')}案（简易程序）`,
          facts: body.facts,
          actOn: body.actOn,
          createdBy: actor.userId,
          summary: { decidedOn: today, paymentDueOn, fineDueFen: fine, summaryFilingDueOn: filingDueOn },
          officers,
          violationTypeIds: body.violationTypeIds,
        });
        await insertPenalties(tx, caseId, body.penalties);
        const doc = await issueDocument(tx, {
          kind: 'summaryDecision',
          caseId,
          unitId: party.stationId,
          issuedOn: today,
          createdBy: actor.userId,
          data: {
            party: {
              kind: body.party.kind,
              name: party.name,
              uscc: party.uscc,
              idNoMasked: party.idNo ? maskIdCard(party.idNo) : null,
              address: party.address,
              legalRep: party.legalRep,
            },
            place: body.place,
            paymentPlace: body.paymentPlace ?? null,
          },
        });
        await setSummaryDecisionNo(tx, caseId, doc.docNo);
        // The penalty fact changed: the entity's credit class is recomputed (a summary decision is not published).
        await onCaseDecided(tx, caseId, { actor, calendar: cal, today });
        await insertStep(tx, {
          caseId,
          action: 'summaryDecide',
          from: null,
          to: 'served',
          actorId: actor.userId,
          documentId: doc.id,
          note: null,
          data: { decisionNo: doc.docNo, place: body.place, paymentDueOn, filingDueOn, officerIds: body.officerIds },
        });
        await appendAudit(tx, actor, {
          action: 'case.summaryDecide',
          targetType: 'case',
          targetId: caseId,
          detail: { decisionNo: doc.docNo, fineFen: fine, penalties: body.penalties.map((p) => p.kind) },
        });
        return {
          caseId,
          decisionNo: doc.docNo,
          documentId: doc.id,
          decidedOn: today,
          paymentDueOn,
          filingDueOn,
          fineFen: fine,
          ...documentUrls(doc.id),
        };
      });
    },
  };
}

export type SummaryService = ReturnType<typeof createSummaryService>;
