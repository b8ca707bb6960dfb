import { ZId, ZIsoDate, ZPageQuery, ZTimestamp, ZVersion } from './common.ts';
import { z } from './zod.ts';

/**
 * 红黑榜 (staff workflow and public lists) and the public food pages / open-data grades (issue 13, points 10–11).
 * Public shapes carry no staff names, no health-certificate data and no personal identifiers.
 */
export const ZHonourBoard = z.enum(['red', 'black']);
export const ZHonourSegment = z.enum(['business', 'workshop']);
export const ZHonourStatus = z.enum(['draft', 'approved', 'published', 'withdrawn']);
const ZMonth = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
  .describe('月份（YYYY-MM）');

export const ZHonourEntry = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  board: ZHonourBoard,
  segment: ZHonourSegment,
  businessName: z.string(),
  licenceNo: z.string().nullable(),
  address: z.string().nullable(),
  grade: z.string().nullable(),
  reasons: z.array(z.string()),
  removedReason: z.string().nullable(),
});

export const ZHonourList = z.object({
  id: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  month: ZMonth,
  status: ZHonourStatus,
  statusLabel: z.string(),
  rules: z.record(z.string(), z.unknown()),
  draftedAt: ZTimestamp,
  approvedAt: ZTimestamp.nullable(),
  publishedAt: ZTimestamp.nullable(),
  withdrawnReason: z.string().nullable(),
  redCount: z.number().int(),
  blackCount: z.number().int(),
  version: ZVersion,
});
export const ZHonourListDetail = ZHonourList.extend({ entries: z.array(ZHonourEntry) });
export type THonourList = z.infer<typeof ZHonourList>;
export type THonourListDetail = z.infer<typeof ZHonourListDetail>;

export const ZHonourListQuery = ZPageQuery.extend({
  stationId: ZId.optional(),
  status: ZHonourStatus.optional(),
});
export const ZHonourDraftBody = z.object({
  stationId: ZId.describe('监管所'),
  month: ZMonth,
});
export const ZHonourStepBody = z.object({ version: ZVersion });
export const ZHonourReasonBody = z.object({
  version: ZVersion,
  reason: z.string().trim().min(2, '请填写理由（至少2个字）').max(500, '理由不超过500字'),
});
export const ZHonourEntryParams = z.object({ id: ZId, entryId: ZId });

/** One month across the stations in reach: who has no list yet, who has drafted, approved, published. */
export const ZHonourMonthQuery = z.object({ month: ZMonth.optional().describe('月份（YYYY-MM），默认上月') });
export const ZHonourStationStatus = z.object({
  stationId: z.number().int(),
  stationName: z.string(),
  listId: z.number().int().nullable(),
  status: z.enum(['none', 'draft', 'approved', 'published']),
  statusLabel: z.string(),
  version: ZVersion.nullable(),
  redCount: z.number().int().nullable(),
  blackCount: z.number().int().nullable(),
});
export const ZHonourMonthStatus = z.object({
  month: ZMonth,
  /** The latest month a list may be drafted for (the last month that has ended). */
  latestMonth: ZMonth,
  stations: z.array(ZHonourStationStatus),
});
export type THonourStationStatus = z.infer<typeof ZHonourStationStatus>;
export type THonourMonthStatus = z.infer<typeof ZHonourMonthStatus>;

/** A published list as the portal and the open data show it: removed entries left out. */
export const ZPublicHonourEntry = ZHonourEntry.omit({ removedReason: true, id: true });
export const ZPublicHonourList = z.object({
  id: z.number().int(),
  stationName: z.string(),
  month: ZMonth,
  publishedAt: ZTimestamp,
  red: z.array(ZPublicHonourEntry),
  black: z.array(ZPublicHonourEntry),
});
export const ZPublicHonourQuery = z.object({
  stationId: ZId.optional().describe('监管所'),
  month: ZMonth.optional(),
  limit: z.coerce.number().int().min(1).max(24).default(6),
  cursor: z.string().max(200).optional().describe('上一页返回的 nextCursor'),
});
export const ZPublicHonourPage = z.object({
  items: z.array(ZPublicHonourList),
  nextCursor: z.string().nullable(),
});
export type TPublicHonourList = z.infer<typeof ZPublicHonourList>;

