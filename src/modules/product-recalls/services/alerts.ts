import type { z } from 'zod';
import type { ZAlertMatchDecision, ZAlertMatchQuery } from '../../../contracts/product-recalls.ts';
import type { Db } from '../../../db/client.ts';
import { decodeCursor, keysetPage } from '../../../db/sql.ts';
import {
  type AlertMatchAction,
  type AlertMatchStatus,
  alertMatchStatusLabels,
  alertMatchTransitions,
} from '../../../domain/product-recall-workflow.ts';
import type { WorkingDayCalendar } from '../../../domain/working-days.ts';
import { assertPermitted, assertReadable, assertWritable } from '../../../platform/access.ts';
import type { Actor } from '../../../platform/actor.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { allowTransition, recordTransition, staleVersion } from '../../../platform/workflow.ts';
import { createCaseLead } from '../../cases/published.ts';
import { productAlertMatchKind, productAlertMatchReach } from '../access.ts';
import * as repo from '../repos/alerts.ts';
import { toMatch } from '../view.ts';

const roleLabels = { producer: '生产者', seller: '销售者' } as const;

/** The match review queue: staff confirm a match (→ 案件线索 in the entity's station) or dismiss it with a reason. */
export function createAlertService(db: Db, deps: { calendar: () => Promise<WorkingDayCalendar> }) {
  async function decide(actor: Actor, id: number, action: AlertMatchAction, body: z.infer<typeof ZAlertMatchDecision>) {
    const m = assertWritable(actor, productAlertMatchKind, await repo.getMatch(db, id), productAlertMatchReach);
    const t = allowTransition(
      alertMatchTransitions,
      action,
      m.status as AlertMatchStatus,
      alertMatchStatusLabels,
      body,
    );
    if (m.version !== body.version) throw staleVersion('该匹配已被他人处理，请刷新后重试');
    const cal = action === 'confirm' ? await deps.calendar() : undefined;
    await db.transaction(async (tx) => {
      const leadCode =
        action === 'confirm'
          ? await createCaseLead(
              tx,
              {
                sourceType: 'other',
                sourceRef: `product-alert-match:${m.id}`,
                entityId: m.entityId,
                stationId: m.stationId,
                summary: `产品风险通报 ${m.sourceRef}（${m.source}，${m.publishedOn}）：${m.productName}，${m.risk}。${roleLabels[m.role]}与登记主体“${m.entityName}”（${m.uscc}）${m.matchedBy === 'uscc' ? '统一社会信用代码一致' : '名称一致'}，经核实确认。`,
                createdBy: actor.userId,
              },
              cal,
            )
          : null;
      await recordTransition(tx, actor, {
        change: () =>
          repo.updateMatch(tx, m.id, m.version, {
            status: t.to,
            note: body.note ?? null,
            lead_code: leadCode,
            decided_by: actor.userId,
            decided_at: new Date().toISOString(),
          }),
        event: async () => {},
        audit: {
          action: `productAlertMatch.${action}`,
          targetType: 'productAlertMatch',
          targetId: m.id,
          detail: { from: m.status, to: t.to, entityId: m.entityId, leadCode, note: body.note ?? null },
        },
      });
    });
    return toMatch((await repo.getMatch(db, id))!);
  }

  return {
    async list(actor: Actor, q: z.infer<typeof ZAlertMatchQuery>) {
      assertPermitted(actor, productAlertMatchKind, 'list');
      const [afterId] = (decodeCursor(q.cursor) ?? []) as number[];
      const rows = await repo.listMatches(db, actor, q, { afterId, limit: q.limit });
      const page = keysetPage(rows, q.limit, (r) => [r.id]);
      return { items: page.items.map(toMatch), nextCursor: page.nextCursor };
    },
    async get(actor: Actor, id: number) {
      return toMatch(assertReadable(actor, productAlertMatchKind, await repo.getMatch(db, id), productAlertMatchReach));
    },
    async batches(actor: Actor) {
      assertPermitted(actor, productAlertMatchKind, 'list');
      return repo.listBatches(db, 50);
    },
    async note(actor: Actor, id: number, note: string | null) {
      const m = assertWritable(actor, productAlertMatchKind, await repo.getMatch(db, id), productAlertMatchReach);
      await db.transaction(async (tx) => {
        await repo.setMatchNote(tx, id, note);
        await appendAudit(tx, actor, {
          action: 'productAlertMatch.note',
          targetType: 'productAlertMatch',
          targetId: m.id,
          detail: { note },
        });
      });
      return toMatch((await repo.getMatch(db, id))!);
    },
    confirm: (actor: Actor, id: number, body: z.infer<typeof ZAlertMatchDecision>) =>
      decide(actor, id, 'confirm', body),
    dismiss: (actor: Actor, id: number, body: z.infer<typeof ZAlertMatchDecision>) =>
      decide(actor, id, 'dismiss', body),
  };
}
export type AlertService = ReturnType<typeof createAlertService>;
