import { Button, Card, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import type { TCheckItem, TInspector, TPool } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { AddModal } from './catalog-add-modal.tsx';
import { ConflictsTab } from './conflicts-tab.tsx';

/** 抽查事项清单、执法检查人员名录库、检查对象名录库. */
export function SpotCheckCatalogPage() {
  const ref = useAsync((signal) => spotChecksApi.reference({ signal }), queryKeys.spotChecks.reference());
  const items = useAsync((signal) => spotChecksApi.items({ signal }), queryKeys.spotChecks.items());
  const inspectors = useAsync((signal) => spotChecksApi.inspectors({ signal }), queryKeys.spotChecks.inspectors());
  const pools = useAsync((signal) => spotChecksApi.pools({ signal }), queryKeys.spotChecks.pools());
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
      <PageHeader title="抽查事项与名录库" />
      {error && <LoadError error={error} />}
      <Tabs
        items={[
          {
            key: 'items',
            label: '抽查事项清单',
            children: (
              <Card size="small" extra={add('item', '新增事项')}>
                <Table<TCheckItem>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={items.loading}
                  dataSource={items.data ?? []}
                  columns={[
                    { title: '编号', dataIndex: 'code' },
                    { title: '事项', dataIndex: 'name' },
                    { title: '科室', dataIndex: 'departmentName' },
                    {
                      title: '类别',
                      dataIndex: 'level',
                      render: (l: string) => (l === 'key' ? <Tag color="red">重点</Tag> : <Tag>一般</Tag>),
                    },
                    { title: '法律依据', dataIndex: 'legalBasis' },
                    { title: '检查要点', dataIndex: 'checklist', render: (c: string[]) => c.join('；') },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'inspectors',
            label: `执法检查人员（${inspectors.data?.length ?? 0}）`,
            children: (
              <Card size="small" extra={add('inspector', '新增人员')}>
                <Table<TInspector>
                  rowKey="id"
                  size="small"
                  loading={inspectors.loading}
                  dataSource={inspectors.data ?? []}
                  columns={[
                    { title: '姓名', dataIndex: 'name' },
                    { title: '科室', dataIndex: 'departmentName' },
                    { title: '所在所', dataIndex: 'stationName', render: (s: string | null) => s ?? '局机关' },
                    {
                      title: '资格',
                      dataIndex: 'qualifications',
                      render: (q: string[]) => q.map((x) => <Tag key={x}>{x}</Tag>),
                    },
                    { title: '账号', dataIndex: 'username', render: (u: string | null) => u ?? '—' },
                    ...(can('spotcheck:write')
                      ? [
                          {
                            title: '操作',
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
                                编辑
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
            label: '回避声明',
            children: <ConflictsTab inspectors={inspectors.data ?? []} />,
          },
          {
            key: 'pools',
            label: '检查对象名录库',
            children: (
              <Card size="small" extra={add('pool', '新增名录库')}>
                <Table<TPool>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={pools.loading}
                  dataSource={pools.data ?? []}
                  columns={[
                    { title: '名称', dataIndex: 'name' },
                    { title: '筛选条件', key: 'filter', render: (_, p) => <code>{JSON.stringify(p.filter)}</code> },
                    { title: '当前规模', key: 'size', render: (_, p) => <PoolSize id={p.id} /> },
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
  const [text, setText] = useState<string>();
  return text ? (
    <span>{text}</span>
  ) : (
    <Button
      size="small"
      onClick={() =>
        spotChecksApi
          .previewPool(id)
          .then((p) =>
            setText(
              `${p.size} 户（A ${p.byClass.A} / B ${p.byClass.B} / C ${p.byClass.C} / D ${p.byClass.D}；未分类 ${p.unclassified} 计入B）`,
            ),
          )
      }
    >
      统计
    </Button>
  );
}
