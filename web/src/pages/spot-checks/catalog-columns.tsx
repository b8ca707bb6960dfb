import { Button, type TableColumnsType, Tag } from 'antd';
import type { TCheckItem, TInspector, TPool } from '../../../../src/contracts/spot-checks.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { PoolFilterSummary } from './pool-filter-summary.tsx';
import { PoolSize } from './pool-size.tsx';

export const itemColumns = (t: Translate): TableColumnsType<TCheckItem> => [
  { title: t('spot.item.code'), dataIndex: 'code' },
  { title: t('spot.item.name'), dataIndex: 'name' },
  { title: t('spot.department'), dataIndex: 'departmentName' },
  {
    title: t('spot.item.level'),
    dataIndex: 'level',
    render: (l: string) =>
      l === 'key' ? <Tag color="red">{t('spot.level.key')}</Tag> : <Tag>{t('spot.level.general')}</Tag>,
  },
  { title: t('spot.item.legalBasis'), dataIndex: 'legalBasis' },
  { title: t('spot.item.checklist'), dataIndex: 'checklist', render: (c: string[]) => c.join(t('spot.listSep')) },
];

export const inspectorColumns = (
  t: Translate,
  onEdit: ((inspector: TInspector) => void) | undefined,
): TableColumnsType<TInspector> => [
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
  { title: t('spot.inspector.username'), dataIndex: 'username', render: (u: string | null) => u ?? '—' },
  ...(onEdit
    ? [
        {
          title: t('common.actions'),
          key: 'edit',
          render: (_: unknown, i: TInspector) => (
            <Button type="link" size="small" data-testid={`edit-inspector-${i.id}`} onClick={() => onEdit(i)}>
              {t('common.edit')}
            </Button>
          ),
        },
      ]
    : []),
];

export const poolColumns = (t: Translate, stations: { id: number; name: string }[]): TableColumnsType<TPool> => [
  { title: t('spot.pool.name'), dataIndex: 'name' },
  {
    title: t('spot.pool.filter'),
    key: 'filter',
    render: (_, p) => <PoolFilterSummary filter={p.filter} stations={stations} />,
  },
  { title: t('spot.pool.size'), key: 'size', render: (_, p) => <PoolSize id={p.id} /> },
];
