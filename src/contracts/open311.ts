import { z } from './zod.ts';

/** Open311 GeoReport v2 POST requests.json (form-encoded); attribute[...] keys arrive flattened. */
export const ZOpen311Post = z
  .object({
    api_key: z.string().optional(),
    service_code: z.string().min(1, 'service_code 必填'),
    description: z.string().trim().min(10, 'description 至少10个字').max(5000),
    first_name: z.string().trim().max(50).optional(),
    last_name: z.string().trim().max(50).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^1[3-9]\d{9}$/, 'phone 应为11位手机号'),
    email: z.string().trim().max(200).optional(),
    address_string: z.string().trim().max(300).optional(),
    'attribute[kind]': z.enum(['complaint', 'report', 'inquiry']).default('complaint'),
    'attribute[uscc]': z.string().trim().max(30).optional(),
    'attribute[business_name]': z.string().trim().max(200).optional(),
    'attribute[amount_yuan]': z
      .string()
      .trim()
      .regex(/^\d+(\.\d{1,2})?$/, '金额格式不正确')
      .optional(),
    device_id: z.string().max(100).optional(),
    account_id: z.string().max(100).optional(),
  })
  .refine((b) => b.first_name || b.last_name, { message: 'first_name 或 last_name 必填', path: ['last_name'] });

export const ZOpen311ListQuery = z.object({
  api_key: z.string().optional(),
  service_request_id: z.string().max(2000).optional(),
  service_code: z.string().max(64).optional(),
  start_date: z.iso.datetime({ offset: true }).optional(),
  end_date: z.iso.datetime({ offset: true }).optional(),
  status: z.enum(['open', 'closed']).optional(),
  jurisdiction_id: z.string().max(100).optional(),
});

export type TOpen311Post = z.infer<typeof ZOpen311Post>;
