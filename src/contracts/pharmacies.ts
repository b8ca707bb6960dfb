import { ZId, ZIsoDate, ZPageQuery, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 零售药店 and 阳光药师 (issue 14 points 6–7, docs/PHARMACIES.md). */
const ZMinute = z.number().int().min(0).max(1440);

export const ZPharmacySummary = z.object({
  id: z.number().int(),
  entityId: z.number().int(),
  entityName: z.string(),
  uscc: z.string(),
  address: z.string().nullable(),
  stationId: z.number().int(),
  stationName: z.string(),
  licenceNo: z.string(),
  licenceIssuedOn: ZIsoDate,
  licenceValidUntil: ZIsoDate,
  /** Days until the licence expires (negative: expired). */
  licenceDaysLeft: z.number().int(),
  status: z.enum(['active', 'closed']),
  pharmacists: z.number().int(),
  /** Attendance rate (%) over the last 30 days, null without opening days. */
  rate30: z.number().nullable(),
});
export type TPharmacySummary = z.infer<typeof ZPharmacySummary>;

export const ZPharmacyQuery = ZPageQuery.extend({
  q: z.string().trim().max(60).optional(),
  stationId: ZId.optional(),
  /** Active licences expiring within this many days (expired included). */
  expiringWithin: z.coerce.number().int().min(0).max(3650).optional(),
  status: z.enum(['active', 'closed']).optional(),
});
export const ZPharmacyExportQuery = ZPharmacyQuery.omit({ limit: true, cursor: true });
export type TPharmacyQuery = z.infer<typeof ZPharmacyExportQuery>;

export const ZPharmacist = z.object({
  id: z.number().int(),
  pharmacyId: z.number().int(),
  name: z.string(),
  registrationNo: z.string(),
  dutyWeekdays: z.array(z.number().int()),
  dutyFromMinute: z.number().int(),
  dutyToMinute: z.number().int(),
  active: z.boolean(),
  tokenIssuedAt: z.string().nullable(),
  onDuty: z.boolean(),
});
export type TPharmacist = z.infer<typeof ZPharmacist>;

export const ZAttendanceDay = z.object({
  day: ZIsoDate,
  openMinutes: z.number().int(),
  coveredMinutes: z.number().int(),
  rate: z.number().nullable(),
  reviewed: z.boolean(),
});
export type TAttendanceDay = z.infer<typeof ZAttendanceDay>;

export const ZGspInspection = z.object({
  id: z.number().int(),
  pharmacyId: z.number().int(),
  visitId: z.number().int(),
  status: z.enum(['inProgress', 'done']),
  result: z.enum(['pass', 'rectify', 'fail']).nullable(),
  findings: z.string().nullable(),
  inspectedOn: ZIsoDate.nullable(),
  inspectors: z.array(z.string()),
  visitStatus: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type TGspInspection = z.infer<typeof ZGspInspection>;

export const ZPharmacy = ZPharmacySummary.extend({
  latitude: z.number(),
  longitude: z.number(),
  geofenceMetres: z.number().int(),
  geofenceIsDefault: z.boolean(),
  opensMinute: z.number().int(),
  closesMinute: z.number().int(),
  version: z.number().int(),
  pharmacistList: z.array(ZPharmacist),
  /** The last 90 days' attendance rows (opening days only), newest first. */
  attendance: z.array(ZAttendanceDay),
  rate365: z.number().nullable(),
  gsp: z.array(ZGspInspection),
});
export type TPharmacy = z.infer<typeof ZPharmacy>;

export const ZPharmacyBody = z
  .object({
    entityId: ZId,
    licenceNo: z.string().trim().min(1, '请填写药品经营许可证编号').max(30),
    licenceIssuedOn: ZIsoDate,
    /** Defaults to 5 years from licenceIssuedOn. */
    licenceValidUntil: ZIsoDate.optional(),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    geofenceMetres: z.number().int().min(10).max(5000).nullable().optional(),
    opensMinute: ZMinute.default(480),
    closesMinute: ZMinute.default(1320),
  })
  .refine((b) => b.closesMinute > b.opensMinute, { path: ['closesMinute'], message: '打烊时间须晚于开门时间' });
export type TPharmacyBody = z.infer<typeof ZPharmacyBody>;

export const ZPharmacyPatch = z
  .object({
    version: ZVersion,
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    geofenceMetres: z.number().int().min(10).max(5000).nullable().optional(),
    opensMinute: ZMinute.optional(),
    closesMinute: ZMinute.optional(),
    status: z.enum(['active', 'closed']).optional(),
  })
  .strict();

export const ZPharmacistBody = z
  .object({
    name: z.string().trim().min(1, '请填写姓名').max(40),
    registrationNo: z.string().trim().min(1, '请填写执业药师注册证编号').max(30),
    dutyWeekdays: z
      .array(z.number().int().min(1).max(7))
      .min(1, '至少选择一个在岗日')
      .max(7)
      .default([1, 2, 3, 4, 5, 6, 7]),
    dutyFromMinute: ZMinute.default(480),
    dutyToMinute: ZMinute.default(1320),
  })
  .refine((b) => b.dutyToMinute > b.dutyFromMinute, { path: ['dutyToMinute'], message: '下班时间须晚于上班时间' });

export const ZPharmacistToken = z.object({ pharmacistId: z.number().int(), token: z.string(), link: z.string() });

/** The phone page: the token from the link, where the phone is. */
export const ZCheckBody = z.object({
  token: z.string().trim().min(20, '签到链接无效').max(100),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  accuracy: z.number().min(0).max(100_000).optional(),
});
export const ZTokenBody = z.object({ token: z.string().trim().min(20, '签到链接无效').max(100) });

export const ZPortalPharmacist = z.object({
  name: z.string(),
  pharmacyName: z.string(),
  address: z.string().nullable(),
  geofenceMetres: z.number().int(),
  opensMinute: z.number().int(),
  closesMinute: z.number().int(),
  /** The open shift's check-in time, if checked in. */
  checkedInAt: z.string().nullable(),
  lastDistanceMetres: z.number().int().nullable(),
  today: z.array(z.object({ checkInAt: z.string(), checkOutAt: z.string().nullable() })),
});
export type TPortalPharmacist = z.infer<typeof ZPortalPharmacist>;

export const ZRateQuery = z.object({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
});
export const ZStationRate = z.object({
  stationId: z.number().int(),
  stationName: z.string(),
  pharmacies: z.number().int(),
  openMinutes: z.number().int(),
  coveredMinutes: z.number().int(),
  rate: z.number().nullable(),
  absentDays: z.number().int(),
});
export const ZAttendanceOverview = z.object({
  from: ZIsoDate,
  to: ZIsoDate,
  rate: z.number().nullable(),
  stations: z.array(ZStationRate),
  months: z.array(
    z.object({ month: z.string(), stationId: z.number().int(), stationName: z.string(), rate: z.number().nullable() }),
  ),
});
export type TAttendanceOverview = z.infer<typeof ZAttendanceOverview>;

export const ZAttendanceImportResult = z.object({
  total: z.number().int(),
  imported: z.number().int(),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string(), value: z.string().optional(), reason: z.string() }),
  ),
});
export type TAttendanceImportResult = z.infer<typeof ZAttendanceImportResult>;

export const ZGspStartBody = z.object({ inspectorIds: z.array(ZId).max(10).default([]) });
export const ZGspResultBody = z.object({
  version: ZVersion,
  result: z.enum(['pass', 'rectify', 'fail']),
  findings: z.string().trim().max(2000).optional(),
});
export const ZReviewBody = z.object({ day: ZIsoDate });
