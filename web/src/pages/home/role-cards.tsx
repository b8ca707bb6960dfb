import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Statistic, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { Link } from 'react-router';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { complaintsApi, type TAnalysis, type TAnalysisBy } from '../../api/complaints.ts';
import { inboxApi, type TTeamWorkload } from '../../api/inbox.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { type ChartOption, EChart } from '../../components/echart.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { useAsync } from '../../lib/use-async.ts';

/** 所长: open items per team member (12315 items with a running clock, open cases and leads), busiest first. */
export function TeamWorkloadCard() {
  const t = useT();
  const { data, error, loading, reload } = useAsync((signal) => inboxApi.team({ signal }), queryKeys.inbox.team());
  const columns = useMemo(
    () => [
      { key: 'name', title: t('home.team.member'), dataIndex: 'name' },
      ...(data?.modules ?? []).map((m) => ({
        key: m,
        title: codeLabel(t, 'inbox.module', m),
        align: 'right' as const,
        render: (_: unknown, row: TTeamWorkload['members'][number]) => row.byModule[m] ?? 0,
      })),
      { key: 'total', title: t('home.team.total'), dataIndex: 'total', align: 'right' as const },
    ],
    [data, t],
  );
  return (
    <Card title={t('home.team.title')} size="small" data-testid="home-team">
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 3 }} />}
      {data && (
        <Table
          size="small"
          rowKey="userId"
          pagination={false}
          scroll={{ x: true }}
          columns={columns}
          dataSource={data.members}
          locale={{ emptyText: t('home.team.empty') }}
        />
      )}
    </Card>
  );
}

/** 检查人员: the visits drawn for the caller still waiting for their results (a phone-sized list). */
export function MyVisitsCard() {
  const t = useT();
  const query = { mine: true, status: 'assigned' as const, limit: 10 };
  const { data, error, loading, reload } = useAsync(
    (signal) => spotChecksApi.visits(query, { signal }),
    queryKeys.spotChecks.visits({ ...query, home: true }),
  );
  return (
    <Card
      title={t('home.visits.title')}
      size="small"
      data-testid="home-visits"
      extra={<Link to="/spot-checks/visits">{t('home.visits.all')}</Link>}
    >
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 3 }} />}
      {data &&
        (data.items.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('home.visits.empty')} />
        ) : (
          <List
            size="small"
            dataSource={data.items}
            renderItem={(v) => (
              <List.Item key={v.id}>
                <Space orientation="vertical" size={0}>
                  <Link to={`/spot-checks/visits/${v.id}`}>{v.entityName}</Link>
                  <span style={{ fontSize: 12, opacity: 0.65 }}>
                    {v.stationName} · {v.inspectors.map((i) => i.name).join(t('common.separator'))}
                  </span>
                </Space>
              </List.Item>
            )}
          />
        ))}
    </Card>
  );
}

const thisMonth = () => shanghaiToday().slice(0, 7);

function useMonthFigures(by: TAnalysisBy) {
  const month = thisMonth();
  return useAsync(
    (signal) => complaintsApi.analysis(month, month, by, { signal }),
    queryKeys.complaints.analysis({ from: month, to: month, by }),
  );
}

function stationChart(data: TAnalysis, t: ReturnType<typeof useT>): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 40, right: 16, top: 32, bottom: 48 },
    xAxis: { type: 'category', data: data.items.map((i) => i.label), axisLabel: { interval: 0, rotate: 30 } },
    yAxis: { type: 'value' },
    series: [
      { name: t('home.figures.received'), type: 'bar', data: data.items.map((i) => i.received) },
      { name: t('home.figures.closed'), type: 'bar', data: data.items.map((i) => i.closed) },
    ],
  } as ChartOption;
}

/**
 * This month's 12315 figures by station: the district's stations as a chart for a leader, the own station's numbers
 * for a chief (the analysis answers within the caller's scope).
 */
