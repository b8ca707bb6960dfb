import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import type { TPublicResult } from '../../../../src/contracts/spot-checks.ts';
import { resultCategories } from '../../../../src/domain/spot-check-workflow.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';

/** The public result carries the category's Chinese label; the vocabulary (src/domain) gives its code. */
const categoryByLabel = new Map<string, (typeof resultCategories)[number]>(resultCategories.map((c) => [c.label, c]));
/** Green when the inspectors found no problem, orange for anything they found. */
const categoryColor = (label: string) => (categoryByLabel.get(label)?.problem === false ? 'green' : 'orange');

/**
 * One published 双随机 result: the results register and an entity's public profile show the same card. With
 * `showEntity` it names the entity and links to its profile.
 */
export function PublicResultCard({ r, showEntity = true }: { r: TPublicResult; showEntity?: boolean }) {
  const t = useT();
  const categoryName = (label: string) => {
    const key = knownKey(`spotCheckResult.${categoryByLabel.get(label)?.code}`);
    return key ? t(key) : label;
  };
  return (
    <Card size="small" style={{ width: '100%' }} data-testid="public-result">
      {showEntity && (
        <Typography.Text strong data-testid="result-entity">
          {r.entityName}
        </Typography.Text>
      )}
      <Descriptions column={1} size="small" style={{ marginTop: showEntity ? 8 : 0 }}>
        {showEntity && (
          <Descriptions.Item label={t('complaints.uscc')}>
            <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
              {r.uscc}
            </Typography.Text>
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('portal.task')}>
          {r.taskNames.join(t('common.separator')) || r.planName}
        </Descriptions.Item>
        <Descriptions.Item label={t('portal.plan')}>{r.planName}</Descriptions.Item>
        <Descriptions.Item label={t('portal.inspectedOn')}>{r.inspectedOn}</Descriptions.Item>
        <Descriptions.Item label={t('portal.publishedOn')}>
          {dayjs(r.publishedAt).format('YYYY-MM-DD')}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t('portal.itemsAndResults')}</Typography.Text>
      <Space orientation="vertical" size={4} style={{ width: '100%', marginTop: 4 }}>
        {r.items.map((i) => (
          <div key={i.name} style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}>
            <Typography.Text>{i.name}</Typography.Text>
            <Typography.Text type="secondary">({i.departmentName})</Typography.Text>
            <Tag color={categoryColor(i.categoryLabel)} data-testid="result-category">
              {categoryName(i.categoryLabel)}
            </Tag>
          </div>
        ))}
      </Space>
      {showEntity && (
        <div style={{ marginTop: 8 }}>
          <Link to={`/portal/entities/${encodeURIComponent(r.uscc)}`}>{t('entityProfile.viewProfile')}</Link>
        </div>
      )}
    </Card>
  );
}
