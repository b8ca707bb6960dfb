import { Card, Descriptions, Table } from 'antd';
import { useParams } from 'react-router';
import type { TAdverseEvent } from '../../../../src/contracts/cosmetics-devices.ts';
import { cdApi } from '../../api/cosmetics-devices.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { useEventColumns } from './cd-events-table.tsx';
import { CdInspectionsCard } from './cd-inspections.tsx';
import { CategoryTag, licenceKindLabel, ReportEventButton } from './cd-parts.tsx';

/** 一户两品一械经营者: its licence / 备案 number, its inspections (visit engine) and adverse-event reports. */
export function CdBusinessPage() {
  const t = useT();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('drug:write');
  const state = useAsync((signal) => cdApi.business(id, { signal }), ['cd', 'businesses', 'detail', id]);
  const events = useKeysetList(
    (cursor, signal) => cdApi.events({ businessId: id, cursor }, { signal }),
    (e) => e.id,
    ['cd', 'events', 'list', { businessId: id }],
  );
  const columns = useEventColumns(canWrite, events.replaceItem, false);
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  const b = state.data;
  return (
    <>
      <PageHeader title={b?.entityName ?? t('cd.business.detail')} />
      <Card loading={!b} style={{ marginBottom: 16 }} data-testid="cd-business-card">
        {b && (
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('cd.business.entity')}>{b.entityName}</Descriptions.Item>
            <Descriptions.Item label={t('cd.business.category')}>
              <CategoryTag category={b.category} />
            </Descriptions.Item>
            <Descriptions.Item label={t('cd.business.licenceKind')}>
              {licenceKindLabel(t, b.licenceKind)}
            </Descriptions.Item>
            <Descriptions.Item label={t('cd.business.licenceNo')}>{b.licenceNo}</Descriptions.Item>
            <Descriptions.Item label={t('cd.business.scope')}>{b.scope ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('cd.business.station')}>{b.stationName}</Descriptions.Item>
          </Descriptions>
        )}
      </Card>
      {b && <CdInspectionsCard business={b} canWrite={canWrite} />}
      <Card
        title={t('cd.event.title')}
        extra={
          canWrite &&
          b && (
            <ReportEventButton
              business={b}
              onDone={(e) => {
                events.upsertItem(e);
                state.reload();
              }}
            />
          )
        }
      >
        {events.error ? (
          <LoadError error={events.error} onRetry={events.reload} />
        ) : (
          <>
            <Table<TAdverseEvent>
              rowKey="id"
              size="small"
              loading={events.loading && events.items.length === 0}
              dataSource={events.items}
              columns={columns}
              scroll={{ x: 'max-content' }}
              pagination={false}
              locale={{ emptyText: t('cd.event.none') }}
              data-testid="cd-business-events"
            />
            <LoadMore
              hasMore={events.hasMore}
              loading={events.loading}
              count={events.items.length}
              onLoadMore={events.loadMore}
            />
          </>
        )}
      </Card>
    </>
  );
}
