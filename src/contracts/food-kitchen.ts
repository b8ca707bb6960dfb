import {
  type KitchenAlertAction,
  kitchenAlertWorkflow,
  kitchenAreaCodes,
  kitchenEventTypeCodes,
} from '../domain/kitchen-alerts.ts';
import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 明厨亮灶 (issue 13 point 8): vendors, enrollments, alerts and the webhook's body. */
export const ZKitchenEventType = z.enum(kitchenEventTypeCodes);
export const ZKitchenArea = z.enum(kitchenAreaCodes);
export const ZKitchenAlertStatus = z.enum(['new', 'handled', 'ignored']);

export const ZKitchenVendor = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  active: z.boolean(),
  secretRotatedAt: ZTimestamp,
  enrolled: z.number().int(),
  version: ZVersion,
});
export type TKitchenVendor = z.infer<typeof ZKitchenVendor>;
/** The HMAC secret is in this answer only (made or rotated); it is never shown again. */
export const ZKitchenVendorWithSecret = ZKitchenVendor.extend({ secret: z.string() });
export type TKitchenVendorWithSecret = z.infer<typeof ZKitchenVendorWithSecret>;
export const ZKitchenVendorBody = z.object({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{2,39}$/, '平台代码为3–40位小写字母、数字或连字符'),
  name: z.string().trim().min(1).max(100),
});
export const ZKitchenRotateBody = z.object({
  version: ZVersion,
  /** Hours the previous key still verifies (0: at once). */
  graceHours: z.number().int().min(0).max(168).default(24),
});

export const ZKitchenCamera = z.object({
  cameraId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[\w.:-]+$/, '摄像头编号只能含字母、数字和 _ . : -'),
  area: ZKitchenArea,
});
export const ZKitchenEnrollment = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityName: z.string(),
  stationName: z.string(),
  vendorId: z.number().int(),
  vendorName: z.string(),
  enrolledOn: z.string(),
  endedOn: z.string().nullable(),
  cameras: z.array(ZKitchenCamera),
  openAlerts: z.number().int(),
  version: ZVersion,
});
export type TKitchenEnrollment = z.infer<typeof ZKitchenEnrollment>;
export const ZKitchenEnrollmentBody = z.object({
  businessId: ZId,
  vendorId: ZId,
  enrolledOn: ZIsoDate,
  cameras: z.array(ZKitchenCamera).min(1, '至少登记一个摄像头').max(64),
});
export const ZKitchenEnrollmentPatch = z.object({
  version: ZVersion,
  cameras: z.array(ZKitchenCamera).min(1).max(64).optional(),
  endedOn: ZIsoDate.nullable().optional(),
});
export const ZKitchenEnrollmentQuery = ZPageQuery.extend({ q: z.string().trim().max(60).optional() });

export const ZKitchenAlert = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  entityName: z.string(),
  stationName: z.string(),
  vendorName: z.string(),
  cameraId: z.string(),
  area: z.string(),
  eventType: ZKitchenEventType,
  firstSeenAt: ZTimestamp,
  lastSeenAt: ZTimestamp,
  count: z.number().int(),
  maxConfidence: z.number(),
  /** GET /food/kitchen/alerts/:id/snapshot when there is one. */
  hasSnapshot: z.boolean(),
  status: ZKitchenAlertStatus,
  note: z.string().nullable(),
  handledByName: z.string().nullable(),
  handledAt: ZTimestamp.nullable(),
  version: ZVersion,
});
export type TKitchenAlert = z.infer<typeof ZKitchenAlert>;
export const ZKitchenAlertQuery = ZPageQuery.extend({
  status: ZKitchenAlertStatus.optional(),
  eventType: ZKitchenEventType.optional(),
  businessId: ZId.optional(),
  stationId: ZId.optional(),
});
export const ZKitchenAlertAction = z.enum(
  Object.keys(kitchenAlertWorkflow) as [KitchenAlertAction, ...KitchenAlertAction[]],
);
export const ZKitchenAlertTransitionBody = z.object({
  action: ZKitchenAlertAction,
  note: z.string().trim().max(500).optional(),
  version: ZVersion,
});

export const ZKitchenStats = z.object({
  stations: z.array(
    z.object({
      stationId: z.number().int(),
      stationName: z.string(),
      /** Catering businesses (hot/cold/raw food, canteens) with an active licence. */
      catering: z.number().int(),
      enrolled: z.number().int(),
      /** enrolled / catering, 0–1 (null when the station has no catering business). */
      enrollmentRate: z.number().nullable(),
      openAlerts: z.number().int(),
      alerts30d: z.number().int(),
    }),
  ),
});
export type TKitchenStats = z.infer<typeof ZKitchenStats>;

/** The webhook body (one event per delivery). Field labels for the problem+json: webhookFieldLabels. */
export const ZKitchenWebhookBody = z.object({
  eventId: z.string().trim().min(1).max(100),
  cameraId: z.string().trim().min(1).max(64),
  eventType: ZKitchenEventType,
  occurredAt: z.iso.datetime({ offset: true }),
  confidence: z.number().min(0).max(1),
  snapshot: z
    .object({
      /** image/jpeg or image/png; checked against the bytes. */
      contentType: z.string().max(40).optional(),
      /** Base64 of the image. */
      data: z.string().min(1),
    })
    .optional(),
});
export type TKitchenWebhookBody = z.infer<typeof ZKitchenWebhookBody>;
export const webhookFieldLabels: Record<string, string> = {
  eventId: '事件编号',
  cameraId: '摄像头编号',
  eventType: '事件类型',
  occurredAt: '发生时间',
  confidence: '置信度',
  snapshot: '抓拍图片',
  'snapshot.data': '抓拍图片数据',
  'snapshot.contentType': '抓拍图片类型',
};
export const ZKitchenWebhookResult = z.object({
  alertId: z.number().int(),
  /** true: folded into an open burst of the same camera and type. */
  folded: z.boolean(),
  count: z.number().int(),
  escalation: z.enum(['followup', 'caseLead']).nullable(),
});
export type TKitchenWebhookResult = z.infer<typeof ZKitchenWebhookResult>;
