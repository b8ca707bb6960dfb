import type { FormRule } from 'antd';
import type { z } from 'zod';

/**
 * An antd Form rule from a contract schema, so the browser shows the same Chinese message the API would.
 * Empty values pass: whether a field is required is the `required` rule's job, with its own message.
 */
export function zodRule(schema: z.ZodType): FormRule {
  return {
    validator: async (_rule, value: unknown) => {
      if (value === undefined || value === null || value === '') return;
      const result = schema.safeParse(value);
      if (!result.success) throw new Error(result.error.issues[0]?.message ?? result.error.message);
    },
  };
}
