import { z } from './zod.ts';

/** Who signs a visit's 检查记录表: the entity's representative, or one of the visit's drawn inspectors. */
export const ZSignerKind = z.enum(['entity', 'inspector']);
export type TSignerKind = z.infer<typeof ZSignerKind>;

/** The multipart fields beside the PNG (field `file`). An inspector signs for themself; the entity with a name. */
export const ZSignatureFields = z
  .object({
    signer: ZSignerKind,
    signerName: z.string().trim().max(50, '签名人姓名不能超过 50 个字').optional(),
  })
  .superRefine((f, ctx) => {
    if (f.signer === 'entity' && !f.signerName)
      ctx.addIssue({ code: 'custom', path: ['signerName'], message: '请填写被检查单位签名人姓名' });
  });

/** One expected signer of the record and whether they have signed. */
export const ZVisitSigner = z.object({
  signer: ZSignerKind,
  /** The inspector's record id; null for the entity. */
  inspectorId: z.number().int().nullable(),
  /** The inspector's name, or the name the entity's representative signed under (null before they sign). */
  name: z.string().nullable(),
  signed: z.boolean(),
  signedAt: z.string().nullable(),
  /** The signature image (PNG), while signed. */
  imageUrl: z.string().nullable(),
});

export const ZVisitSignatures = z.object({
  visitId: z.number().int(),
  /** The caller is one of the visit's drawn inspectors and the record may still be signed. */
  canSign: z.boolean(),
  /** The caller's own inspector record on this visit, if any (whom "sign as inspector" signs for). */
  myInspectorId: z.number().int().nullable(),
  signers: z.array(ZVisitSigner),
  recordPdfUrl: z.string(),
});
export type TVisitSignatures = z.infer<typeof ZVisitSignatures>;

export const visitRecordPdfUrl = (visitId: number) => `/api/v1/spot-checks/visits/${visitId}/record.pdf`;