export function StationFiguresCard({ district }: { district: boolean }) {
  const t = useT();
  const { data, error, loading, reload } = useMonthFigures('station');
  const option = useMemo(() => (data && district ? stationChart(data, t) : undefined), [data, district, t]);
  const total = (key: 'received' | 'closed') => data?.items.reduce((n, i) => n + i[key], 0) ?? 0;
  return (
    <Card
      title={district ? t('home.figures.district') : t('home.figures.station')}
      size="small"
      data-testid="home-figures"
      extra={<Link to="/complaints/analysis">{t('home.figures.more')}</Link>}
    >
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 3 }} />}
      {data && (
        <>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic title={t('home.figures.receivedMonth')} value={total('received')} />
            </Col>
            <Col span={12}>
              <Statistic title={t('home.figures.closedMonth')} value={total('closed')} />
            </Col>
          </Row>
          {option && data.items.length > 1 && <EChart option={option} height={240} testId="home-figures-chart" />}
        </>
      )}
    </Card>
  );
}

/** 12315 话务: what came in this month by kind, and the two pages the work starts from. */
export function HotlineCard() {
  const t = useT();
  const { data, error, loading, reload } = useMonthFigures('kind');
  return (
    <Card title={t('home.hotline.title')} size="small" data-testid="home-hotline">
      <Space wrap style={{ marginBottom: 12 }}>
        <Link to="/complaints/new">
          <Button type="primary">{t('home.hotline.intake')}</Button>
        </Link>
        <Link to="/complaints">
          <Button>{t('home.hotline.queue')}</Button>
        </Link>
      </Space>
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 2 }} />}
      {data && (
        <Row gutter={16}>
          {data.items.map((i) => (
            <Col span={8} key={i.key}>
              <Statistic title={i.label} value={i.received} />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** 系统管理员: jobs, failed sign-ins today, the audit chain's newest checkpoint, the database's size. */
export function SystemHealthCard() {
  const t = useT();
  const { data, error, loading, reload } = useAsync(
    (signal) => inboxApi.systemSummary({ signal }),
    queryKeys.system.summary(),
  );
  return (
    <Card title={t('home.system.title')} size="small" data-testid="home-system">
      {error && <LoadError error={error} onRetry={reload} />}
      {loading && !data && <Skeleton active paragraph={{ rows: 4 }} />}
      {data && (
        <>
          {!data.audit.newestCheckpoint && (
            <Alert type="warning" showIcon title={t('home.system.noCheckpoint')} style={{ marginBottom: 8 }} />
          )}
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'jobs',
                label: <Link to="/jobs">{t('home.system.jobs')}</Link>,
                children: (
                  <Space wrap size={4}>
                    <Tag>{t('home.system.queued', { count: data.jobs.queued })}</Tag>
                    <Tag color="processing">{t('home.system.running', { count: data.jobs.running })}</Tag>
                    <Tag color={data.jobs.failedRecently ? 'error' : 'success'} data-testid="home-system-failed-jobs">
                      {t('home.system.failed', { count: data.jobs.failedRecently })}
                    </Tag>
                    {data.jobs.lastFailure && <span>{data.jobs.lastFailure.kind}</span>}
                  </Space>
                ),
              },
              {
                key: 'logins',
                label: <Link to="/audit/logins">{t('home.system.failedLogins')}</Link>,
                children: (
                  <Tag color={data.failedLoginsToday ? 'warning' : 'success'} data-testid="home-system-failed-logins">
                    {data.failedLoginsToday}
                  </Tag>
                ),
              },
              {
                key: 'audit',
                label: <Link to="/audit">{t('home.system.audit')}</Link>,
                children: data.audit.newestCheckpoint
                  ? t('home.system.checkpoint', {
                      at: new Date(data.audit.newestCheckpoint.at).toLocaleString(),
                      rows: data.audit.newestCheckpoint.rowCount,
                      head: data.audit.headId,
                    })
                  : t('home.system.headOnly', { head: data.audit.headId }),
              },
              {
                key: 'db',
                label: t('home.system.database'),
                children: `${data.database.kind} · ${mib(data.database.sizeBytes)}`,
              },
            ]}
          />
        </>
      )}
    </Card>
  );
}
