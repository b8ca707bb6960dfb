import { Card, Col, DatePicker, List, Row, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { complaintsApi, type TAnalysisBy } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { HotTopicsChart, MonthlyTrendChart, RankingChart } from './analysis-charts.tsx';
import { formatFen } from './complaint-labels.ts';
import { YoyText } from './yoy-text.tsx';

export function ComplaintAnalysisPage() {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs().startOf('month')]);
  const from = range[0].format('YYYY-MM');
  const to = range[1].format('YYYY-MM');

  const analysis = (by: TAnalysisBy) => ({
    load: (signal: AbortSignal) => complaintsApi.analysis(from, to, by, { signal }),
    key: queryKeys.complaints.analysis({ from, to, by }),
  });
  const byCategory = analysis('category');
  const byMonth = analysis('month');
  const byStation = analysis('station');
  const topicsFrom = range[0].startOf('month').format('YYYY-MM-DD');
  const topicsTo = range[1].endOf('month').format('YYYY-MM-DD');
  const summary = useAsync(byCategory.load, byCategory.key);
  const months = useAsync(byMonth.load, byMonth.key);
  const stations = useAsync(byStation.load, byStation.key);
  const topics = useAsync(
    (signal) => complaintsApi.hotTopics(topicsFrom, topicsTo, { signal }),
    queryKeys.complaints.hotTopics(topicsFrom, topicsTo),
  );
  const alerts = useAsync((signal) => complaintsApi.alerts({ signal }), queryKeys.complaints.alerts());
  const totals = summary.data?.totals;

  return (
    <>
      <PageHeader
        title={t('nav.complaintsAnalysis')}
        extra={
          <Space wrap>
            <DatePicker.RangePicker
              picker="month"
              allowClear={false}
              value={range}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
              data-testid="analysis-range"
            />
          </Space>
        }
      />
      {summary.error && <LoadError error={summary.error} onRetry={summary.reload} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic
              title={t('complaints.received')}
              value={totals?.received ?? 0}
              suffix={t('complaints.itemsSuffix')}
            />
            {totals && <YoyText pct={totals.yoyPct} />}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic
              title={t('complaints.closed')}
              value={totals?.closed ?? 0}
              suffix={t('complaints.itemsSuffix')}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic
              title={t('complaints.chartLastYear')}
              value={totals?.lastYear ?? 0}
              suffix={t('complaints.itemsSuffix')}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic title={t('complaints.recovered')} value={formatFen(totals?.recoveredFen ?? 0)} />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title={t('complaints.trendTitle', { from, to })} size="small" loading={months.loading}>
            {months.error && <LoadError error={months.error} onRetry={months.reload} />}
            {months.data && <MonthlyTrendChart items={months.data.items} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('complaints.byCategory')} size="small" loading={summary.loading}>
            {summary.data && <RankingChart items={summary.data.items} testId="analysis-by-category" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('complaints.byStation')} size="small" loading={stations.loading}>
            {stations.error && <LoadError error={stations.error} onRetry={stations.reload} />}
            {stations.data && <RankingChart items={stations.data.items} testId="analysis-by-station" />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card
            title={t('complaints.hotTopics')}
            size="small"
            loading={topics.loading}
            data-testid="analysis-hot-topics"
          >
            {topics.error && <LoadError error={topics.error} onRetry={topics.reload} />}
            {topics.data && <HotTopicsChart words={topics.data} />}
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t('complaints.alerts')} size="small">
            {alerts.error && <LoadError error={alerts.error} onRetry={alerts.reload} />}
            <List
              loading={alerts.loading}
              dataSource={alerts.data ?? []}
              locale={{ emptyText: t('complaints.noAlerts') }}
              renderItem={(a) => (
                <List.Item key={a.id}>
                  <List.Item.Meta
                    title={
                      <Space>
                        {a.title}
                        <Tag>{a.status}</Tag>
                      </Space>
                    }
                    description={
                      <>
                        <Typography.Text type="secondary">
                          {t('complaints.alertLine', {
                            scope: a.scopeName,
                            from: a.windowStart,
                            to: a.windowEnd,
                            observed: a.observed,
                            expected: a.expected.toFixed(1),
                          })}
                        </Typography.Text>
                        <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ marginTop: 4 }}>
                          {a.draftText}
                        </Typography.Paragraph>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
