import { Typography } from 'antd';

/** 同比: a rise in complaints is shown red (bad news for the bureau), a fall green. */
export function YoyText({ pct }: { pct: number | null }) {
  if (pct === null) return <Typography.Text type="secondary">同比 —</Typography.Text>;
  const sign = pct > 0 ? '+' : '';
  return (
    <Typography.Text type={pct > 0 ? 'danger' : 'success'}>
      同比 {sign}
      {pct.toFixed(1)}%
    </Typography.Text>
  );
}
