import { Alert, Button, Card, Descriptions, Empty, Input, List, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TPublicResult } from '../../../../src/contracts/spot-checks.ts';
import { resultCategories } from '../../../../src/domain/spot-check-workflow.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';
import { PortalShell } from './portal-shell.tsx';

/** The public result carries the category's Chinese label; the vocabulary (src/domain) gives its code. */
const categoryByLabel = new Map<string, (typeof resultCategories)[number]>(resultCategories.map((c) => [c.label, c]));
/** Green when the inspectors found no problem, orange for anything they found. */
const categoryColor = (label: string) => (categoryByLabel.get(label)?.problem === false ? 'green' : 'orange');

/** 一公开: published 双随机 results a citizen opens from a QR code, no login. */
export function PortalSpotChecksPage() {
  const t = useT();
  const categoryName = (label: string) => {
    const key = knownKey(`spotCheckResult.${categoryByLabel.get(label)?.code}`);
    return key ? t(key) : label;
  };
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [rows, setRows] = useState<TPublicResult[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  const load = async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await spotChecksApi.publicResults(q || undefined, cursor);
      setRows((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload from the first page when the search changes
  useEffect(() => {
    setText(q);
    void load();
  }, [q]);

  const search = (value: string) => {
    const v = value.trim();
    setParams(v ? { q: v } : {});
  };

  return (
    <PortalShell>
      <Card title={t('portal.resultsTitle')}>
        <Typography.Paragraph type="secondary">{t('portal.resultsIntro')} </Typography.Paragraph>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={search}
          placeholder={t('portal.resultsSearch')}
          enterButton={t('common.search')}
          allowClear
          maxLength={100}
          data-testid="results-search"
        />
      </Card>
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <List<TPublicResult>
        style={{ marginTop: 16 }}
        loading={loading && rows.length === 0}
        dataSource={rows}
        locale={{ emptyText: <Empty description={q ? t('portal.resultsNotFound') : t('portal.resultsNone')} /> }}
        renderItem={(r) => (
          <List.Item key={r.visitId} style={{ padding: 0, borderBlockEnd: 'none', marginBottom: 12 }}>
            <Card size="small" style={{ width: '100%' }} data-testid="public-result">
              <Typography.Text strong data-testid="result-entity">
                {r.entityName}
              </Typography.Text>
              <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                <Descriptions.Item label={t('complaints.uscc')}>
                  <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                    {r.uscc}
                  </Typography.Text>
                </Descriptions.Item>
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
            </Card>
          </List.Item>
        )}
      />
      {nextCursor && (
        <Button block loading={loading} onClick={() => load(nextCursor)} data-testid="results-more">
          {t('common.loadMore')}{' '}
        </Button>
      )}
    </PortalShell>
  );
}
