import { FrownOutlined, MehOutlined, SmileFilled, SmileOutlined } from '@ant-design/icons';
import { Space, Tag } from 'antd';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';

const faces = {
  excellent: { icon: SmileFilled, color: '#389e0d' },
  good: { icon: SmileOutlined, color: '#1677ff' },
  fair: { icon: MehOutlined, color: '#d48806' },
  none: { icon: FrownOutlined, color: '#8c8c8c' },
} as const;

/** 量化分级的脸谱: 大笑 (优秀), 微笑 (良好), 平脸 (一般); 不予评级 grey. Annual grades as a tag. */
export function GradeFace({ grade, size = 20 }: { grade: string; size?: number }) {
  const t = useT();
  const face = faces[grade as keyof typeof faces];
  const label = t(`foodInspection.grade.${grade}` as MessageKey);
  if (!face) return <Tag color="blue">{label}</Tag>;
  const Icon = face.icon;
  return (
    <Space size={4} data-testid={`grade-face-${grade}`}>
      <Icon style={{ fontSize: size, color: face.color }} />
      <span style={{ color: face.color }}>{label}</span>
    </Space>
  );
}

export function ResultTag({ result }: { result: string | null }) {
  const t = useT();
  if (!result) return <>—</>;
  const color = result === 'pass' ? 'green' : result === 'basicPass' ? 'gold' : 'red';
  return <Tag color={color}>{t(`foodInspection.result.${result}` as MessageKey)}</Tag>;
}