const ZGradeView = z.object({
  grade: z.string(),
  label: z.string(),
  /** laugh 大笑 / smile 微笑 / plain 平脸 (dynamic grades); null for 不予评级 and annual grades. */
  face: z.string().nullable(),
  gradedOn: ZIsoDate,
  year: z.number().int().nullable(),
});

export const ZPublicFoodBusiness = z.object({
  id: z.number().int(),
  name: z.string(),
  licenceNo: z.string().nullable(),
  address: z.string().nullable(),
  stationName: z.string(),
  dynamicGrade: ZGradeView.nullable(),
  annualGrade: ZGradeView.nullable(),
});
export type TPublicFoodBusiness = z.infer<typeof ZPublicFoodBusiness>;

export const ZPublicFoodSearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, '请输入至少2个字的名称，或许可证编号')
    .max(60, '查询词不超过60个字')
    .describe('名称中的连续文字（至少2个字），或许可证编号（JY/SC 开头，可只输前几位）'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(200).optional(),
});
export const ZPublicFoodPage = z.object({ items: z.array(ZPublicFoodBusiness), nextCursor: z.string().nullable() });

export const inspectionResultLabels = { pass: '符合', basicPass: '基本符合', fail: '不符合' } as const;

export const ZPublicFoodDetail = ZPublicFoodBusiness.extend({
  licences: z.array(z.object({ kind: z.string(), kindLabel: z.string(), licenceNo: z.string(), validUntil: ZIsoDate })),
  latestInspection: z
    .object({ inspectedOn: ZIsoDate, result: z.string().nullable(), resultLabel: z.string().nullable() })
    .nullable(),
  /** The business's published reply beside its current dynamic grade (FHRS right to reply). */
  reply: z.object({ body: z.string(), publishedAt: ZTimestamp }).nullable(),
  /** Its entries on published 红黑榜, newest first. */
  honours: z.array(z.object({ month: ZMonth, board: ZHonourBoard, reasons: z.array(z.string()) })),
  asOf: ZIsoDate,
});
export type TPublicFoodDetail = z.infer<typeof ZPublicFoodDetail>;

/** Open data: grades, FHRS-style. */
export const ZOpenGradeQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().describe('上一页返回的 nextCursor'),
  stationId: ZId.optional().describe('监管所'),
  grade: z.enum(['excellent', 'good', 'fair', 'none', 'A', 'B', 'C']).optional(),
  kind: z.enum(['dynamic', 'annual']).optional(),
  updatedSince: ZIsoDate.optional().describe('只返回此日（含）以后评定或被取代的等级；此时也包括已被取代的等级'),
});
export const ZOpenGrade = z.object({
  id: z.number().int(),
  businessId: z.number().int(),
  businessName: z.string(),
  licenceNo: z.string().nullable(),
  address: z.string().nullable(),
  stationId: z.number().int(),
  stationName: z.string(),
  kind: z.enum(['dynamic', 'annual']),
  grade: z.string(),
  gradeLabel: z.string(),
  year: z.number().int().nullable(),
  gradedOn: ZIsoDate,
  status: z.enum(['current', 'superseded']),
  supersededOn: ZIsoDate.nullable(),
});
export const ZOpenGradePage = z.object({
  items: z.array(ZOpenGrade),
  nextCursor: z.string().nullable(),
  next: z.string().nullable(),
});
export type TOpenGrade = z.infer<typeof ZOpenGrade>;
export type TOpenGradeQuery = z.infer<typeof ZOpenGradeQuery>;
