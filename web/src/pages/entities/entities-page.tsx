import { DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, type TableColumnsType, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { TEntitySummary } from '../../../../src/contracts/entities.ts';
import { type EntityFilters, entitiesApi, entityLinks } from '../../api/entities.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { EntityFiltersBar } from './entity-filters.tsx';
import { filtersFromParams, filtersToParams } from './entity-filters-url.ts';
import { entityTypeLabel, industryLabel, useStations } from './entity-refs.ts';

const PAGE_SIZE = 20;
const entityKey = (e: TEntitySummary) => e.id;

export function EntitiesPage() {
  const t = useT();
  const navigate = useNavigate();
  const { can } = useAuth();
  const canWrite = can('entity:write');
  const stations = useStations();
  // Filters live in the query string: a copied link or the back button brings the same list back.
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(query)), [query]);
  const setFilters = (next: EntityFilters) => setParams(filtersToParams(next));
  const list = useKeysetList(
    (cursor?: string, signal?: AbortSignal) => entitiesApi.list(filters, cursor, PAGE_SIZE, { signal }),
    entityKey,
    queryKeys.entities.list({ ...filters, limit: PAGE_SIZE }),
  );
  const first = list.firstPage;
  const total = first && { total: first.total, estimate: first.totalIsEstimate, capped: first.totalIsCapped };

  const columns: TableColumnsType<TEntitySummary> = [
    {
      title: t('entities.name'),
      dataIndex: 'name',
      render: (name: string, e) => <Link to={`/entities/${e.id}`}>{name}</Link>,
    },
    {
      title: t('entities.uscc'),
      dataIndex: 'uscc',
      render: (uscc: string) => <Typography.Text code>{uscc}</Typography.Text>,
    },
    {
      title: t('entities.status'),
      dataIndex: 'status',
      render: (s: TEntitySummary['status']) => <StatusTag workflow="entity" status={s} />,
    },
    {
      title: t('entities.type'),
      dataIndex: 'type',
      render: (type: TEntitySummary['type']) => entityTypeLabel(t, type),
    },
    { title: t('entities.legalRep'), dataIndex: 'legalRepName', render: (v: string | null) => v ?? '—' },
    { title: t('entities.legalRepId'), dataIndex: 'legalRepIdMasked', render: (v: string | null) => v ?? '—' },
    { title: t('entities.phone'), dataIndex: 'phoneMasked', render: (v: string | null) => v ?? '—' },
    { title: t('entities.station'), dataIndex: 'stationName' },
    { title: t('entities.industry'), dataIndex: 'industryCode', render: industryLabel, ellipsis: true, width: 200 },
    { title: t('entities.establishedOn'), dataIndex: 'establishedOn' },
  ];

  const totalKey = total?.capped
    ? 'entities.totalCapped'
    : total?.estimate
      ? 'entities.totalEstimate'
      : 'entities.total';
  const totalText = total && t(totalKey, { count: total.total.toLocaleString() });

  return (
    <>
      <PageHeader title={t('nav.entities')} />
      <EntityFiltersBar value={filters} onChange={setFilters} stations={stations} />
      <ListTable<TEntitySummary>
        id="entities"
        rowKey="id"
        columns={columns}
        // Entities is the one list whose API sends a total: exact up to 1,000, then the planner's estimate.
        source={{
          kind: 'keyset',
          list,
          total: (
            <span data-testid="entity-total" style={{ whiteSpace: 'nowrap' }}>
              {totalText}
            </span>
          ),
        }}
        actions={
          canWrite && (
            <>
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => navigate('/entities/new')}
                data-testid="entity-create"
              >
                {t('entities.create')}
              </Button>
              <Button
                icon={<ImportOutlined />}
                onClick={() => navigate('/entities/import')}
                data-testid="entity-import"
              >
                {t('entities.import')}
              </Button>
            </>
          )
        }
        exportButton={
          <Space.Compact>
            <Button
              icon={<DownloadOutlined />}
              href={entityLinks.export(filters, 'xlsx')}
              data-testid="entity-export-xlsx"
            >
              {t('entities.exportXlsx')}
            </Button>
            <Button href={entityLinks.export(filters, 'csv')} data-testid="entity-export-csv">
              {t('entities.exportCsv')}
            </Button>
          </Space.Compact>
        }
        data-testid="entities-table"
      />
    </>
  );
}
