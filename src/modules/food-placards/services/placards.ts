import type { TPlacardVerification } from '../../../contracts/food-placards.ts';
import type { Db } from '../../../db/client.ts';
import {
  type PlacardGrade,
  type PlacardQuery,
  parsePlacardQuery,
  placardGrades,
  placardUrl,
  signPlacard,
  verifyPlacardSignature,
} from '../../../domain/food-placard.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertPermitted, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError } from '../../../platform/errors.ts';
import { type CjkFont, noCjkFont } from '../../../platform/pdf.ts';
import { foodBusinessKind, foodBusinessReach } from '../../food/access.ts';
import type { SigningKeys } from '../../signing/published.ts';
import * as placards from '../repos/placards.ts';
import { toPlacard } from '../view.ts';
import { placardPdf } from './pdf.ts';

export interface PlacardDeps {
  keys: SigningKeys;
  font: () => CjkFont | undefined;
  now?: () => Date;
}

const reachOf = (r: { stationId: number; createdBy: number | null; inspectorId: number | null }) =>
  foodBusinessReach(r);

const forged = (reason: NonNullable<TPlacardVerification['reason']>): TPlacardVerification => ({
  status: 'forged',
  reason,
  placard: null,
  business: null,
  supersededOn: null,
  supersededBy: null,
  current: null,
  latestInspection: null,
});

/** 二维码公示牌: issue (audited), list, print (A4/A5 PDF) and the public verification behind the QR code. */
export function createPlacardService(db: Db, deps: PlacardDeps) {
  const bureauNames = new Map<number, string>();
  async function authority(stationId: number): Promise<string> {
    let name = bureauNames.get(stationId);
    if (name === undefined) {
      name = (await placards.bureauNameOf(db, stationId)) ?? '市场监督管理局';
      bureauNames.set(stationId, name);
    }
    return name;
  }

  return {
    /** A placard for the business's current grade of `kind`, signed with the key in use; one audit row. */
    async issue(actor: Actor, businessId: number, kind: 'dynamic' | 'annual', origin: string) {
      const b = assertWritable(
        actor,
        foodBusinessKind,
        await placards.businessWithGrade(db, businessId, kind),
        reachOf,
      );
      const label = kind === 'dynamic' ? '动态等级' : '年度等级';
      if (b.gradeId === null || b.grade === null)
        throw new AppError('INVALID_STATE', `该经营者没有当前${label}，不能制作公示牌`, [
          { path: 'kind', message: `没有当前${label}` },
        ]);
      if (!(placardGrades as readonly string[]).includes(b.grade))
        throw new AppError('INVALID_STATE', `当前${label}为“不予评级”，不能制作等级公示牌`, [
          { path: 'kind', message: '不予评级' },
        ]);
      const signer = await deps.keys.signer();
      const issuedOn = shanghaiToday(deps.now?.() ?? new Date());
      const grade = b.grade as PlacardGrade;
      const id = await db.transaction(async (tx) => {
        const base = { businessId, gradeId: b.gradeId!, uscc: b.uscc, grade, issuedOn, kid: signer.kid };
        const placardId = await placards.insertPlacard(tx, { ...base, createdBy: actor.userId });
        const signature = signPlacard({ ...base, placardId }, signer.privateKey);
        await placards.setSignature(tx, placardId, signature);
        await appendAudit(tx, actor, {
          action: 'food.placard.issue',
          targetType: 'food_placard',
          targetId: placardId,
          detail: { businessId, gradeId: b.gradeId, grade, issuedOn, kid: signer.kid },
        });
        return placardId;
      });
      return toPlacard((await placards.getPlacard(db, id))!, origin);
    },

    async list(actor: Actor, businessId: number, origin: string) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const rows = await placards.listPlacards(db, actor, businessId, 100);
      return rows.map((r) => toPlacard(r, origin));
    },

    /** The printable placard: the grade's face and word, the business, the inspection date and the QR code. */
    async pdf(actor: Actor, placardId: number, size: 'A4' | 'A5', origin: string) {
      const p = assertReadable(actor, foodBusinessKind, await placards.getPlacard(db, placardId), reachOf);
      const font = deps.font();
      if (!font) throw noCjkFont();
      const facts = (await placards.printFacts(db, p.id))!;
      const bytes = await placardPdf({
        size,
        font,
        kind: facts.kind,
        grade: p.grade,
        entityName: facts.entityName,
        licenceNo: facts.licenceNo,
        inspectedOn: facts.inspectedOn,
        issuedOn: p.issuedOn,
        placardId: p.id,
        url: placardUrl(origin, { ...p, placardId: p.id }, p.signature),
        authority: await authority(p.stationId),
      });
      return { bytes, filename: `食品安全等级公示牌-${p.id}-${size}.pdf` };
    },

    /**
     * The public answer for a scanned URL: forged unless the URL is well formed, its key is one of the bureau's,
     * the signature holds and the placard is on record with exactly these fields; else whether its grade is still
     * the current one. Indexed lookups only (primary keys and the one-current-grade index).
     */
    async verify(q: Partial<PlacardQuery>): Promise<TPlacardVerification> {
      const parsed = parsePlacardQuery(q);
      if (!parsed) return forged('malformed');
      const { fields, signature } = parsed;
      const key = await deps.keys.publicKey(fields.kid);
      if (!key) return forged('unknownKey');
      if (!verifyPlacardSignature(fields, signature, key)) return forged('badSignature');
      const row = await placards.placardCheck(db, fields.placardId);
      if (
        !row ||
        row.uscc !== fields.uscc ||
        row.grade !== fields.grade ||
        row.issuedOn !== fields.issuedOn ||
        row.kid !== fields.kid
      )
        return forged('notIssued');
      return {
        status: row.gradeStatus === 'current' ? 'valid' : row.gradeStatus,
        reason: null,
        placard: { id: row.id, uscc: row.uscc, grade: row.grade, issuedOn: row.issuedOn, kid: row.kid },
        business: { name: row.entityName, licenceNo: row.licenceNo, authority: await authority(row.stationId) },
        supersededOn: row.gradeStatus === 'current' ? null : row.supersededOn,
        supersededBy: (row.supersededBy as TPlacardVerification['supersededBy']) ?? null,
        current:
          row.currentGrade && row.currentGradedOn
            ? { grade: row.currentGrade as PlacardGrade, gradedOn: row.currentGradedOn }
            : null,
        latestInspection: row.inspectedOn ? { inspectedOn: row.inspectedOn, result: row.result } : null,
      };
    },
  };
}

export type PlacardService = ReturnType<typeof createPlacardService>;
