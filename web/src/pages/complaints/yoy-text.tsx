import { Typography } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';

/** 同比: a rise in complaints is shown red (bad news for the bureau), a fall green. */
export function YoyText({ pct }: { pct: number | null }) {
  const t = useT();
  if (pct === null) return <Typography.Text type="secondary">{t('complaints.yoy')} —</Typography.Text>;
  const sign = pct > 0 ? '+' : '';
  return (
    <Typography.Text type={pct > 0 ? 'danger' : 'success'}>
      {t('complaints.yoy')} {sign}
      {pct.toFixed(1)}%
    </Typography.Text>
  );
}
