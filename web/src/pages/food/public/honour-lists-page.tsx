import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Select, Space, Table, type TableColumnsType, Tag } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { THonourListDetail, THonourStationStatus } from '../../../../../src/contracts/food-public.ts';
import { toApiError } from '../../../api/errors.ts';
import { foodHonourApi } from '../../../api/food-public.ts';
import { useAuth, useMe } from '../../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { HonourListDrawer } from './honour-list-drawer.tsx';

const statusColor = { none: 'default', draft: 'orange', approved: 'blue', published: 'green' } as const;

/**
 * 红黑榜: one month (default last month, never a month not yet ended) across the stations in the caller's reach, so
 * the district sees who has not published; a district user picks the station to draft for, a chief has only theirs.
 * Links from the inbox carry ?month, ?station and ?list.
 */
export function HonourListsPage() {
  const t = useT();
  const me = useMe();
  const { can } = useAuth();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? undefined;
  const [open, setOpen] = useState<THonourListDetail>();
  const status = useQuery({
    queryKey: ['food', 'honour-lists', 'month-status', month],
    queryFn: ({ signal }) => foodHonourApi.monthStatus(month, { signal }),
  });
  const stations = status.data?.stations ?? [];
  const wanted = Number(params.get('station')) || me.user.unitId;
  const station = stations.find((s) => s.stationId === wanted) ?? stations[0];
  const setParam = (key: string, value: string | undefined) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });

  const listParam = Number(params.get('list'));
  useEffect(() => {
    if (listParam) foodHonourApi.list(listParam).then(setOpen, (err) => message.error(errorDetail(t, err)));
  }, [listParam, message, t]);

  const run = async (fn: () => Promise<THonourListDetail>) => {
    try {
      setOpen(await fn());
      await client.invalidateQueries({ queryKey: ['food', 'honour-lists'] });
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };
  const columns: TableColumnsType<THonourStationStatus> = [
    { title: t('foodHonour.station'), dataIndex: 'stationName' },
    {
      title: t('foodHonour.status'),
      dataIndex: 'status',
      render: (s: THonourStationStatus['status'], r) => <Tag color={statusColor[s]}>{r.statusLabel}</Tag>,
    },
    {
      title: `${t('foodHonour.red')} / ${t('foodHonour.black')}`,
      key: 'count',
      render: (_, r) => (r.listId ? t('foodHonour.count', { red: r.redCount ?? 0, black: r.blackCount ?? 0 }) : '—'),
    },
    {
      title: '',
      key: 'open',
      render: (_, r) =>
        r.listId && (
          <Button size="small" onClick={() => run(() => foodHonourApi.list(r.listId!))}>
            {t('foodHonour.open')}
          </Button>
        ),
    },
  ];
  const shown = status.data?.month;
  const canDraft = can('food:write') && station?.status === 'none' && shown;
  return (
    <>
      <PageHeader
        title={t('foodHonour.title')}
        extra={
          <Space wrap>
            <DatePicker
              picker="month"
              aria-label={t('foodHonour.month')}
              allowClear={false}
              value={shown ? dayjs(`${shown}-01`) : undefined}
              disabledDate={(d) => !!status.data && d.format('YYYY-MM') > status.data.latestMonth}
              onChange={(d) => setParam('month', d?.format('YYYY-MM'))}
            />
            <Select
              aria-label={t('foodHonour.station')}
              style={{ minWidth: 180 }}
              value={station?.stationId}
              disabled={stations.length <= 1}
              options={stations.map((s) => ({ value: s.stationId, label: s.stationName }))}
              onChange={(v: number) => setParam('station', String(v))}
            />
            {canDraft && (
              <Button type="primary" onClick={() => run(() => foodHonourApi.draft(station.stationId, shown))}>
                {t('foodHonour.draftMonth')}
              </Button>
            )}
          </Space>
        }
      />
      {status.error && <LoadError error={toApiError(status.error)} onRetry={() => status.refetch()} />}
      <Table<THonourStationStatus>
        rowKey="stationId"
        size="small"
        loading={status.isLoading}
        pagination={false}
        dataSource={stations}
        columns={columns}
        rowClassName={(r) => (r.stationId === station?.stationId ? 'ant-table-row-selected' : '')}
        onRow={(r) => ({ onClick: () => setParam('station', String(r.stationId)) })}
      />
      <HonourListDrawer
        list={open}
        run={run}
        onClose={() => {
          setOpen(undefined);
          setParam('list', undefined);
        }}
      />
    </>
  );
}
