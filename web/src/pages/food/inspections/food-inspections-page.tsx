import { Button, Segmented, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TFoodInspectionSummary } from '../../../../../src/contracts/food-inspections.ts';
import { foodInspectionsApi } from '../../../api/food-inspections.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';
import { ResultTag } from './grade-face.tsx';

type Status = 'planned' | 'inProgress' | 'done';

const nowrap = (d: string | null) => <span style={{ whiteSpace: 'nowrap' }}>{d ?? '—'}</span>;

/** 日常监督检查 of the station: planned, in progress and done, each opening the phone page. */
export function FoodInspectionsPage() {
  const t = useT();
  const { can } = useAuth();
  const [status, setStatus] = useState<Status>('planned');
  const list = useKeysetList(
    (cursor, signal) => foodInspectionsApi.list({ status, cursor }, { signal }),
    (r) => r.id,
    ['food', 'inspections', status],
  );
  const columns = useMemo<TableColumnsType<TFoodInspectionSummary>>(
    () => [
      {
        title: t('foodInspection.entity'),
        dataIndex: 'entityName',
        // Wraps within 13em, so a phone shows the name and its date side by side without scrolling.
        render: (n: string, r) => (
          <Link
            to={`/food/inspections/${r.id}`}
            style={{ display: 'inline-block', maxWidth: '13em' }}
            data-testid={`inspection-name-${r.id}`}
          >
            {n}
          </Link>
        ),
      },
      {
        title: t('foodInspection.kind'),
        dataIndex: 'kind',
        render: (k: string) => t(`foodInspection.kind.${k}` as MessageKey),
        responsive: ['md'],
      },
      // On a phone only the date that matters for the tab: when it is due, or when it was done.
      {
        title: t('foodInspection.plannedOn'),
        dataIndex: 'plannedOn',
        render: nowrap,
        ...(status === 'done' ? { responsive: ['md'] as const } : {}),
      },
      {
        title: t('foodInspection.inspectedOn'),
        dataIndex: 'inspectedOn',
        render: nowrap,
        ...(status === 'done' ? {} : { responsive: ['md'] as const }),
      },
      {
        title: t('foodInspection.result'),
        dataIndex: 'result',
        render: (r: string | null) => <ResultTag result={r} />,
        ...(status === 'done' ? {} : { responsive: ['md'] as const }),
      },
      { title: t('foodInspection.score'), dataIndex: 'score', responsive: ['md'] },
      {
        title: t('foodInspection.publication'),
        dataIndex: 'publishDueOn',
        render: (d: string | null, r) =>
          r.publishedAt ? t('foodInspection.published') : d ? t('foodInspection.publishDue', { date: d }) : '—',
        responsive: ['md'],
      },
      { title: t('food.licence.station'), dataIndex: 'stationName', responsive: ['md'] },
      {
        title: '',
        dataIndex: 'id',
        // On a phone the name opens the same page.
        responsive: ['md'],
        render: (id: number, r) =>
          r.status !== 'done' &&
          can('food:write') && (
            <Link to={`/food/inspections/${id}`}>
              <Button size="small" type="primary" data-testid={`open-inspection-${id}`}>
                {t(r.status === 'planned' ? 'foodInspection.start' : 'foodInspection.continue')}
              </Button>
            </Link>
          ),
      },
    ],
    [t, can, status],
  );
  return (
    <>
      <PageHeader title={t('foodInspection.listTitle')} />
      <Segmented<Status>
        style={{ marginBottom: 12 }}
        value={status}
        onChange={setStatus}
        options={(['planned', 'inProgress', 'done'] as const).map((s) => ({
          value: s,
          label: t(`foodInspection.status.${s}` as MessageKey),
        }))}
        data-testid="food-inspections-status"
      />
      <ListTable<TFoodInspectionSummary>
        id="food-inspections"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="food-inspections-table"
      />
    </>
  );
}
