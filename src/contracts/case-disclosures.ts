import { ZPageQuery, ZVersion } from './common.ts';
import { z } from './zod.ts';

/** 行政处罚信息公示 (SAMR Order 45): the staff's register and the portal's public view. */

export const ZDisclosureStatus = z.enum(['pending', 'published', 'withdrawn', 'removed', 'expired']);

const ZReason = z.string().trim().min(2, '请填写原因（至少2个字）').max(500);

/** The public summary, as the portal shows it: an individual's name masked, no ID number. */
export const ZPublicPenalty = z.object({
  id: z.number().int(),
  decisionNo: z.string(),
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  violation: z.string(),
  basis: z.string(),
  content: z.string(),
  authority: z.string(),
  decidedOn: z.string(),
  publishedOn: z.string(),
  displayUntil: z.string(),
});

export const ZPublicPenaltyQuery = ZPageQuery.extend({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  q: z.string().trim().max(100, '查询词不超过100个字').optional(),
  no: z.string().trim().max(100, '决定书文号不超过100个字').optional(),
});

export const ZPublicTypicalCase = ZPublicPenalty.extend({ title: z.string() });

export const ZDisclosure = z.object({
  id: z.number().int(),
  caseId: z.number().int(),
  stationId: z.number().int(),
  stationName: z.string(),
  status: ZDisclosureStatus,
  statusLabel: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  publishedOn: z.string().nullable(),
  displayUntil: z.string().nullable(),
  earliestRemovalOn: z.string().nullable(),
  removable: z.boolean(),
  withdrawDueOn: z.string().nullable(),
  withdrawnOn: z.string().nullable(),
  removedOn: z.string().nullable(),
  reason: z.string().nullable(),
  escalatedAt: z.string().nullable(),
  decisionNo: z.string(),
  partyName: z.string(),
  partyUscc: z.string().nullable(),
  violation: z.string(),
  basis: z.string(),
  content: z.string(),
  authority: z.string(),
  decidedOn: z.string(),
  version: z.number().int(),
  typical: z.boolean(),
  actions: z.array(z.string()),
});

export const ZDisclosureQuery = ZPageQuery.extend({
  status: ZDisclosureStatus.optional(),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  q: z.string().trim().max(100).optional(),
});

export const ZDisclosurePublishBody = z.object({ version: ZVersion });
export const ZDisclosureReasonBody = z.object({ version: ZVersion, reason: ZReason });
/** 提前停止公示 on the party's application: the conditions the staff checked (Order 45 Art. 16). */
export const ZDisclosureRemoveBody = z.object({
  version: ZVersion,
  reason: ZReason,
  obligationsFulfilled: z.literal(true, { error: '须已履行行政处罚决定' }),
  harmRemoved: z.literal(true, { error: '须已消除危害后果和不良社会影响' }),
});

export const ZTypicalBody = z.object({ typical: z.boolean() });
export const ZTypicalResult = z.object({ caseId: z.number().int(), typical: z.boolean() });

export type TPublicPenalty = z.infer<typeof ZPublicPenalty>;
export type TPublicTypicalCase = z.infer<typeof ZPublicTypicalCase>;
export type TDisclosure = z.infer<typeof ZDisclosure>;
export type TDisclosureStatus = z.infer<typeof ZDisclosureStatus>;
