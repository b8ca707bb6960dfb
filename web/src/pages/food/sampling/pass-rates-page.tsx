import { Card, DatePicker, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';

import { useMemo, useState } from 'react';
import { samplingApi } from '../../../api/food-sampling.ts';
import { type ChartOption, EChart } from '../../../components/echart.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useAsync } from '../../../lib/use-async.ts';
import { categoryLabel } from './sampling-labels.tsx';

/** 抽检合格率: batches and 合格率 per month (bars and a line) and per food category (table), in the caller's reach. */
export function SamplingPassRatesPage() {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().subtract(11, 'month').startOf('month'), dayjs()]);
  const query = { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const state = useAsync(
    (signal) => samplingApi.passRates(query, { signal }),
    ['food', 'sampling', 'pass-rates', query],
  );
  const data = state.data;
  const months = useMemo(() => {
    const by = new Map<string, { tested: number; passed: number }>();
    for (const r of data?.rows ?? []) {
      const m = by.get(r.month) ?? { tested: 0, passed: 0 };
      m.tested += r.tested;
      m.passed += r.passed;
      by.set(r.month, m);
    }
    return [...by].sort(([a], [b]) => a.localeCompare(b));
  }, [data]);
  const categories = useMemo(() => {
    const by = new Map<string, { tested: number; passed: number; failed: number }>();
    for (const r of data?.rows ?? []) {
      const c = by.get(r.foodCategory) ?? { tested: 0, passed: 0, failed: 0 };
      c.tested += r.tested;
      c.passed += r.passed;
      c.failed += r.failed;
      by.set(r.foodCategory, c);
    }
    return [...by].map(([category, c]) => ({ category, ...c, rate: c.tested ? (c.passed / c.tested) * 100 : null }));
  }, [data]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: months.map(([m]) => m) },
      yAxis: [
        { type: 'value', name: t('foodSampling.rates.batches') },
        { type: 'value', name: '%', min: 80, max: 100 },
      ],
      series: [
        { name: t('foodSampling.rates.batches'), type: 'bar', data: months.map(([, m]) => m.tested) },
        {
          name: t('foodSampling.rates.passRate'),
          type: 'line',
          yAxisIndex: 1,
          data: months.map(([, m]) => (m.tested ? Math.round((m.passed / m.tested) * 1000) / 10 : null)),
        },
      ],
    }),
    [months, t],
  );
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  return (
    <>
      <PageHeader title={t('foodSampling.rates.title')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={range}
          onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
          data-testid="sampling-rates-range"
        />
        <Statistic title={t('foodSampling.rates.batches')} value={data?.total.tested ?? 0} />
        <Statistic title={t('foodSampling.rates.failed')} value={data?.total.failed ?? 0} />
        <Statistic
          title={t('foodSampling.rates.passRate')}
          value={data?.total.passRate ?? 0}
          precision={1}
          suffix="%"
          data-testid="sampling-rates-total"
        />
      </Space>
      <Card loading={!data}>
        <EChart option={option} height={320} testId="sampling-rates-chart" />
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Table
          rowKey="category"
          size="small"
          pagination={false}
          dataSource={categories}
          data-testid="sampling-rates-table"
          columns={[
            { title: t('foodSampling.category'), dataIndex: 'category', render: (c: string) => categoryLabel(t, c) },
            { title: t('foodSampling.rates.batches'), dataIndex: 'tested' },
            { title: t('foodSampling.rates.failed'), dataIndex: 'failed' },
            {
              title: t('foodSampling.rates.passRate'),
              dataIndex: 'rate',
              render: (r: number | null) => (r === null ? '—' : `${r.toFixed(1)}%`),
            },
          ]}
        />
      </Card>
    </>
  );
}
