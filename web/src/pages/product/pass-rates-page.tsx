import { Card, Segmented, Select, Space, Statistic, Table } from 'antd';
import { useMemo, useState } from 'react';
import { productApi } from '../../api/product-quality.ts';
import { type ChartOption, EChart } from '../../components/echart.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useAsync } from '../../lib/use-async.ts';

/** 监督抽查合格率 by category, station or year (bars: batches, line: 合格率), in the caller's reach. */
export function ProductPassRatesPage() {
  const t = useT();
  const thisYear = new Date().getFullYear();
  const [by, setBy] = useState<'category' | 'station' | 'year'>('category');
  const [year, setYear] = useState<number | undefined>(thisYear);
  const query = { by, year: by === 'year' ? undefined : year };
  const state = useAsync((signal) => productApi.passRates(query, { signal }), ['product', 'pass-rates', query]);
  const data = state.data;
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: (data?.rows ?? []).map((r) => r.label), axisLabel: { interval: 0, rotate: 30 } },
      yAxis: [
        { type: 'value', name: t('product.rates.batches') },
        { type: 'value', name: '%', min: 50, max: 100 },
      ],
      series: [
        { name: t('product.rates.batches'), type: 'bar', data: (data?.rows ?? []).map((r) => r.tested) },
        {
          name: t('product.rates.passRate'),
          type: 'line',
          yAxisIndex: 1,
          data: (data?.rows ?? []).map((r) => r.passRate),
        },
      ],
    }),
    [data, t],
  );
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  return (
    <>
      <PageHeader title={t('nav.productRates')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          value={by}
          onChange={(v) => setBy(v as typeof by)}
          options={(['category', 'station', 'year'] as const).map((k) => ({
            value: k,
            label: t(`product.rates.by.${k}` as MessageKey),
          }))}
        />
        {by !== 'year' && (
          <Select
            style={{ width: 120 }}
            value={year}
            onChange={setYear}
            options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: String(y) }))}
          />
        )}
        <Statistic title={t('product.rates.batches')} value={data?.total.tested ?? 0} />
        <Statistic title={t('product.rates.passed')} value={data?.total.passed ?? 0} />
        <Statistic
          title={t('product.rates.passRate')}
          value={data?.total.passRate ?? 0}
          precision={1}
          suffix="%"
          data-testid="product-rates-total"
        />
      </Space>
      <Card loading={!data}>
        <EChart option={option} height={340} testId="product-rates-chart" />
      </Card>
      <Card style={{ marginTop: 16 }}>
        <Table
          rowKey="key"
          size="small"
          pagination={false}
          dataSource={data?.rows}
          columns={[
            { title: t(`product.rates.by.${by}` as MessageKey), dataIndex: 'label' },
            { title: t('product.rates.batches'), dataIndex: 'tested' },
            { title: t('product.rates.failed'), dataIndex: 'failed' },
            {
              title: t('product.rates.passRate'),
              dataIndex: 'passRate',
              render: (r: number | null) => (r === null ? '—' : `${r.toFixed(1)}%`),
            },
          ]}
        />
      </Card>
    </>
  );
}
