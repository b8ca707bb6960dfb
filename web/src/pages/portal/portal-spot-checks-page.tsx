import { Alert, Button, Empty, List } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TPublicResult } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { PortalSearchCard } from './portal-search-card.tsx';
import { PortalShell } from './portal-shell.tsx';
import { PublicResultCard } from './public-result-card.tsx';

/** 一公开: published 双随机 results a citizen opens from a QR code, no login. */
export function PortalSpotChecksPage() {
  const t = useT();
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
      <PortalSearchCard
        title={t('portal.resultsTitle')}
        intro={t('portal.resultsIntro')}
        placeholder={t('portal.resultsSearch')}
        value={text}
        onChange={setText}
        onSearch={search}
        maxLength={100}
        testId="results-search"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      <List<TPublicResult>
        style={{ marginTop: 16 }}
        loading={loading && rows.length === 0}
        dataSource={rows}
        locale={{ emptyText: <Empty description={q ? t('portal.resultsNotFound') : t('portal.resultsNone')} /> }}
        renderItem={(r) => (
          <List.Item key={r.visitId} style={{ padding: 0, borderBlockEnd: 'none', marginBottom: 12 }}>
            <PublicResultCard r={r} />
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
