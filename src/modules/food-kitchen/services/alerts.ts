import type { z } from 'zod';
import type { ZKitchenAlertQuery, ZKitchenAlertTransitionBody } from '../../../contracts/food-kitchen.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import { kitchenAlertStatuses, kitchenAlertWorkflow } from '../../../domain/kitchen-alerts.ts';
import { assertPermitted, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { notFound } from '../../../platform/errors.ts';
import { allowTransition, recordTransition } from '../../../platform/workflow.ts';
import type { FileService } from '../../files/service.ts';
import { foodBusinessKind } from '../../food/access.ts';
import * as repo from '../repos/alerts.ts';
import { stationStats } from '../repos/stats.ts';
import { businessReachOf, toAlert } from '../view.ts';

/** The staff's side of 明厨亮灶 alerts: the list per station, handling (workflow + audit), snapshots, stats. */
export function createKitchenAlerts(db: Db, deps: { files: Pick<FileService, 'openLinked'> }) {
  return {
    async list(actor: Actor, q: z.infer<typeof ZKitchenAlertQuery>) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const after = decodeCursor(q.cursor);
      const rows = await repo.listAlerts(db, actor, { ...q, afterId: after ? Number(after[0]) : undefined });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toAlert), nextCursor: page.nextCursor };
    },

    async get(actor: Actor, id: number) {
      return toAlert(assertReadable(actor, foodBusinessKind, await repo.getAlert(db, id), businessReachOf));
    },

    async transition(actor: Actor, id: number, body: z.infer<typeof ZKitchenAlertTransitionBody>) {
      const row = assertWritable(actor, foodBusinessKind, await repo.getAlert(db, id), businessReachOf);
      const t = allowTransition(kitchenAlertWorkflow, body.action, row.status, kitchenAlertStatuses, {
        note: body.note,
      });
      await db.transaction((tx) =>
        recordTransition(tx, actor, {
          change: () =>
            repo.setAlertStatus(tx, {
              id,
              version: body.version,
              status: t.to ?? row.status,
              note: body.note ?? null,
              userId: actor.userId,
            }),
          event: async () => {},
          audit: {
            action: `food.kitchen.alert.${body.action}`,
            targetType: 'kitchenAlert',
            targetId: id,
            detail: { from: row.status, to: t.to, note: body.note },
          },
        }),
      );
      return toAlert((await repo.getAlert(db, id))!);
    },

    async snapshot(actor: Actor, id: number) {
      const row = assertReadable(actor, foodBusinessKind, await repo.getAlert(db, id), businessReachOf);
      if (row.snapshotFileId === null) throw notFound('抓拍图片');
      return deps.files.openLinked(row.snapshotFileId, 'kitchen-snapshot');
    },

    async stats(actor: Actor) {
      assertPermitted(actor, foodBusinessKind, 'list');
      const rows = await stationStats(db, actor);
      return {
        stations: rows.map((r) => ({ ...r, enrollmentRate: r.catering ? r.enrolled / r.catering : null })),
      };
    },
  };
}
export type KitchenAlerts = ReturnType<typeof createKitchenAlerts>;
