import { placardGrades } from '../domain/food-placard-grades.ts';
import { ZIsoDate, ZTimestamp } from './common.ts';
import { z } from './zod.ts';

/** 食品安全 point 5: signed QR placards (公示牌) and their public verification. */
export const ZPlacardGrade = z.enum(placardGrades);
export const ZFoodGradeCode = z.enum(['excellent', 'good', 'fair', 'none', 'A', 'B', 'C']);

export const ZPlacardIssueBody = z.object({
  /** Which of the business's current grades the placard shows: the dynamic grade (default) or the annual one. */
  kind: z.enum(['dynamic', 'annual']).default('dynamic'),
});

export const ZFoodPlacard = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  gradeId: z.number().int(),
  grade: ZPlacardGrade,
  issuedOn: ZIsoDate,
  kid: z.string(),
  /** The QR code's address (the portal's verification page). */
  url: z.string(),
  /** The shown grade's state now: current, superseded by a newer grade, or withdrawn on appeal. */
  gradeStatus: z.enum(['current', 'superseded', 'withdrawn']),
  createdByName: z.string().nullable(),
  createdAt: ZTimestamp,
});
export type TFoodPlacard = z.infer<typeof ZFoodPlacard>;

export const ZPlacardPdfQuery = z.object({ size: z.enum(['A4', 'A5']).default('A4') });

/** The QR URL's query, as scanned: each field is checked by the service, so a bad one answers "forged", not 400. */
const field = z.string().max(200).optional();
export const ZPlacardVerifyQuery = z.object({ k: field, i: field, e: field, g: field, d: field, s: field });

export const placardVerdicts = ['valid', 'superseded', 'withdrawn', 'forged'] as const;
export const ZPlacardVerification = z.object({
  /** valid 有效 · superseded 已被新等级取代 · withdrawn 等级已撤销 · forged 伪造/无效 */
  status: z.enum(placardVerdicts),
  /** Why a placard is forged: malformed URL, unknown key id, bad signature, or no such placard on record. */
  reason: z.enum(['malformed', 'unknownKey', 'badSignature', 'notIssued']).nullable(),
  placard: z
    .object({ id: z.number().int(), uscc: z.string(), grade: ZPlacardGrade, issuedOn: ZIsoDate, kid: z.string() })
    .nullable(),
  business: z.object({ name: z.string(), licenceNo: z.string().nullable(), authority: z.string() }).nullable(),
  /** When the placard's grade stopped being current, and the grade that replaced it. */
  supersededOn: ZIsoDate.nullable(),
  supersededBy: ZFoodGradeCode.nullable(),
  /** The business's current grade of the placard's kind. */
  current: z.object({ grade: ZFoodGradeCode, gradedOn: ZIsoDate }).nullable(),
  latestInspection: z
    .object({ inspectedOn: ZIsoDate, result: z.enum(['pass', 'basicPass', 'fail']).nullable() })
    .nullable(),
});
export type TPlacardVerification = z.infer<typeof ZPlacardVerification>;

export const ZPlacardKey = z.object({
  kid: z.string(),
  /** SPKI PEM, for `shijian verify-placard URL --public-key file` */
  publicKey: z.string(),
  createdAt: ZTimestamp,
  /** The key new placards are signed with. */
  active: z.boolean(),
});
export const ZPlacardKeys = z.object({ keys: z.array(ZPlacardKey) });
export type TPlacardKeys = z.infer<typeof ZPlacardKeys>;
