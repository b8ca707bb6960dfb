import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import { Card, Col, DatePicker, Row, Segmented, Space, Statistic, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import type { CaseFigures } from '../../../../../src/contracts/case-stats.ts';
import { caseStatsApi, caseStatsKeys, type TCaseStats, type TCaseStatsBy } from '../../../api/case-stats.ts';
import { type ChartOption, EChart } from '../../../components/echart.tsx';
import { LoadError } from '../../../components/load-error.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../../i18n/zh-cn.ts';
import { useAsync } from '../../../lib/use-async.ts';

/** 万元 with two decimals, from fen. */
export const wanYuan = (fen: number) => (fen / 1_000_000).toLocaleString('zh-CN', { maximumFractionDigits: 2 });

type Kpi = { field: keyof CaseFigures; label: MessageKey; money?: boolean; suffix?: MessageKey };
const kpis: Kpi[] = [
  { field: 'opened', label: 'caseStats.opened', suffix: 'caseStats.casesSuffix' },
  { field: 'closed', label: 'caseStats.closed', suffix: 'caseStats.casesSuffix' },
  { field: 'closedMajor', label: 'caseStats.major', suffix: 'caseStats.casesSuffix' },
  { field: 'penaltyFen', label: 'caseStats.penalty', money: true },
  { field: 'caseValueFen', label: 'caseStats.caseValue', money: true },
  { field: 'goodsValueFen', label: 'caseStats.goodsValue', money: true },
  { field: 'transferred', label: 'caseStats.transferred', suffix: 'caseStats.casesSuffix' },
  { field: 'typical', label: 'caseStats.typical', suffix: 'caseStats.casesSuffix' },
];

/** 同比 with an arrow; enforcement figures are neither good nor bad news, so no red/green. */
function Yoy({ pct }: { pct: number | null | undefined }) {
  const t = useT();
  if (pct === null || pct === undefined)
    return (
      <Typography.Text type="secondary">
        {t('caseStats.yoy')} <MinusOutlined />
      </Typography.Text>
    );
  return (
    <Typography.Text type="secondary" data-testid="case-stats-yoy">
      {t('caseStats.yoy')} {pct > 0 ? <ArrowUpOutlined /> : pct < 0 ? <ArrowDownOutlined /> : <MinusOutlined />}{' '}
      {Math.abs(pct).toFixed(1)}%
    </Typography.Text>
  );
}

const useCaseStats = (year: number, by: TCaseStatsBy) =>
  useAsync((signal) => caseStatsApi.get(year, by, { signal }), caseStatsKeys.get(year, by));

type MonthMetric = 'opened' | 'closed' | 'penaltyFen';

export function CaseStatsPage() {
  const t = useT();
  const [year, setYear] = useState(() => dayjs().year());
  const [metric, setMetric] = useState<MonthMetric>('opened');
  const stations = useCaseStats(year, 'station');
  const months = useCaseStats(year, 'month');
  const areas = useCaseStats(year, 'violationArea');
  const departments = useCaseStats(year, 'department');
  const totals = stations.data?.totals;
  const value = (fen: number, money?: boolean) => (money ? wanYuan(fen) : fen);

  const stationOption = useMemo((): ChartOption | undefined => {
    const items = stations.data?.items;
    if (!items) return undefined;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 72 },
      xAxis: { type: 'category', data: items.map((i) => i.label), axisLabel: { rotate: 30, interval: 0 } },
      yAxis: { type: 'value' },
      series: [
        { name: t('caseStats.opened'), type: 'bar', data: items.map((i) => i.current.opened) },
        { name: t('caseStats.closed'), type: 'bar', data: items.map((i) => i.current.closed) },
        { name: t('caseStats.major'), type: 'bar', data: items.map((i) => i.current.closedMajor) },
      ],
    } as ChartOption;
  }, [stations.data, t]);

  const monthOption = useMemo((): ChartOption | undefined => {
    const items = months.data?.items;
    if (!items) return undefined;
    const lastMonth = year === dayjs().year() ? dayjs().month() + 1 : 12;
    const pick = (f: CaseFigures) =>
      metric === 'penaltyFen' ? Number(wanYuan(f.penaltyFen).replaceAll(',', '')) : f[metric];
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 56, right: 16, top: 36, bottom: 32 },
      xAxis: { type: 'category', data: items.map((i) => i.label) },
      yAxis: { type: 'value', name: metric === 'penaltyFen' ? t('caseStats.wanYuan') : undefined },
      series: [
        {
          name: t('caseStats.thisYear', { year }),
          type: 'line',
          smooth: true,
          // Months still to come this year have no figure yet (not zero).
          data: items.map((i) => (Number(i.key) > lastMonth ? null : pick(i.current))),
        },
        {
          name: t('caseStats.lastYear', { year: year - 1 }),
          type: 'line',
          smooth: true,
          lineStyle: { type: 'dashed' },
          data: items.map((i) => pick(i.previous)),
        },
      ],
    } as ChartOption;
  }, [months.data, metric, year, t]);

  const areaOption = useMemo((): ChartOption | undefined => {
    const items = areas.data?.items.filter((i) => i.current.opened > 0);
    if (!items) return undefined;
    return {
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', orient: 'vertical', right: 0, top: 'middle' },
      series: [
        {
          name: t('caseStats.opened'),
          type: 'pie',
          radius: ['35%', '70%'],
          label: { show: false },
          center: ['38%', '50%'],
          data: items.map((i) => ({ name: i.label, value: i.current.opened })),
        },
      ],
    } as ChartOption;
  }, [areas.data, t]);

  const error = stations.error ?? months.error ?? areas.error ?? departments.error;
  const retry = () => {
    stations.reload();
    months.reload();
    areas.reload();
    departments.reload();
  };
  type Row = TCaseStats['items'][number];

  return (
    <>
      <PageHeader
        title={t('nav.caseStats')}
        extra={
          <Space wrap>
            <DatePicker
              picker="year"
              allowClear={false}
              value={dayjs(`${year}-01-01`)}
              disabledDate={(d) => d.year() > dayjs().year()}
              onChange={(d) => d && setYear(d.year())}
              data-testid="case-stats-year"
            />
          </Space>
        }
      />
      {error && <LoadError error={error} onRetry={retry} />}
      {totals && (
        <Typography.Paragraph type="secondary">
          {t('caseStats.asOf', { date: stations.data?.asOf ?? '' })}
        </Typography.Paragraph>
      )}
      <Row gutter={[16, 16]}>
        {kpis.map((k) => (
          <Col xs={12} md={6} key={k.field}>
            <Card size="small" loading={stations.loading} data-testid={`case-kpi-${k.field}`}>
              <Statistic
                title={t(k.label)}
                value={value(totals?.current[k.field] ?? 0, k.money)}
                suffix={k.money ? t('caseStats.wanYuan') : k.suffix ? t(k.suffix) : undefined}
              />
              <Yoy pct={totals?.yoyPct[k.field]} />
              {k.field === 'opened' && totals && (
                <div>
                  <Typography.Text type="secondary">
                    {t('caseStats.procedureSplit', {
                      general: totals.current.openedGeneral,
                      summary: totals.current.openedSummary,
                    })}
                  </Typography.Text>
                </div>
              )}
            </Card>
          </Col>
        ))}
        <Col xs={24}>
          <Card
            title={t('caseStats.byMonth')}
            size="small"
            loading={months.loading}
            extra={
              <Segmented<MonthMetric>
                size="small"
                value={metric}
                onChange={setMetric}
                options={[
                  { value: 'opened', label: t('caseStats.opened') },
                  { value: 'closed', label: t('caseStats.closed') },
                  { value: 'penaltyFen', label: t('caseStats.penalty') },
                ]}
              />
            }
          >
            {monthOption && <EChart option={monthOption} height={300} testId="case-stats-by-month" />}
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={t('caseStats.byStation')} size="small" loading={stations.loading}>
            {stationOption && <EChart option={stationOption} height={340} testId="case-stats-by-station" />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('caseStats.byArea')} size="small" loading={areas.loading}>
            {areaOption && <EChart option={areaOption} height={340} testId="case-stats-by-area" />}
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('caseStats.byDepartment')} size="small">
            <Table<Row>
              size="small"
              rowKey="key"
              loading={departments.loading}
              pagination={false}
              dataSource={departments.data?.items ?? []}
              columns={[
                { title: t('caseStats.department'), dataIndex: 'label' },
                { title: t('caseStats.opened'), render: (_, r) => r.current.opened, align: 'right' },
                { title: t('caseStats.closed'), render: (_, r) => r.current.closed, align: 'right' },
                { title: t('caseStats.major'), render: (_, r) => r.current.closedMajor, align: 'right' },
                {
                  title: t('caseStats.penaltyWan'),
                  render: (_, r) => wanYuan(r.current.penaltyFen),
                  align: 'right',
                },
                { title: t('caseStats.transferred'), render: (_, r) => r.current.transferred, align: 'right' },
                {
                  title: t('caseStats.lastYearOpened'),
                  render: (_, r) => r.previous.opened,
                  align: 'right',
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
