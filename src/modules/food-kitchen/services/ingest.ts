import {
  type TKitchenWebhookBody,
  type TKitchenWebhookResult,
  webhookFieldLabels,
  ZKitchenWebhookBody,
} from '../../../contracts/food-kitchen.ts';
import type { Db, Queryable } from '../../../db/client.ts';
import {
  escalationFor,
  type KitchenEventType,
  type KitchenThresholds,
  kitchenEventTypes,
  snapshotKind,
  timestampFresh,
} from '../../../domain/kitchen-alerts.ts';
import { signatureMatches } from '../../../domain/kitchen-signature.ts';
import { shanghaiToday } from '../../../domain/shanghai-date.ts';
import { addWorkingDays, type WorkingDayCalendar } from '../../../domain/working-days.ts';
import { appendAudit } from '../../../platform/audit.ts';
import { AppError, conflict } from '../../../platform/errors.ts';
import { createCaseLead } from '../../cases/published.ts';
import type { FileService } from '../../files/service.ts';
import * as repo from '../repos/alerts.ts';
import type { KitchenVendors } from './vendors.ts';

export interface KitchenIngestConfig extends KitchenThresholds {
  replayWindowSeconds: number;
  snapshotMaxBytes: number;
  /** Working days from the escalation to the planned follow-up inspection. */
  followupWorkingDays: number;
}

export interface WebhookHeaders {
  vendorId?: string;
  timestamp?: string;
  signature?: string;
}

const UNKNOWN_VENDOR_KEY = 'no-such-vendor';
const unauthenticated = (detail: string) => new AppError('UNAUTHENTICATED', detail);
const badPayload = (path: string, message: string) => {
  const label = webhookFieldLabels[path] ?? path;
  return new AppError('BAD_REQUEST', `${label}（${path}）：${message}`, [{ path, message: `${label}：${message}` }]);
};

/** Base64 → bytes, strictly (a data: URL prefix is tolerated); null when it is not base64. */
function decodeBase64(s: string): Buffer | null {
  const body = s.replace(/^data:[\w/+.-]+;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(body) || body.length % 4 === 1) return null;
  return Buffer.from(body, 'base64');
}

/**
 * The AI cameras' webhook. Authentication first (vendor, fresh timestamp, HMAC over "timestamp.body"): any failure is
 * 401 and nothing is read further or written. Then the body (400 naming the field in Chinese), then one transaction:
 * the camera row is locked (422 when it is not enrolled), the event id recorded (409 on a replay), the snapshot
 * stored, the event folded into its camera's open burst or a new alert opened, and a new alert may escalate.
 */
