import { Tag } from 'antd';
import { minuteLabel } from '../../../../src/domain/pharmacy.ts';
import { useT } from '../../i18n/i18n-context.tsx';

/** An attendance rate as a coloured tag: green from 99 %, orange from 95 %, else red; "—" without opening days. */
export function RateTag({ rate, testId }: { rate: number | null; testId?: string }) {
  if (rate === null) return <span data-testid={testId}>—</span>;
  const color = rate >= 99 ? 'green' : rate >= 95 ? 'orange' : 'red';
  return (
    <Tag color={color} data-testid={testId}>
      {rate.toFixed(1)}%
    </Tag>
  );
}

export function LicenceExpiry({ validUntil, daysLeft }: { validUntil: string; daysLeft: number }) {
  const t = useT();
  return (
    <>
      {validUntil}{' '}
      {daysLeft < 0 ? (
        <Tag color="red">{t('pharmacy.expired')}</Tag>
      ) : daysLeft <= 90 ? (
        <Tag color="orange">{t('pharmacy.daysLeft', { n: daysLeft })}</Tag>
      ) : null}
    </>
  );
}

export const hoursLabel = (opens: number, closes: number) => `${minuteLabel(opens)}–${minuteLabel(closes)}`;
