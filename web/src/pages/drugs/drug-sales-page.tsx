import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Col, Descriptions, Modal, Row, Table, type TableColumnsType, Tag } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import type { TDrugSale, TDrugSaleAlert, TDrugSalePersonal } from '../../../../src/contracts/drug-sales.ts';
import { addDays } from '../../../../src/domain/drug-sales.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { drugSalesApi } from '../../api/drug-sales.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

const EChart = lazy(() => import('../../components/echart.tsx').then((m) => ({ default: m.EChart })));

/** The daily count chart: one line per drug class over the last 60 days (from the rollup). */
function DailyChart() {
  const t = useT();
  const today = shanghaiToday();
  const daily = useQuery({
    queryKey: ['drugs', 'sales', 'daily', today],
    queryFn: ({ signal }) => drugSalesApi.daily(addDays(today, -59), today, { signal }),
  });
  const option = useMemo(() => {
    const days = Array.from({ length: 60 }, (_, i) => addDays(today, i - 59));
    const classes = [...new Set((daily.data?.days ?? []).map((d) => d.drugClass))];
    const at = new Map((daily.data?.days ?? []).map((d) => [`${d.day}|${d.drugClass}`, d.n]));
    return {
      tooltip: { trigger: 'axis' as const },
      legend: { top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 24 },
      xAxis: { type: 'category' as const, data: days.map((d) => d.slice(5)) },
      yAxis: { type: 'value' as const },
      series: classes.map((c) => ({
        name: c,
        type: 'line' as const,
        smooth: true,
        data: days.map((d) => at.get(`${d}|${c}`) ?? 0),
      })),
    };
  }, [daily.data, today]);
  const townships = useMemo(() => {
    const sums = new Map<string, number>();
    for (const r of daily.data?.townships ?? []) sums.set(r.townshipName, (sums.get(r.townshipName) ?? 0) + r.n);
    return [...sums].map(([name, n]) => ({ name, n })).sort((a, b) => b.n - a.n);
  }, [daily.data]);
  return (
    <Row gutter={16}>
      <Col xs={24} lg={16}>
        <Card title={t('drugSales.chart')} size="small" loading={daily.isLoading}>
          <Suspense fallback={null}>
            <EChart option={option} height={280} testId="drug-sales-chart" />
          </Suspense>
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        <Card title={t('drugSales.township')} size="small">
          <Table
            size="small"
            rowKey="name"
            pagination={false}
            dataSource={townships}
            columns={[
              { title: t('drugSales.township'), dataIndex: 'name' },
              { title: t('drugSales.count'), dataIndex: 'n', align: 'right' as const },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}

function AlertsCard() {
  const t = useT();
  const alerts = useQuery({ queryKey: ['drugs', 'alerts'], queryFn: ({ signal }) => drugSalesApi.alerts({ signal }) });
  const columns: TableColumnsType<TDrugSaleAlert> = [
    { title: t('drugSales.soldOn'), dataIndex: 'day' },
    { title: t('drugSales.township'), dataIndex: 'townshipName' },
    { title: t('drugSales.drugClass'), dataIndex: 'drugClass' },
    { title: t('drugSales.alert.observed'), dataIndex: 'observed', align: 'right' },
    { title: t('drugSales.alert.expected'), dataIndex: 'expected', align: 'right' },
    {
      title: '',
      dataIndex: 'status',
      render: (s: 'new' | 'handled') => (
        <Tag color={s === 'new' ? 'red' : 'green'}>
          {t(s === 'new' ? 'drugSales.status.new' : 'drugSales.status.handled')}
        </Tag>
      ),
    },
  ];
  if (!alerts.data?.items.length) return null;
  return (
    <Card title={t('drugSales.alerts')} size="small" style={{ marginTop: 16 }}>
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={alerts.data.items}
        columns={columns}
        data-testid="drug-sale-alerts"
      />
    </Card>
  );
}

/** 重点药品购药登记: the daily chart, spike alerts and the registrations in reach (masked; clear values audited). */
export function DrugSalesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canSeePersonal = useAuth().can('drug:personal');
  const [personal, setPersonal] = useState<TDrugSalePersonal | null>(null);
  const list = useKeysetList(
    (cursor, signal) => drugSalesApi.list({ cursor }, { signal }),
    (r) => r.id,
    ['drugs', 'sales'],
  );
  const reveal = useCallback(
    async (id: number) => {
      try {
        setPersonal(await drugSalesApi.personal(id));
      } catch (err) {
        message.error((err as Error).message);
      }
    },
    [message],
  );
  const columns = useMemo<TableColumnsType<TDrugSale>>(
    () => [
      { title: t('drugSales.soldOn'), dataIndex: 'soldOn', width: 110 },
      { title: t('drugSales.pharmacy'), dataIndex: 'entityName' },
      {
        title: t('drugSales.drug'),
        dataIndex: 'drugName',
        render: (n: string, r) => `${n} (${r.drugClass}) ×${r.quantity}`,
      },
      { title: t('drugSales.buyer'), dataIndex: 'buyerName' },
      { title: t('drugSales.idNumber'), dataIndex: 'idNumber' },
      { title: t('drugSales.phone'), dataIndex: 'phone' },
      { title: t('drugSales.temperature'), dataIndex: 'temperature', render: (v: number | null) => v ?? '—' },
      ...(canSeePersonal
        ? [
            {
              title: '',
              key: 'reveal',
              render: (_: unknown, r: TDrugSale) => (
                <Button size="small" onClick={() => reveal(r.id)} data-testid={`drug-sale-reveal-${r.id}`}>
                  {t('drugSales.reveal')}
                </Button>
              ),
            },
          ]
        : []),
    ],
    [t, canSeePersonal, reveal],
  );
  return (
    <>
      <PageHeader title={t('drugSales.title')} />
      <DailyChart />
      <AlertsCard />
      <div style={{ marginTop: 16 }}>
        <ListTable<TDrugSale>
          id="drug-sales"
          rowKey="id"
          columns={columns}
          source={{ kind: 'keyset', list }}
          data-testid="drug-sales-table"
        />
      </div>
      <Modal open={!!personal} title={t('drugSales.reveal')} footer={null} onCancel={() => setPersonal(null)}>
        {personal && (
          <Descriptions column={1} size="small" data-testid="drug-sale-personal">
            <Descriptions.Item label={t('drugSales.buyer')}>{personal.buyerName}</Descriptions.Item>
            <Descriptions.Item label={t('drugSales.idNumber')}>{personal.idNumber}</Descriptions.Item>
            <Descriptions.Item label={t('drugSales.phone')}>{personal.phone}</Descriptions.Item>
          </Descriptions>
        )}
        <small>{t('drugSales.revealNote')}</small>
      </Modal>
    </>
  );
}
