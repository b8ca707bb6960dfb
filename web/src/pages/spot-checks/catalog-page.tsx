import { Button, Card, Table, Tabs, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { TCheckItem, TInspector, TPool } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { AddModal } from './catalog-add-modal.tsx';
import { ConflictsTab } from './conflicts-tab.tsx';
import { PoolFilterSummary } from './pool-filter-summary.tsx';

/** The check-item list, the inspector directory, conflicts of interest and the entity pools. */
export function SpotCheckCatalogPage() {
  const t = useT();
  const ref = useAsync(useCallback(() => spotChecksApi.reference(), []));
  const items = useAsync(useCallback(() => spotChecksApi.items(), []));
  const inspectors = useAsync(useCallback(() => spotChecksApi.inspectors(), []));
  const pools = useAsync(useCallback(() => spotChecksApi.pools(), []));
  const [adding, setAdding] = useState<'item' | 'inspector' | 'pool'>();
  const [editing, setEditing] = useState<TInspector>();
  const { can } = useAuth();
  const error = ref.error ?? items.error ?? inspectors.error ?? pools.error;
  const add = (what: 'item' | 'inspector' | 'pool', label: string) =>
    can('spotcheck:write') && (
      <Button onClick={() => setAdding(what)} data-testid={`add-${what}`}>
        {label}
      </Button>
    );
  return (
    <>
      <PageHeader title={t('spot.catalog.title')} />
      {error && <LoadError error={error} />}
      <Tabs
        items={[
          {
            key: 'items',
            label: t('spot.catalog.items'),
            children: (
              <Card size="small" extra={add('item', t('spot.item.add'))}>
                <Table<TCheckItem>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={items.loading}
                  dataSource={items.data ?? []}
                  columns={[
                    { title: t('spot.item.code'), dataIndex: 'code' },
                    { title: t('spot.item.name'), dataIndex: 'name' },
                    { title: t('spot.department'), dataIndex: 'departmentName' },
                    {
                      title: t('spot.item.level'),
                      dataIndex: 'level',
                      render: (l: string) =>
                        l === 'key' ? (
                          <Tag color="red">{t('spot.level.key')}</Tag>
                        ) : (
                          <Tag>{t('spot.level.general')}</Tag>
                        ),
                    },
                    { title: t('spot.item.legalBasis'), dataIndex: 'legalBasis' },
                    {
                      title: t('spot.item.checklist'),
                      dataIndex: 'checklist',
                      render: (c: string[]) => c.join(t('spot.listSep')),
                    },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'inspectors',
            label: t('spot.catalog.inspectors', { count: inspectors.data?.length ?? 0 }),
            children: (
              <Card size="small" extra={add('inspector', t('spot.inspector.add'))}>
                <Table<TInspector>
                  rowKey="id"
                  size="small"
                  loading={inspectors.loading}
                  dataSource={inspectors.data ?? []}
                  columns={[
                    { title: t('spot.inspector.name'), dataIndex: 'name' },
                    { title: t('spot.department'), dataIndex: 'departmentName' },
                    {
                      title: t('spot.inspector.station'),
                      dataIndex: 'stationName',
                      render: (s: string | null) => s ?? t('spot.bureau'),
                    },
                    {
                      title: t('spot.inspector.qualifications'),
                      dataIndex: 'qualifications',
                      render: (q: string[]) => q.map((x) => <Tag key={x}>{x}</Tag>),
                    },
                    {
                      title: t('spot.inspector.username'),
                      dataIndex: 'username',
                      render: (u: string | null) => u ?? '—',
                    },
                    ...(can('spotcheck:write')
                      ? [
                          {
                            title: t('common.actions'),
                            key: 'edit',
                            render: (_: unknown, i: TInspector) => (
                              <Button
                                type="link"
                                size="small"
                                data-testid={`edit-inspector-${i.id}`}
                                onClick={() => {
                                  setEditing(i);
                                  setAdding('inspector');
                                }}
                              >
                                {t('common.edit')}
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
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
              <Card size="small" extra={add('pool', t('spot.pool.add'))}>
                <Table<TPool>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={pools.loading}
                  dataSource={pools.data ?? []}
                  columns={[
                    { title: t('spot.pool.name'), dataIndex: 'name' },
                    {
                      title: t('spot.pool.filter'),
                      key: 'filter',
                      render: (_, p) => <PoolFilterSummary filter={p.filter} stations={ref.data?.stations ?? []} />,
                    },
                    { title: t('spot.pool.size'), key: 'size', render: (_, p) => <PoolSize id={p.id} /> },
                  ]}
                />
              </Card>
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
        stations={ref.data?.stations ?? []}
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

function PoolSize({ id }: { id: number }) {
  const t = useT();
  const [text, setText] = useState<string>();
  return text ? (
    <span>{text}</span>
  ) : (
    <Button
      size="small"
      onClick={() =>
        spotChecksApi.previewPool(id).then((p) =>
          setText(
            t('spot.pool.sizeText', {
              size: p.size,
              A: p.byClass.A,
              B: p.byClass.B,
              C: p.byClass.C,
              D: p.byClass.D,
              unclassified: p.unclassified,
            }),
          ),
        )
      }
    >
      {t('spot.pool.count')}
    </Button>
  );
}
