import { Tag } from 'antd';
import type { useT } from '../../../i18n/i18n-context.tsx';

type T = ReturnType<typeof useT>;
const colours: Record<string, string> = { issued: 'blue', overdue: 'red', rectified: 'orange', closed: 'green' };
const stateColours: Record<string, string> = { normal: 'green', due: 'orange', overdue: 'red' };

export const directiveStatusTag = (t: T, s: string) => (
  <Tag color={colours[s]} data-testid="directive-status" data-status={s}>
    {t(`equipmentHazards.status.${s}` as never)}
  </Tag>
);
export const inspectionStateTag = (t: T, s: string) => (
  <Tag color={stateColours[s]} data-testid="inspection-state" data-state={s}>
    {t(`equipmentHazards.inspectionState.${s}` as never)}
  </Tag>
);
export const hazardStatusLabel = (t: T, s: string) => t(`equipmentHazards.hazardStatus.${s}` as never);
