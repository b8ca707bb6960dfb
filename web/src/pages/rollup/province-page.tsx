import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { ROLLUP_COUNTS, rollupTotals } from '../../../../src/contracts/rollup.ts';
import { rollupApi, rollupKeys, type TRollupCity } from '../../api/rollup.ts';
import { type ChartOption, EChart } from '../../components/echart.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useAsync } from '../../lib/use-async.ts';
import { cityLabel, type NumericField, yuan } from './province-figures.ts';

type Metric = 'entities' | 'complaints' | 'cases' | 'finesFen' | 'spotCheckVisits';
const metrics: { value: Metric; label: MessageKey }[] = [
  { value: 'entities', label: 'province.entities' },
  { value: 'complaints', label: 'province.complaints' },
  { value: 'spotCheckVisits', label: 'province.spotCheckVisits' },
  { value: 'cases', label: 'province.cases' },
  { value: 'finesFen', label: 'province.finesYuan' },
];

const MONTHS = 12;

/** 省级汇总: the subscribed cities side by side, from the roll-up views (issue 15 point 6). */
export function ProvincePage() {
  const t = useT();
  const [metric, setMetric] = useState<Metric>('entities');
  const regions = useAsync((signal) => rollupApi.regions({ signal }), rollupKeys.regions());
  const months = useAsync(
    (signal) => rollupApi.complaintMonths(MONTHS, { signal }),
    rollupKeys.complaintMonths(MONTHS),
  );
  const cities = regions.data?.cities ?? [];

  const compareOption = useMemo(
    (): ChartOption => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 64, right: 16, top: 24, bottom: 48 },
      xAxis: {
        type: 'category',
        data: cities.map((c) => cityLabel(t, c)),
        axisLabel: { interval: 0, rotate: cities.length > 6 ? 30 : 0 },
      },
      yAxis: { type: 'value' },
      series: [
        {
          name: t(metrics.find((m) => m.value === metric)?.label ?? 'province.entities'),
          type: 'bar',
          barMaxWidth: 48,
          label: { show: cities.length <= 12, position: 'top' },
          data: cities.map((c) => (metric === 'finesFen' ? c.finesFen / 100 : c[metric])),
        },
      ],
    }),
    [cities, metric, t],
  );

  const monthOption = useMemo((): ChartOption | undefined => {
    const m = months.data;
    if (!m?.cities.length) return undefined;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: m.months },
      yAxis: { type: 'value', minInterval: 1 },
      series: m.cities.map((c) => ({ name: cityLabel(t, c), type: 'line', data: c.counts })),
    };
  }, [months.data, t]);

  const retry = () => {
    regions.reload();
    months.reload();
  };
  const header = (
    <PageHeader
      title={t('nav.province')}
      extra={
        <Space wrap>
          <Button icon={<ReloadOutlined />} onClick={retry} data-testid="province-refresh">
            {t('common.refresh')}
          </Button>
          {cities.length > 0 && (
            <Button icon={<DownloadOutlined />} href="/api/v1/rollup/regions/export" data-testid="province-export">
              {t('province.export')}
            </Button>
          )}
        </Space>
      }
    />
  );

  if (regions.error) {
    return (
      <>
        {header}
        <LoadError error={regions.error} onRetry={retry} />
      </>
    );
  }
  if (regions.data && !regions.data.configured) {
    return (
      <>
        {header}
        <Card data-testid="province-empty">
          <Empty
            description={
              <Space orientation="vertical" style={{ maxWidth: 720, textAlign: 'left' }}>
                <Typography.Title level={5}>{t('province.empty.title')}</Typography.Title>
                <Typography.Paragraph>{t('province.empty.detail')}</Typography.Paragraph>
                <Typography.Text type="secondary">{t('province.empty.docs')}</Typography.Text>
              </Space>
            }
          />
        </Card>
      </>
    );
  }

  return (
    <>
      {header}
      <Typography.Paragraph type="secondary">
        {t('province.subtitle')}
        {regions.data && ` · ${t('province.cities', { count: cities.length })}`}
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
        {cities
          .filter((c) => c.problem)
          .map((c) => (
            <Alert
              key={c.cityCode}
              type="warning"
              showIcon
              title={t('province.problem', { code: c.cityCode, name: c.name })}
              description={c.problem}
              data-testid={`province-problem-${c.cityCode}`}
            />
          ))}
      </Space>
      <Row gutter={[16, 16]}>
        <Col xs={24}>
          <Card size="small" data-testid="province-table">
            <ProvinceTable cities={cities} loading={regions.loading} />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('province.compare')} loading={regions.loading && !regions.data}>
            {/* In the body, not the title bar: five choices do not fit beside the title on a phone. */}
            <div style={{ overflowX: 'auto', marginBottom: 8 }}>
              <Segmented<Metric>
                size="small"
                value={metric}
                onChange={setMetric}
                options={metrics.map((m) => ({ value: m.value, label: t(m.label) }))}
                data-testid="province-metric"
              />
            </div>
            <EChart option={compareOption} height={300} testId="province-compare" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t('province.months')} loading={months.loading && !months.data}>
            {months.error && <LoadError error={months.error} onRetry={months.reload} />}
            {monthOption && <EChart option={monthOption} height={320} testId="province-months" />}
          </Card>
        </Col>
      </Row>
    </>
  );
}

