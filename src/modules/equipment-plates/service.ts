import type { TPlate, TPlateVerification } from '../../contracts/equipment-hazards.ts';
import type { Db } from '../../db/client.ts';
import {
  LIFT_EMERGENCY_NUMBER,
  type PlateQuery,
  parsePlateQuery,
  plateUrl,
  signPlate,
  verifyPlateSignature,
} from '../../domain/lift-plate.ts';
import { shanghaiToday } from '../../domain/shanghai-date.ts';
import { assertPermitted, assertPlaceable } from '../../platform/access.ts';
import type { Actor } from '../../platform/actor.ts';
import { appendAudit } from '../../platform/audit.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { authorityOf, equipmentFacts } from '../equipment-hazards/published.ts';
import type { SigningKeys } from '../signing/published.ts';
import { equipmentPlateKind } from './access.ts';
import * as repo from './repo.ts';

export interface PlateDeps {
  keys: SigningKeys;
  /** The lift's last maintenance (维保) date, from the register (src/modules/equipment/published.ts). */
  lastMaintenanceOf?: (equipmentId: number) => Promise<string | null>;
  now?: () => Date;
}

const LIFT_CATEGORY = /^3/;

const forged = (reason: NonNullable<TPlateVerification['reason']>): TPlateVerification => ({
  status: 'forged',
  reason,
  plate: null,
  equipment: null,
  emergencyNumber: LIFT_EMERGENCY_NUMBER,
});

const toPlate = (r: repo.PlateRow, origin: string): TPlate => ({
  id: r.id,
  equipmentId: r.equipmentId,
  equipmentCode: r.equipmentCode,
  registrationNo: r.registrationNo,
  validUntil: r.validUntil,
  issuedOn: r.issuedOn,
  kid: r.kid,
  url: plateUrl(origin, { ...r, plateId: r.id }, r.signature),
  current: r.current,
  createdAt: new Date(r.createdAt).toISOString(),
});

/** 电梯使用标志: issue (signed, audited, supersedes the lift's earlier plate), list, and the public verification. */
export function createPlateService(db: Db, deps: PlateDeps) {
  const today = () => shanghaiToday(deps.now?.() ?? new Date());
  return {
    async issue(actor: Actor, equipmentId: number, origin: string) {
      assertPermitted(actor, equipmentPlateKind, 'write');
      const eq = await equipmentFacts(db, equipmentId);
      if (!eq) throw notFound('特种设备');
      assertPlaceable(actor, equipmentPlateKind, eq.stationId);
      if (!LIFT_CATEGORY.test(eq.categoryCode))
        throw new AppError('INVALID_STATE', '使用标志二维码仅适用于电梯', [
          { path: 'equipmentId', message: '不是电梯' },
        ]);
      if (!eq.registrationNo || !eq.nextInspectionDue)
        throw new AppError('INVALID_STATE', '电梯未办理使用登记或没有下次检验日期，不能制作使用标志', [
          { path: 'equipmentId', message: '未登记或无检验日期' },
        ]);
      const signer = await deps.keys.signer();
      const base = {
        equipmentId,
        stationId: eq.stationId,
        equipmentCode: eq.equipmentCode,
        registrationNo: eq.registrationNo,
        validUntil: eq.nextInspectionDue,
        issuedOn: today(),
        kid: signer.kid,
      };
      const id = await db.transaction(async (tx) => {
        const plateId = await repo.insertPlate(tx, { ...base, createdBy: actor.userId });
        await repo.setSignature(tx, plateId, signPlate({ ...base, plateId }, signer.privateKey));
        await appendAudit(tx, actor, {
          action: 'equipment.plate.issue',
          targetType: 'equipment_plate',
          targetId: plateId,
          detail: { equipmentId, validUntil: base.validUntil, kid: signer.kid },
        });
        return plateId;
      });
      return toPlate((await repo.getPlate(db, id))!, origin);
    },

    async list(actor: Actor, equipmentId: number, origin: string) {
      assertPermitted(actor, equipmentPlateKind, 'list');
      return (await repo.platesOf(db, actor, equipmentId)).map((r) => toPlate(r, origin));
    },

    /**
     * The public answer for a scanned plate: forged unless well formed, signed with one of the bureau's keys and on
     * record with exactly these fields; superseded when the lift has a newer plate; expired (red) when the lift's
     * inspection is no longer valid today; else valid.
     */
    async verify(q: Partial<PlateQuery>): Promise<TPlateVerification> {
      const parsed = parsePlateQuery(q);
      if (!parsed) return forged('malformed');
      const { fields, signature } = parsed;
      const key = await deps.keys.publicKey(fields.kid);
      if (!key) return forged('unknownKey');
      if (!verifyPlateSignature(fields, signature, key)) return forged('badSignature');
      const row = await repo.getPlate(db, fields.plateId);
      if (
        !row ||
        row.signature !== signature ||
        row.equipmentCode !== fields.equipmentCode ||
        row.registrationNo !== fields.registrationNo ||
        row.validUntil !== fields.validUntil ||
        row.issuedOn !== fields.issuedOn
      )
        return forged('notIssued');
      const facts = (await repo.publicFacts(db, row.equipmentId))!;
      const day = today();
      const expired =
        facts.inspectionState === 'overdue' || facts.nextInspectionDue === null || facts.nextInspectionDue < day;
      return {
        status: !row.current ? 'superseded' : expired ? 'expired' : 'valid',
        reason: null,
        plate: {
          id: row.id,
          equipmentCode: row.equipmentCode,
          registrationNo: row.registrationNo,
          validUntil: row.validUntil,
          issuedOn: row.issuedOn,
        },
        equipment: {
          categoryName: facts.categoryName,
          address: facts.address,
          userUnit: facts.userUnit,
          maintenanceUnit: facts.maintenanceUnit,
          lastMaintenanceOn: (await deps.lastMaintenanceOf?.(row.equipmentId)) ?? null,
          nextInspectionDue: facts.nextInspectionDue,
          inspectionState: facts.inspectionState,
          status: facts.status,
          authority: await authorityOf(db, facts.stationId),
        },
        emergencyNumber: LIFT_EMERGENCY_NUMBER,
      };
    },
  };
}

export type PlateService = ReturnType<typeof createPlateService>;