export function createKitchenIngest(
  db: Db,
  deps: {
    vendors: Pick<KitchenVendors, 'keys'>;
    files: Pick<FileService, 'store'>;
    calendar: () => Promise<WorkingDayCalendar>;
    config: KitchenIngestConfig;
    now?: () => Date;
  },
) {
  const { config } = deps;
  const now = () => deps.now?.() ?? new Date();

  async function authenticate(h: WebhookHeaders, raw: Buffer): Promise<number> {
    if (!h.vendorId || !h.timestamp || !h.signature)
      throw unauthenticated('缺少 X-Vendor-Id、X-Timestamp 或 X-Signature 请求头');
    if (!timestampFresh(h.timestamp, now().getTime(), config.replayWindowSeconds))
      throw unauthenticated(`X-Timestamp 不在允许的时间窗口（±${config.replayWindowSeconds}秒）内`);
    const keys = await deps.vendors.keys(h.vendorId);
    // An unknown vendor costs the same HMAC as a known one, so the answer's timing does not tell vendor codes apart.
    const secrets = keys?.secrets ?? [UNKNOWN_VENDOR_KEY];
    const matched = secrets.some((s) => signatureMatches(s, h.timestamp!, raw, h.signature!));
    if (!(keys && matched)) throw unauthenticated('签名校验失败');
    return keys.vendorId;
  }

  function parse(raw: Buffer): { body: TKitchenWebhookBody; snapshot: Buffer | null; mime: string | null } {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new AppError('BAD_REQUEST', '请求体不是有效的 JSON');
    }
    const parsed = ZKitchenWebhookBody.safeParse(json);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((i) => {
        const path = i.path.join('.');
        const label = webhookFieldLabels[path] ?? path;
        return { path, message: `${label}：${i.message}` };
      });
      throw new AppError('BAD_REQUEST', errors.map((e) => e.message).join('；'), errors);
    }
    const body = parsed.data;
    if (!body.snapshot) return { body, snapshot: null, mime: null };
    const bytes = decodeBase64(body.snapshot.data);
    if (!bytes || bytes.length === 0) throw badPayload('snapshot.data', '不是有效的 Base64 数据');
    if (bytes.length > config.snapshotMaxBytes)
      throw badPayload('snapshot.data', `图片超过 ${Math.floor(config.snapshotMaxBytes / 1024)} KB`);
    const mime = snapshotKind(bytes);
    if (!mime) throw badPayload('snapshot.data', '只接受 JPEG 或 PNG 图片');
    if (body.snapshot.contentType && body.snapshot.contentType !== mime)
      throw badPayload('snapshot.contentType', `与图片内容（${mime}）不符`);
    return { body, snapshot: bytes, mime };
  }

  async function escalate(
    tx: Queryable,
    cal: WorkingDayCalendar,
    target: repo.CameraTarget,
    alertId: number,
    body: TKitchenWebhookBody,
  ): Promise<'followup' | 'caseLead' | null> {
    const inWindow = await repo.countRecentAlerts(tx, {
      businessId: target.businessId,
      eventType: body.eventType,
      at: body.occurredAt,
      days: config.windowDays,
    });
    const kind = escalationFor(config, body.eventType as KitchenEventType, inWindow);
    if (!kind) return null;
    if (await repo.hasRecentEscalation(tx, { businessId: target.businessId, kind, days: config.windowDays }))
      return null;
    const label = kitchenEventTypes[body.eventType];
    let inspectionId: number | null = null;
    let caseLeadRef: string | null = null;
    if (kind === 'followup') {
      const plannedOn = addWorkingDays(cal, shanghaiToday(now()), config.followupWorkingDays).date;
      inspectionId = await repo.planFollowup(tx, {
        businessId: target.businessId,
        stationId: target.stationId,
        plannedOn,
      });
    } else {
      caseLeadRef = await createCaseLead(
        tx,
        {
          sourceType: 'other',
          sourceRef: `KA${alertId}`,
          entityId: target.entityId,
          stationId: target.stationId,
          summary: `明厨亮灶：${target.entityName}${config.windowDays}日内「${label}」告警${inWindow}次（告警 ${alertId}）`,
          createdBy: null,
        },
        cal,
        now(),
      );
    }
    await repo.insertEscalation(tx, {
      businessId: target.businessId,
      kind,
      eventType: body.eventType,
      alertId,
      inspectionId,
      caseLeadRef,
    });
    await appendAudit(tx, null, {
      action: `food.kitchen.${kind}`,
      targetType: 'kitchenAlert',
      targetId: alertId,
      detail: { eventType: body.eventType, alertsInWindow: inWindow, inspectionId, caseLeadRef },
    });
    return kind;
  }

  return {
    async receive(h: WebhookHeaders, raw: Buffer): Promise<TKitchenWebhookResult> {
      const vendorId = await authenticate(h, raw);
      const { body, snapshot, mime } = parse(raw);
      const cal = await deps.calendar();
      return db.transaction(async (tx) => {
        const target = await repo.lockCamera(tx, vendorId, body.cameraId);
        if (!target)
          throw new AppError('VALIDATION', `摄像头 ${body.cameraId} 未登记在已接入明厨亮灶的经营者下`, [
            { path: 'cameraId', message: '摄像头编号：未登记' },
          ]);
        const fresh = await repo.insertEvent(tx, { vendorId, ...body });
        if (!fresh)
          throw conflict(`事件 ${body.eventId} 已接收过（重放）`, [{ path: 'eventId', message: '事件编号：重复' }]);
        const file =
          snapshot &&
          (await deps.files.store(
            tx,
            {
              filename: `${body.cameraId}-${body.eventId}.${mime === 'image/png' ? 'png' : 'jpg'}`,
              mimeType: mime!,
              pieces: [snapshot],
              sizeBytes: snapshot.length,
            },
            { purpose: 'kitchen-snapshot', ownerUnitId: target.stationId, createdBy: null },
            'snapshot.data',
          ));
        const snapshotFileId = file ? file.id : null;
        const event = { vendorId, ...body, snapshotFileId };
        const folded = await repo.foldIntoBurst(tx, { ...event, minutes: config.dedupeMinutes });
        const alertId =
          folded?.id ?? (await repo.insertAlert(tx, { ...event, businessId: target.businessId, area: target.area }));
        await repo.linkEvent(tx, { vendorId, eventId: body.eventId, alertId, snapshotFileId });
        const escalation = folded ? null : await escalate(tx, cal, target, alertId, body);
        return { alertId, folded: !!folded, count: folded?.count ?? 1, escalation };
      });
    },
  };
}
export type KitchenIngest = ReturnType<typeof createKitchenIngest>;
