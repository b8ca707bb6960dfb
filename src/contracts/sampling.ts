import { z } from './zod.ts';

/** What food 抽检 and product 抽查 share on the wire: the conclusion and one event of a sample's trail. */
export const ZConclusion = z.enum(['pass', 'fail']);

export const ZSampleEvent = z.object({
  action: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  note: z.string().nullable(),
  actorName: z.string().nullable(),
  at: z.string(),
});
