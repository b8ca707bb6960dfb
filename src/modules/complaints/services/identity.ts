import type { Db } from '../../../db/client.ts';
import { maskPersonalText } from '../../../domain/personal-text.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { forbidden, notFound } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { findIdentity } from '../repos/identity.ts';

/**
 * Who may see a complainant's identity in full, among those who may read the item (access.ts) (docs/SECURITY.md): the handlers of the unit that owns the item
 * and, to call back, the 12315 centre; a reporter who asked for confidentiality only the owning unit. Holding every
 * permission is not enough: a system administrator (admin, 等保三级 separation of system administration and
 * business data) belongs to neither, and a leader or department reads without handling.
 */
export function canRevealIdentity(
  actor: Pick<Actor, 'permissions' | 'unitId' | 'unitKind'>,
  row: { stationId: number; confidential: boolean },
): boolean {
  if (!actor.permissions.has('complaint:write')) return false;
  if (actor.unitId === row.stationId) return true;
  return actor.unitKind === 'centre' && !row.confidential;
}

/** Reveal on demand: the reason is required and audited (masked), the identity never enters the audit log. */
export function createComplaintIdentity(
  db: Db,
  deps: {
    pii: PiiCipher;
    /** The item, when the caller may read it (services/complaints.ts). */
    complaints: { readable(actor: Actor, id: number): Promise<{ stationId: number; confidential: boolean }> };
  },
) {
  return {
    async reveal(actor: Actor, id: number, reason: string) {
      const row = await deps.complaints.readable(actor, id);
      if (!canRevealIdentity(actor, row))
        throw forbidden(
          row.confidential
            ? '举报人要求保密，只有承办单位的办理人员可以查看其身份信息'
            : '只有承办单位或12315投诉举报中心的办理人员可以查看当事人完整信息',
        );
      const identity = await db.transaction(async (tx) => {
        const found = await findIdentity(tx, id);
        await appendAudit(tx, actor, {
          action: 'complaint.identity.reveal',
          targetType: 'complaint',
          targetId: id,
          detail: { reason: maskPersonalText(reason), confidential: row.confidential },
        });
        return found;
      });
      if (!identity) throw notFound('投诉举报事项');
      return {
        name: identity.personName,
        phone: identity.personPhone,
        idNumber: identity.personIdCipher ? deps.pii.decrypt(identity.personIdCipher) : null,
      };
    },
  };
}

export type ComplaintIdentity = ReturnType<typeof createComplaintIdentity>;
