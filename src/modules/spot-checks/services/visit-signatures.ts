import {
  type TVisitSignatures,
  visitRecordPdfUrl,
  ZSignatureFields,
} from '../../../contracts/spot-check-signatures.ts';
import type { TVisitDetail } from '../../../contracts/spot-checks.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { assertParticipant, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import type { SignatureSlot } from '../../../platform/doc-layout.ts';
import { renderLayoutPdf } from '../../../platform/doc-pdf.ts';
import { AppError, notFound, validation } from '../../../platform/errors.ts';
import { type CjkFont, chineseDate } from '../../../platform/pdf.ts';
import { checkPng, type PngLimits } from '../../../platform/png-check.ts';
import type { ReceivedFile } from '../../../platform/uploads.ts';
import type { FileService } from '../../files/service.ts';
import { spotCheckVisitKind, visitReach } from '../access.ts';
import * as sigRepo from '../repos/signatures.ts';
import * as repo from '../repos/visits.ts';
import { visitRecordBlocks, visitRecordNo } from '../templates/visit-record.ts';

const purpose = 'inspection-signature' as const;

/** A drawn signature: a canvas of a phone or a tablet, up to a high-density screen's width. */
export const signaturePng: PngLimits = {
  maxBytes: 512 * 1024,
  minWidth: 40,
  minHeight: 20,
  maxWidth: 4096,
  maxHeight: 2048,
};

/** The statuses in which the record may still be signed: after publication it is the public record. */
const signable = new Set(['assigned', 'inspected']);

/**
 * Deletes a visit's signatures inside the caller's transaction (a result entered or changed: they signed a
 * different record), their images with them, and audits who had signed. Nothing to do for an unsigned visit.
 */
export async function clearVisitSignatures(
  tx: Queryable,
  files: Pick<FileService, 'remove'>,
  actor: Actor,
  visitId: number,
): Promise<void> {
  const cleared = await sigRepo.clearSignatures(tx, visitId);
  if (!cleared.length) return;
  await files.remove(
    tx,
    cleared.map((c) => c.fileId),
  );
  await appendAudit(tx, actor, {
    action: 'spotcheck.visit.signatures.clear',
    targetType: 'spotCheckVisit',
    targetId: visitId,
    detail: { signers: cleared.map((c) => c.signerName), reason: 'result-changed' },
  });
}

/**
 * Signatures on a visit's 检查记录表, captured on the inspector's phone: the entity's representative signs on an
 * inspector's screen, each inspector signs for themself; only the visit's drawn inspectors upload them
 * (src/platform/access.ts, assertParticipant). The record prints as PDF for whoever may read the visit.
 */
