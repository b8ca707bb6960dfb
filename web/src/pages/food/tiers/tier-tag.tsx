import { Tag } from 'antd';

const colors = { A: 'green', B: 'blue', C: 'orange', D: 'red' } as const;

/** A–D (low → high risk) as a coloured tag; none → a dash. */
export function TierTag({ tier }: { tier: 'A' | 'B' | 'C' | 'D' | null }) {
  return tier ? <Tag color={colors[tier]}>{tier}</Tag> : <span>—</span>;
}
