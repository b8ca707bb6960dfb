import type { z } from 'zod';
import type {
  ZKitchenEnrollmentBody,
  ZKitchenEnrollmentPatch,
  ZKitchenEnrollmentQuery,
} from '../../../contracts/food-kitchen.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import { isUniqueViolation, violatedConstraint } from '../../../db/errors.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { assertPermitted, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, conflict, validation } from '../../../platform/errors.ts';
import { staleVersion } from '../../../platform/workflow.ts';
import { foodBusinessKind } from '../../food/access.ts';
import * as repo from '../repos/enrollments.ts';
import * as vendors from '../repos/vendors.ts';
import { businessReachOf, toEnrollment } from '../view.ts';

type Cameras = z.infer<typeof ZKitchenEnrollmentBody>['cameras'];

function checkCameras(cameras: Cameras) {
  const seen = new Set<string>();
  cameras.forEach((c, i) => {
    if (seen.has(c.cameraId)) throw validation(`cameras.${i}.cameraId`, `摄像头编号 ${c.cameraId} 重复`);
    seen.add(c.cameraId);
  });
}

/** A camera id the vendor already uses at another business: 409 naming it. */
async function withCameraKey<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err) && violatedConstraint(err) === 'kitchen_cameras_pkey')
      throw conflict('摄像头编号已登记在该平台的其他经营者下', [{ path: 'cameras', message: '摄像头编号已被占用' }]);
    if (isUniqueViolation(err)) throw conflict('该经营者已接入明厨亮灶', [{ path: 'businessId', message: '已接入' }]);
    throw err;
  }
}

/** 明厨亮灶 enrollment of food businesses, kept by food:write holders in the business's reach. */
export function createKitchenEnrollments(db: Db) {
  const load = async (q: Queryable, id: number) => toEnrollment((await repo.getEnrollment(q, id))!);
  return {
    async list(actor: Actor, q: z.infer<typeof ZKitchenEnrollmentQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const after = decodeCursor(q.cursor);
      const rows = await repo.listEnrollments(db, actor, {
        q: q.q,
        afterId: after ? Number(after[0]) : undefined,
        limit: q.limit,
      });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toEnrollment), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: number) {
      return toEnrollment(assertReadable(actor, foodBusinessKind, await repo.getEnrollment(db, id), businessReachOf));
    },

    async enroll(actor: Actor, body: z.infer<typeof ZKitchenEnrollmentBody>) {
      const business = await repo.businessReach(db, body.businessId);
      if (!business) assertPermitted(actor, foodBusinessKind, 'write');
      assertWritable(actor, foodBusinessKind, business, businessReachOf);
      if (!(await vendors.getVendor(db, body.vendorId))) throw validation('vendorId', '明厨亮灶平台不存在');
      checkCameras(body.cameras);
      const id = await withCameraKey(() =>
        db.transaction(async (tx) => {
          const id = await repo.insertEnrollment(tx, { ...body, createdBy: actor.userId });
          await repo.replaceCameras(tx, id, body.vendorId, body.cameras);
          await appendAudit(tx, actor, {
            action: 'food.kitchen.enroll',
            targetType: 'foodBusiness',
            targetId: body.businessId,
            detail: { enrollmentId: id, vendorId: body.vendorId, cameras: body.cameras.length },
          });
          return id;
        }),
      );
      return load(db, id);
    },

    async update(actor: Actor, id: number, body: z.infer<typeof ZKitchenEnrollmentPatch>) {
      const row = assertWritable(actor, foodBusinessKind, await repo.getEnrollment(db, id), businessReachOf);
      if (body.endedOn && body.endedOn < row.enrolledOn)
        throw new AppError('VALIDATION', '退出日期不能早于接入日期', [{ path: 'endedOn', message: '早于接入日期' }]);
      if (body.cameras) checkCameras(body.cameras);
      await withCameraKey(() =>
        db.transaction(async (tx) => {
          if (!(await repo.updateEnrollment(tx, { id, version: body.version, endedOn: body.endedOn })))
            throw staleVersion();
          if (body.cameras) await repo.replaceCameras(tx, id, row.vendorId, body.cameras);
          await appendAudit(tx, actor, {
            action: 'food.kitchen.enrollment.update',
            targetType: 'foodBusiness',
            targetId: row.businessId,
            detail: { enrollmentId: id, endedOn: body.endedOn, cameras: body.cameras?.length },
          });
        }),
      );
      return load(db, id);
    },
  };
}
export type KitchenEnrollments = ReturnType<typeof createKitchenEnrollments>;
