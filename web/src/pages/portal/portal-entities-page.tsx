import { Alert, Button, Card, Descriptions, Empty, List } from 'antd';
import { Link } from 'react-router';
import type { TPublicEntity } from '../../../../src/contracts/entity-profile.ts';
import { entityProfileApi } from '../../api/entity-profile.ts';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { PortalSearchCard } from './portal-search-card.tsx';
import { PortalShell } from './portal-shell.tsx';
import { usePortalSearch } from './use-portal-search.ts';

export const profilePath = (uscc: string) => `/portal/entities/${encodeURIComponent(uscc)}`;

/** 企业信息公示 search, no login: a fragment of the name or a USCC, newest registrations first. */
export function PortalEntitiesPage() {
  const t = useT();
  const { q, text, setText, rows, nextCursor, loading, error, search, loadMore } = usePortalSearch(
    entityProfileApi.search,
    'entityProfile.searchHint',
  );

  return (
    <PortalShell>
      <PortalSearchCard
        title={t('entityProfile.title')}
        intro={t('entityProfile.intro')}
        placeholder={t('entityProfile.searchPlaceholder')}
        value={text}
        onChange={setText}
        onSearch={search}
        maxLength={60}
        testId="entity-search"
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginTop: 16 }} />}
      {q && (
        <List<TPublicEntity>
          style={{ marginTop: 16 }}
          loading={loading && rows.length === 0}
          dataSource={rows}
          locale={{ emptyText: <Empty description={t('entityProfile.notFound')} /> }}
          renderItem={(e) => (
            <List.Item key={e.uscc} style={{ padding: 0, borderBlockEnd: 'none', marginBottom: 12 }}>
              <Card size="small" style={{ width: '100%' }} data-testid="entity-result">
                <Link to={profilePath(e.uscc)} style={{ fontWeight: 600, wordBreak: 'break-all' }}>
                  {e.name}
                </Link>{' '}
                <StatusTag workflow="entity" status={e.status} />
                <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                  <Descriptions.Item label={t('entityProfile.uscc')}>
                    <span style={{ wordBreak: 'break-all' }}>{e.uscc}</span>
                  </Descriptions.Item>
                  <Descriptions.Item label={t('entityProfile.type')}>
                    {codeLabel(t, 'entities.type', e.type)}
                  </Descriptions.Item>
                  <Descriptions.Item
                    label={t(e.type === 'individualBusiness' ? 'entityProfile.operator' : 'entityProfile.legalRep')}
                  >
                    {e.legalRepName ?? '—'}
                  </Descriptions.Item>
                  <Descriptions.Item label={t('entityProfile.establishedOn')}>{e.establishedOn}</Descriptions.Item>
                </Descriptions>
              </Card>
            </List.Item>
          )}
        />
      )}
      {nextCursor && (
        <Button block loading={loading} onClick={loadMore} data-testid="entity-more">
          {t('common.loadMore')}
        </Button>
      )}
    </PortalShell>
  );
}
