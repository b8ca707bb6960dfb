import type { FormRule } from 'antd';
import type { z } from 'zod';

/** An antd Form rule from a contract schema, so the browser shows the same Chinese message the API would. */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? '格式不正确');
    },
  };
}
