import { Tag } from 'antd';
import type { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';

type T = ReturnType<typeof useT>;

export const kindLabel = (t: T, kind: string) => t(`food.kind.${kind}` as MessageKey);
export const categoryLabel = (t: T, c: string) => t(`food.category.${c}` as MessageKey);
export const statusLabel = (t: T, s: string) => t(`food.status.${s}` as MessageKey);

/** The expiry date with a red tag once expired and an orange one within 90 days. */
export function ExpiryCell({ t, validUntil, daysLeft }: { t: T; validUntil: string; daysLeft: number }) {
  return (
    <span>
      {validUntil}{' '}
      {daysLeft < 0 ? (
        <Tag color="red">{t('food.licence.expired')}</Tag>
      ) : daysLeft <= 90 ? (
        <Tag color="orange">{t('food.licence.daysLeft', { days: daysLeft })}</Tag>
      ) : null}
    </span>
  );
}
