import { entityStatusLabels } from '../domain/entity-lifecycle.ts';
import { ZPublicPenalty } from './case-disclosures.ts';
import { ZIsoDate } from './common.ts';
import { ZCreditList } from './credit.ts';
import { entityTypes, ZEntityStatus, ZEntityType } from './entities.ts';
import { ZPublicResult } from './spot-checks.ts';
import { z } from './zod.ts';

/**
 * The public entity profile (like the national 企业信用信息公示系统 page, no login) and the open-data API over the
 * same facts. Registration facts are public by law; an individual's personal data is not: the operator of a
 * 个体工商户 shows as a masked name, no ID number or phone of anyone is ever shown.
 */

export const publicEntityTypeLabels = entityTypes;
export const publicEntityStatusLabels = entityStatusLabels;
export const creditListLabels = { abnormal: '经营异常名录', serious: '严重违法失信名单' } as const;
export const annualReportStatusLabels = { filed: '已公示', notFiled: '未按期公示', open: '报送期内' } as const;

/** A USCC in a path: checked by the service (a malformed code is a 400, a well-formed unknown one a 404). */
export const ZUsccParams = z.object({
  uscc: z.string().max(40).describe('统一社会信用代码（18位）'),
});

export const ZPublicEntitySearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(2, '请输入至少2个字的名称，或统一社会信用代码')
    .max(60, '查询词不超过60个字')
    .describe('名称中的连续文字（至少2个字），或统一社会信用代码（可只输前几位）'),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(200).optional(),
});

/** One entity's registration facts as anyone may see them. */
export const ZPublicEntity = z.object({
  uscc: z.string(),
  name: z.string(),
  type: ZEntityType,
  typeLabel: z.string(),
  status: ZEntityStatus,
  statusLabel: z.string(),
  /** 法定代表人 (enterprise, cooperative) or 经营者 (个体工商户, masked: 张*). */
  legalRepName: z.string().nullable(),
  address: z.string().nullable(),
  regionCode: z.string().nullable(),
  establishedOn: ZIsoDate,
});

export const ZPublicAnnualReport = z.object({
  reportYear: z.number().int(),
  status: z.enum(['filed', 'notFiled', 'open']),
  statusLabel: z.string(),
  filedOn: ZIsoDate.nullable(),
});

/** A listing in force or removed (never a proposal or a discarded one). */
export const ZPublicCreditListing = z.object({
  list: ZCreditList,
  listLabel: z.string(),
  ground: z.string(),
  groundLabel: z.string(),
  status: z.enum(['listed', 'removed']),
  listedOn: ZIsoDate.nullable(),
  decisionNo: z.string().nullable(),
  reason: z.string().nullable(),
  removedOn: ZIsoDate.nullable(),
  removalDecisionNo: z.string().nullable(),
  removalReason: z.string().nullable(),
  authority: z.string(),
});

export const ZPublicEntityProfile = ZPublicEntity.extend({
  industryCode: z.string().nullable(),
  industryName: z.string().nullable(),
  registeredCapitalFen: z.number().int().nullable(),
  businessScope: z.string().nullable(),
  /** The station that supervises it (管辖单位). */
  regulator: z.string(),
  annualReports: z.array(ZPublicAnnualReport),
  creditListings: z.array(ZPublicCreditListing),
  /** Published 双随机 results only, newest first; `spotChecksMore`: the portal's results page has older ones. */
  spotChecks: z.array(ZPublicResult),
  spotChecksMore: z.boolean(),
  /** Decisions currently shown under 行政处罚信息公示 (published, within the display period), newest first. */
  penalties: z.array(ZPublicPenalty),
  penaltiesMore: z.boolean(),
  /** The day (Asia/Shanghai) these facts were read. */
  asOf: ZIsoDate,
});

export const ZPublicEntityPage = z.object({
  items: z.array(ZPublicEntity),
  nextCursor: z.string().nullable(),
});

/** Open data: every registered entity, oldest registration record first (new ones are appended at the end). */
export const ZOpenEntityQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(100),
  cursor: z.string().max(200).optional().describe('上一页返回的 nextCursor'),
  status: ZEntityStatus.optional(),
  type: ZEntityType.optional(),
});

export const ZOpenEntityPage = z.object({
  items: z.array(ZPublicEntity),
  nextCursor: z.string().nullable(),
  /** The next page's URL (relative), or null on the last page. */
  next: z.string().nullable(),
});

/** /sitemaps/entities/N.xml: the file's number. */
export const ZSitemapParams = z.object({ index: z.coerce.number().int().min(0).max(100_000) });

export type TPublicEntity = z.infer<typeof ZPublicEntity>;
export type TPublicEntityProfile = z.infer<typeof ZPublicEntityProfile>;
export type TPublicEntitySearchQuery = z.infer<typeof ZPublicEntitySearchQuery>;
export type TPublicAnnualReport = z.infer<typeof ZPublicAnnualReport>;
export type TPublicCreditListing = z.infer<typeof ZPublicCreditListing>;
export type TOpenEntityQuery = z.infer<typeof ZOpenEntityQuery>;
