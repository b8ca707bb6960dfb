import { Button, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import type { TCheckItem, TInspector, TPool } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { type AsyncState, useAsync } from '../../lib/use-async.ts';
import { AddModal } from './catalog-add-modal.tsx';
import { inspectorColumns, itemColumns, poolColumns } from './catalog-columns.tsx';
import { ConflictsTab } from './conflicts-tab.tsx';

/** A whole list from one answer: the count is free, so the table pages on the client with a total. */
const allRows = <T,>(state: AsyncState<T[]>) => ({
  kind: 'all' as const,
  items: state.data ?? [],
  loading: state.loading,
  error: state.error,
  reload: state.reload,
});

/** The check-item list, the inspector directory, conflicts of interest and the entity pools. */
export function SpotCheckCatalogPage() {
  const t = useT();
  const ref = useAsync((signal) => spotChecksApi.reference({ signal }), queryKeys.spotChecks.reference());
  const items = useAsync((signal) => spotChecksApi.items({ signal }), queryKeys.spotChecks.items());
  const inspectors = useAsync((signal) => spotChecksApi.inspectors({ signal }), queryKeys.spotChecks.inspectors());
  const pools = useAsync((signal) => spotChecksApi.pools({ signal }), queryKeys.spotChecks.pools());
  const [adding, setAdding] = useState<'item' | 'inspector' | 'pool'>();
  const [editing, setEditing] = useState<TInspector>();
  const { can } = useAuth();
  const canWrite = can('spotcheck:write');
  const stations = ref.data?.stations;
  const add = (what: 'item' | 'inspector' | 'pool', label: string) =>
    canWrite && (
      <Button onClick={() => setAdding(what)} data-testid={`add-${what}`}>
        {label}
      </Button>
    );
  const columns = useMemo(
    () => ({
      items: itemColumns(t),
      inspectors: inspectorColumns(
        t,
        canWrite
          ? (i) => {
              setEditing(i);
              setAdding('inspector');
            }
          : undefined,
      ),
      pools: poolColumns(t, stations ?? []),
    }),
    [t, canWrite, stations],
  );
  return (
    <>
      <PageHeader title={t('spot.catalog.title')} />
      {ref.error && <LoadError error={ref.error} onRetry={ref.reload} />}
      <Tabs
        items={[
          {
            key: 'items',
            label: t('spot.catalog.items'),
            children: (
              <ListTable<TCheckItem>
                id="spot-items"
                rowKey="id"
                size="small"
                columns={columns.items}
                source={allRows(items)}
                actions={add('item', t('spot.item.add'))}
              />
            ),
          },
          {
            key: 'inspectors',
            label: t('spot.catalog.inspectors', { count: inspectors.data?.length ?? 0 }),
            children: (
              <ListTable<TInspector>
                id="spot-inspectors"
                rowKey="id"
                size="small"
                columns={columns.inspectors}
                source={allRows(inspectors)}
                actions={add('inspector', t('spot.inspector.add'))}
              />
            ),
          },
          {
            key: 'conflicts',
            label: t('spot.catalog.conflicts'),
            children: <ConflictsTab inspectors={inspectors.data ?? []} />,
          },
          {
            key: 'pools',
            label: t('spot.catalog.pools'),
            children: (
              <ListTable<TPool>
                id="spot-pools"
                rowKey="id"
                size="small"
                columns={columns.pools}
                source={allRows(pools)}
                actions={add('pool', t('spot.pool.add'))}
              />
            ),
          },
        ]}
      />
      <AddModal
        what={adding}
        inspector={editing}
        onClose={() => {
          setAdding(undefined);
          setEditing(undefined);
        }}
        departments={ref.data?.departments ?? []}
        stations={stations ?? []}
        canPickUser={can('org:user:read')}
        onSaved={() => {
          items.reload();
          inspectors.reload();
          pools.reload();
        }}
      />
    </>
  );
}