export function createVisitSignatureService(
  db: Db,
  deps: {
    /** The visit as its page shows it (items and results); structural, so the visit service may call back here. */
    visits: { get(actor: Actor, id: number): Promise<TVisitDetail> };
    files: Pick<FileService, 'store' | 'remove' | 'openLinked'>;
    font: () => CjkFont | undefined;
  },
) {
  const readable = async (actor: Actor, id: number) =>
    assertReadable(actor, spotCheckVisitKind, await repo.findVisit(db, id), visitReach(actor.userId));

  async function view(actor: Actor, v: repo.VisitRecord): Promise<TVisitSignatures> {
    const rows = await sigRepo.signaturesOf(db, v.id);
    const mine = v.inspectors.find((i) => i.userId === actor.userId);
    const image = (id: number) => `/api/v1/spot-checks/visits/${v.id}/signatures/${id}/image`;
    const entity = rows.find((r) => r.inspectorId === null);
    return {
      visitId: v.id,
      canSign: !!mine && signable.has(v.status) && actor.permissions.has('spotcheck:write'),
      myInspectorId: mine?.id ?? null,
      signers: [
        {
          signer: 'entity',
          inspectorId: null,
          name: entity?.signerName ?? null,
          signed: !!entity,
          signedAt: entity ? new Date(entity.signedAt).toISOString() : null,
          imageUrl: entity ? image(entity.id) : null,
        },
        ...v.inspectors.map((i) => {
          const s = rows.find((r) => r.inspectorId === i.id);
          return {
            signer: 'inspector' as const,
            inspectorId: i.id,
            name: i.name,
            signed: !!s,
            signedAt: s ? new Date(s.signedAt).toISOString() : null,
            imageUrl: s ? image(s.id) : null,
          };
        }),
      ],
      recordPdfUrl: visitRecordPdfUrl(v.id),
    };
  }

  return {
    maxUploadBytes: signaturePng.maxBytes,

    async list(actor: Actor, id: number): Promise<TVisitSignatures> {
      return view(actor, await readable(actor, id));
    },

    /**
     * One signature, as a PNG (`read` reads the multipart body, only once the caller may sign: nothing is read
     * for a refused request). Replaces the signer's earlier signature; one audit row with the image's hash.
     */
    async sign(
      actor: Actor,
      id: number,
      read: () => Promise<{ file: ReceivedFile; fields: Record<string, string> }>,
    ): Promise<TVisitSignatures> {
      const v = assertWritable(actor, spotCheckVisitKind, await repo.findVisit(db, id), visitReach(actor.userId));
      assertParticipant(
        actor,
        spotCheckVisitKind,
        visitReach(actor.userId)(v),
        '只有本次检查抽中的检查人员才能采集签名',
      );
      if (!signable.has(v.status)) throw new AppError('INVALID_STATE', '检查结果已公示，检查记录表不能再签名');
      const detail = await deps.visits.get(actor, id);
      const open = detail.items.filter((i) => !i.result);
      if (open.length) throw validation('items', `尚有事项未录入结果，不能签名：${open.map((i) => i.name).join('、')}`);
      const { file, fields } = await read();
      const parsed = ZSignatureFields.safeParse(fields);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw validation(String(issue.path[0] ?? 'signer'), issue.message);
      }
      const png = checkPng(Buffer.concat(file.pieces), signaturePng);
      const me = v.inspectors.find((i) => i.userId === actor.userId)!;
      const inspectorId = parsed.data.signer === 'inspector' ? me.id : null;
      const signerName = parsed.data.signer === 'inspector' ? me.name : parsed.data.signerName!;
      await db.transaction(async (tx) => {
        const stored = await deps.files.store(
          tx,
          { ...file, filename: 'signature.png', mimeType: 'image/png' },
          {
            purpose,
            ownerUnitId: v.stationId,
            createdBy: actor.userId,
          },
        );
        const saved = await sigRepo.saveSignature(tx, {
          visitId: v.id,
          inspectorId,
          signerName,
          fileId: stored.id,
          signedBy: actor.userId,
        });
        if (saved.replacedFileId !== null) await deps.files.remove(tx, [saved.replacedFileId]);
        await appendAudit(tx, actor, {
          action: 'spotcheck.visit.sign',
          targetType: 'spotCheckVisit',
          targetId: v.id,
          detail: {
            signer: parsed.data.signer,
            inspectorId,
            signerName,
            fileId: stored.id,
            sha256: stored.sha256,
            width: png.width,
            height: png.height,
            replaced: saved.replacedFileId !== null,
          },
        });
      });
      return view(actor, v);
    },

    /** A signature's image, for whoever may read the visit. */
    async image(actor: Actor, id: number, signatureId: number) {
      await readable(actor, id);
      const s = (await sigRepo.signaturesOf(db, id)).find((r) => r.id === signatureId);
      if (!s) throw notFound('签名');
      return deps.files.openLinked(s.fileId, purpose);
    },

    /** The 检查记录表 as PDF with the signatures drawn in; every print audited. */
    async recordPdf(actor: Actor, id: number) {
      const v = await readable(actor, id);
      const [detail, rows, facts, credentials, authority] = await Promise.all([
        deps.visits.get(actor, id),
        sigRepo.signaturesOf(db, id),
        sigRepo.entityFacts(db, v.entityId),
        sigRepo.inspectorCredentials(
          db,
          v.inspectors.map((i) => i.id),
        ),
        sigRepo.bureauNameOf(db, v.stationId),
      ]);
      const slot = async (role: string, name: string, s?: sigRepo.SignatureRecord): Promise<SignatureSlot> => {
        if (!s) return { role, name };
        const { data } = await deps.files.openLinked(s.fileId, purpose);
        return { role, name: s.signerName, png: data, signedOn: chineseDate(shanghaiToday(new Date(s.signedAt))) };
      };
      const slots = await Promise.all([
        slot(
          '被检查单位签名',
          '',
          rows.find((r) => r.inspectorId === null),
        ),
        ...v.inspectors.map((i) =>
          slot(
            '检查人员签名',
            i.name,
            rows.find((r) => r.inspectorId === i.id),
          ),
        ),
      ]);
      const docNo = visitRecordNo(id);
      const body = await renderLayoutPdf(deps.font(), {
        authority: authority ?? v.stationName,
        title: '检查记录表',
        docNo,
        blocks: visitRecordBlocks({
          visit: detail,
          planName: v.planName,
          address: facts?.address ?? null,
          legalRepName: facts?.legalRepName ?? null,
          credentials: new Map(credentials.map((c) => [c.id, c.credentialNo])),
          slots,
        }),
        footer: `检查记录表　${docNo}`,
      });
      await appendAudit(db, actor, {
        action: 'spotcheck.visit.record.print',
        targetType: 'spotCheckVisit',
        targetId: id,
        detail: { signed: rows.length },
      });
      return { body, filename: `检查记录表（${v.entityName}）.pdf`, ascii: `inspection-record-${id}.pdf` };
    },
  };
}

export type VisitSignatureService = ReturnType<typeof createVisitSignatureService>;
