import { DownloadOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { TVisitSummary } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi, type VisitQuery, visitExportUrl } from '../../api/spot-checks.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag, useStatusOptions } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

type Filters = Pick<VisitQuery, 'status' | 'mine' | 'overdue'>;
const visitKey = (v: TVisitSummary) => v.id;
const visitStatuses = ['assigned', 'inspected', 'published'] as const;

/** The status a link brings (?status=inspected from the screen); anything else is ignored. */
const statusFromParams = (params: URLSearchParams): Filters['status'] =>
  visitStatuses.find((s) => s === params.get('status'));

/** Inspections and publication: my visits, results to enter, and the publication status with its 20-working-day deadline. */
export function VisitsPage() {
  const t = useT();
  const statusOptions = useStatusOptions('spotCheckVisit');
  const [params] = useSearchParams();
  const [filters, setFilters] = useState<Filters>(() => ({ status: statusFromParams(params) }));
  const query = { ...filters, limit: 30 };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => spotChecksApi.visits({ ...query, cursor }, { signal });
  // Visits page with a cursor and no count: "load more".
  const list = useKeysetList(fetchPage, visitKey, queryKeys.spotChecks.visits(query));
  const columns = useMemo<TableColumnsType<TVisitSummary>>(
    () => [
      {
        title: t('spot.entity'),
        dataIndex: 'entityName',
        render: (n: string, v) => (
          <Link
            to={
              v.foodInspectionId
                ? `/food/inspections/${v.foodInspectionId}`
                : v.cdBusinessId
                  ? `/drugs/cd-businesses/${v.cdBusinessId}`
                  : `/spot-checks/visits/${v.id}`
            }
          >
            {n}
          </Link>
        ),
      },
      { title: t('spot.station'), dataIndex: 'stationName' },
      {
        title: t('spot.inspectors'),
        key: 'inspectors',
        render: (_, v) => v.inspectors.map((i) => i.name).join(t('spot.nameSep')),
      },
      {
        title: t('spot.status'),
        dataIndex: 'status',
        render: (status: string) => <StatusTag workflow="spotCheckVisit" status={status} />,
      },
      {
        title: t('spot.visits.due'),
        key: 'due',
        render: (_, v) =>
          v.publishedAt ? (
            t('spot.visits.publishedOn', { date: v.publishedAt.slice(0, 10) })
          ) : v.publishDueOn ? (
            <Typography.Text type={v.overdue ? 'danger' : undefined}>
              {v.publishDueOn}
              {v.overdue && <Tag color="red">{t('spot.overdue')}</Tag>}
            </Typography.Text>
          ) : (
            '—'
          ),
      },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('spot.visits.title')} />
      <SearchForm<{ status?: Filters['status']; flags?: string[] }>
        initialValues={{ status: filters.status }}
        onSearch={({ status, flags = [] }) =>
          setFilters({ status, mine: flags.includes('mine'), overdue: flags.includes('overdue') })
        }
        data-testid="visit-search-form"
      >
        <Form.Item name="status" label={t('spot.status')}>
          <Select allowClear options={statusOptions} data-testid="visit-filter-status" />
        </Form.Item>
        <Form.Item name="flags" label={t('spot.visits.scope')}>
          <Checkbox.Group
            options={[
              { value: 'mine', label: t('spot.visits.mine') },
              { value: 'overdue', label: t('spot.visits.overdue') },
            ]}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TVisitSummary>
        id="spot-visits"
        rowKey="id"
        size="small"
        columns={columns}
        source={{ kind: 'keyset', list }}
        exportButton={
          <Button icon={<DownloadOutlined />} href={visitExportUrl(query)} data-testid="visit-export-xlsx">
            {t('common.exportXlsx')}
          </Button>
        }
        data-testid="visits-table"
      />
    </>
  );
}
