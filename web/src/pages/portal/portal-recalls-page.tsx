import { Alert, Button, Card, Descriptions, Empty, Input, List, Progress, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ZPublicRecall } from '../../../../src/contracts/product-recalls.ts';
import type { z } from '../../../../src/contracts/zod.ts';
import { recallsApi } from '../../api/product-recalls.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { PortalShell } from './portal-shell.tsx';

type Recall = z.infer<typeof ZPublicRecall>;

/** 缺陷产品召回信息 on the portal, no login: published recalls, newest first, searchable by product or producer. */
export function PortalRecallsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [more, setMore] = useState<Recall[]>([]);
  const page = useAsync(
    (signal) => recallsApi.published({ q: q || undefined }, { signal }),
    ['public', 'product-recalls', q],
  );
  const [cursor, setCursor] = useState<string | null | undefined>();
  const next = cursor === undefined ? page.data?.nextCursor : cursor;
  const rows = [...(page.data?.items ?? []), ...more];
  const loadMore = async () => {
    if (!next) return;
    const p = await recallsApi.published({ q: q || undefined, cursor: next });
    setMore((m) => [...m, ...p.items]);
    setCursor(p.nextCursor);
  };
  return (
    <PortalShell>
      <Card title={t('portalRecalls.title')}>
        <Typography.Paragraph type="secondary">{t('portalRecalls.hint')}</Typography.Paragraph>
        <Input.Search
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSearch={(v) => {
            setMore([]);
            setCursor(undefined);
            setParams(v ? { q: v } : {});
          }}
          placeholder={t('portalRecalls.search')}
          allowClear
          enterButton
          data-testid="portal-recalls-search"
        />
      </Card>
      {page.error && <Alert type="error" message={page.error.message} style={{ marginTop: 16 }} />}
      {page.loading && !page.data ? (
        <Spin style={{ display: 'block', marginTop: 32 }} />
      ) : rows.length === 0 ? (
        <Empty style={{ marginTop: 32 }} description={t('portalRecalls.none')} />
      ) : (
        <List
          style={{ marginTop: 16 }}
          dataSource={rows}
          data-testid="portal-recalls"
          renderItem={(r) => (
            <Card size="small" style={{ marginBottom: 12 }} title={r.productName}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={t('productRecalls.producer')}>{r.entityName}</Descriptions.Item>
                <Descriptions.Item label={t('productRecalls.batches')}>{r.batches}</Descriptions.Item>
                <Descriptions.Item label={t('productRecalls.defect')}>{r.defect}</Descriptions.Item>
                <Descriptions.Item label={t('productRecalls.status')}>
                  {t(`productRecalls.status.${r.status}`)}
                </Descriptions.Item>
                <Descriptions.Item label={t('productRecalls.progress')}>
                  <Progress
                    percent={Math.round((r.recovered / r.quantity) * 1000) / 10}
                    size="small"
                    format={() => `${r.recovered}/${r.quantity}`}
                  />
                </Descriptions.Item>
                <Descriptions.Item label={t('productRecalls.publishedOn')}>{r.publishedOn}</Descriptions.Item>
              </Descriptions>
            </Card>
          )}
        />
      )}
      {next && (
        <Button block onClick={loadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </PortalShell>
  );
}
