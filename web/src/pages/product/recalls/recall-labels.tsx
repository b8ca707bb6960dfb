import { Progress, Tag } from 'antd';
import type { RecallStatus } from '../../../../../src/domain/product-recall-workflow.ts';
import type { Translate } from '../../../i18n/i18n-context.tsx';

const colours: Record<string, string> = { planned: 'blue', inProgress: 'orange', completed: 'green' };

export const recallStatusTag = (t: Translate, status: RecallStatus) => (
  <Tag color={colours[status]}>{t(`productRecalls.status.${status}`)}</Tag>
);

/** Recovered of recalled, as a bar with the numbers. */
export const recoveredBar = (recovered: number, quantity: number) => (
  <Progress
    percent={quantity ? Math.round((recovered / quantity) * 1000) / 10 : 0}
    size="small"
    format={() => `${recovered}/${quantity}`}
    style={{ minWidth: 140 }}
  />
);
