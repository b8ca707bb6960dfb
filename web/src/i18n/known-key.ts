import { type MessageKey, zhCN } from './zh-cn.ts';

/**
 * A key built from an API code (`complaints.kind.${kind}`) if the messages have it. Codes the web does not know
 * yet (a value added on the server first) then show as the bare code instead of a missing key.
 */
export function knownKey(key: string): MessageKey | undefined {
  return Object.hasOwn(zhCN, key) ? (key as MessageKey) : undefined;
}

/** t() over a code: the message for `${prefix}.${code}`, else the code itself. */
export function codeLabel(t: (key: MessageKey) => string, prefix: string, code: string): string {
  const key = knownKey(`${prefix}.${code}`);
  return key ? t(key) : code;
}
