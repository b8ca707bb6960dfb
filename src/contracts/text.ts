/**
 * Text every request string must satisfy, whatever its field: PostgreSQL refuses NUL in text (a 500 if it gets
 * that far), UTF-8 cannot carry a lone UTF-16 surrogate (the driver would silently turn it into U+FFFD), and no
 * field is longer than TEXT_MAX_LENGTH (each contract field has its own, smaller max on top).
 * Applied to every query, path and body value before the contract's own schema (src/server/text-guard.ts).
 */
export const TEXT_MAX_LENGTH = 10_000;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string is refused (Chinese, to follow the field's name), or undefined when it is acceptable. */
export function textFault(s: string): string | undefined {
  if (s.includes('\u0000')) return '含有不允许的空字符（U+0000）';
  if (LONE_SURROGATE.test(s)) return '含有无效字符（不成对的 UTF-16 代理项）';
  if (s.length > TEXT_MAX_LENGTH) return `过长，最多 ${TEXT_MAX_LENGTH} 个字符`;
  return undefined;
}

export interface TextFault {
  /** Dotted path as in validation errors (`person.name`, `items.0.uscc`); '' for the value itself. */
  path: string;
  message: string;
}

/**
 * The first refused string in a parsed value (object keys included). Iterative, so a deeply nested JSON body
 * cannot overflow the stack.
 */
export function findTextFault(value: unknown): TextFault | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      const message = textFault(v);
      if (message) return { path, message };
    } else if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      for (const [k] of entries) {
        const keyFault = textFault(k);
        // The refused key itself is not echoed back: it is what cannot be stored or shown.
        if (keyFault) return { path, message: `字段名${keyFault}` };
      }
      // Reversed onto the stack, so fields are checked in document order.
      for (const [k, child] of entries.reverse()) stack.push([child, path ? `${path}.${k}` : k]);
    }
  }
  return undefined;
}
