import { Empty, Typography } from 'antd';
import type { TAnalysis } from '../../api/complaints.ts';
import { YoyText } from './yoy-text.tsx';

type Item = TAnalysis['items'][number];

/** A horizontal bar per row (ECharts is not installed, so plain SVG): received this period, closed overlaid. */
export function AnalysisBars({ items }: { items: Item[] }) {
  if (items.length === 0) return <Empty description="所选期间没有数据" />;
  const max = Math.max(1, ...items.map((i) => i.received));
  const rowHeight = 28;
  return (
    <div data-testid="analysis-bars">
      {items.map((i) => (
        // Items without a category (most portal submissions) come back with an empty label.
        <div
          key={i.key}
          style={{ display: 'grid', gridTemplateColumns: '160px 1fr 160px', alignItems: 'center', gap: 8 }}
        >
          <Typography.Text ellipsis={{ tooltip: i.label }}>{i.label || '未分类'}</Typography.Text>
          <svg width="100%" height={rowHeight} role="img" aria-label={`${i.label} ${i.received}`}>
            <rect x="0" y="5" height={rowHeight - 10} width={`${(i.received / max) * 100}%`} fill="#93c5fd" rx="3" />
            <rect x="0" y="9" height={rowHeight - 18} width={`${(i.closed / max) * 100}%`} fill="#1d4ed8" rx="2" />
          </svg>
          <span>
            {i.received} 件 <YoyText pct={i.yoyPct} />
          </span>
        </div>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        浅色：受理数量；深色：已办结
      </Typography.Text>
    </div>
  );
}
