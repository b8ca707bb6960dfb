import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ZKitchenRotateBody, ZKitchenVendorBody } from '../../../contracts/food-kitchen.ts';
import type { Db } from '../../../db/client.ts';
import { isUniqueViolation } from '../../../db/errors.ts';
import { type Actor, requirePermission } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { conflict, notFound } from '../../../platform/errors.ts';
import type { PiiCipher } from '../../../platform/pii.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import * as repo from '../repos/vendors.ts';
import { toVendor } from '../view.ts';

/** A fresh HMAC key: 32 random bytes, base64url (what the vendor configures on its platform). */
export const newVendorSecret = () => randomBytes(32).toString('base64url');

/**
 * Camera platform vendors (food:settings). The key is kept encrypted and answered once, when it is made or rotated;
 * after a rotation the previous key verifies for a grace period so the vendor's switch loses no alert.
 */
export function createKitchenVendors(db: Db, deps: { pii: Pick<PiiCipher, 'encrypt' | 'decrypt'> }) {
  return {
    async list(actor: Actor) {
      requirePermission(actor, 'food:read');
      return (await repo.listVendors(db)).map(toVendor);
    },

    async create(actor: Actor, body: z.infer<typeof ZKitchenVendorBody>) {
      requirePermission(actor, 'food:settings');
      const secret = newVendorSecret();
      try {
        const id = await db.transaction(async (tx) => {
          const id = await repo.insertVendor(tx, {
            code: body.code,
            name: body.name,
            secretEnc: deps.pii.encrypt(secret),
            createdBy: actor.userId,
          });
          await appendAudit(tx, actor, {
            action: 'food.kitchen.vendor.create',
            targetType: 'kitchenVendor',
            targetId: id,
          });
          return id;
        });
        return { ...toVendor((await repo.getVendor(db, id))!), secret };
      } catch (err) {
        if (isUniqueViolation(err)) throw conflict('平台代码已存在', [{ path: 'code', message: '平台代码已存在' }]);
        throw err;
      }
    },

    async rotate(actor: Actor, id: number, body: z.infer<typeof ZKitchenRotateBody>) {
      requirePermission(actor, 'food:settings');
      if (!(await repo.getVendor(db, id))) throw notFound('明厨亮灶平台');
      const secret = newVendorSecret();
      await db.transaction(async (tx) => {
        const ok = await repo.rotateSecret(tx, {
          id,
          version: body.version,
          secretEnc: deps.pii.encrypt(secret),
          previousValidUntil: new Date(Date.now() + body.graceHours * 3_600_000),
        });
        if (!ok) throw staleVersion();
        await appendAudit(tx, actor, {
          action: 'food.kitchen.vendor.rotate',
          targetType: 'kitchenVendor',
          targetId: id,
          detail: { graceHours: body.graceHours },
        });
      });
      return { ...toVendor((await repo.getVendor(db, id))!), secret };
    },

    /** The keys a delivery from `code` may be signed with (none: unknown or inactive vendor). */
    async keys(code: string): Promise<{ vendorId: number; secrets: string[] } | undefined> {
      const row = await repo.vendorKeys(db, code);
      if (!row) return undefined;
      const secrets = [deps.pii.decrypt(row.secretEnc)];
      if (row.previousSecretEnc) secrets.push(deps.pii.decrypt(row.previousSecretEnc));
      return { vendorId: row.id, secrets };
    },
  };
}
export type KitchenVendors = ReturnType<typeof createKitchenVendors>;