function ProvinceTable({ cities, loading }: { cities: TRollupCity[]; loading: boolean }) {
  const t = useT();
  const total = useMemo(() => rollupTotals(cities), [cities]);
  const num = (field: NumericField, title: MessageKey | string) => ({
    key: field,
    title: title.includes('.') ? t(title as MessageKey) : title,
    dataIndex: field,
    align: 'right' as const,
    sorter: (a: TRollupCity, b: TRollupCity) => a[field] - b[field],
    render: (v: number) => (field === 'finesFen' ? yuan(v) : v.toLocaleString('zh-CN')),
  });
  const columns: ColumnsType<TRollupCity> = [
    {
      key: 'cityCode',
      title: t('province.regionCode'),
      dataIndex: 'cityCode',
      fixed: 'left',
      sorter: (a, b) => a.cityCode.localeCompare(b.cityCode),
      defaultSortOrder: 'ascend',
    },
    {
      key: 'name',
      title: t('province.city'),
      dataIndex: 'name',
      sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
    },
    num('entities', 'province.entities'),
    num('activeEntities', 'province.activeEntities'),
    num('abnormalListed', 'province.abnormalListed'),
    {
      title: t('province.spotChecks'),
      children: [
        num('spotCheckVisits', 'province.spotCheckVisits'),
        num('spotCheckInspected', 'province.spotCheckInspected'),
        num('spotCheckProblemVisits', 'province.spotCheckProblems'),
      ],
    },
    {
      title: t('province.risk'),
      children: (['riskA', 'riskB', 'riskC', 'riskD'] as const).map((f) => num(f, f.slice(-1))),
    },
    num('complaints', 'province.complaints'),
    num('cases', 'province.cases'),
    num('finesFen', 'province.finesYuan'),
  ];
  return (
    <Table<TRollupCity>
      size="small"
      rowKey="cityCode"
      loading={loading}
      pagination={false}
      bordered
      scroll={{ x: 'max-content' }}
      dataSource={cities}
      columns={columns}
      onRow={(c) => ({ 'data-testid': `province-row-${c.cityCode}` }) as React.HTMLAttributes<HTMLElement>}
      summary={() =>
        cities.length > 1 ? (
          <Table.Summary fixed>
            <Table.Summary.Row data-testid="province-total">
              <Table.Summary.Cell index={0} colSpan={2}>
                <Typography.Text strong>{t('province.total')}</Typography.Text>
              </Table.Summary.Cell>
              {ROLLUP_COUNTS.map((f, i) => (
                <Table.Summary.Cell key={f} index={i + 2} align="right">
                  <Typography.Text strong>
                    {f === 'finesFen' ? yuan(total[f]) : total[f].toLocaleString('zh-CN')}
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}
