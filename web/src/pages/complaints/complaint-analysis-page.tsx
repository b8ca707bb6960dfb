import { Card, Col, DatePicker, Empty, List, Row, Segmented, Space, Statistic, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useCallback, useState } from 'react';
import { complaintsApi, type TAnalysisBy } from '../../api/complaints.ts';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { AnalysisBars } from './analysis-bars.tsx';
import { formatFen } from './complaint-labels.ts';
import { YoyText } from './yoy-text.tsx';

const byOptions: { value: TAnalysisBy; label: string }[] = [
  { value: 'category', label: '按类别' },
  { value: 'station', label: '按所' },
  { value: 'kind', label: '按类型' },
  { value: 'month', label: '按月份' },
];

export function ComplaintAnalysisPage() {
  const t = useT();
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().startOf('year'), dayjs().startOf('month')]);
  const [by, setBy] = useState<TAnalysisBy>('category');
  const from = range[0].format('YYYY-MM');
  const to = range[1].format('YYYY-MM');

  const loadSummary = useCallback(() => complaintsApi.analysis(from, to, by), [from, to, by]);
  const loadTopics = useCallback(
    () =>
      complaintsApi.hotTopics(
        range[0].startOf('month').format('YYYY-MM-DD'),
        range[1].endOf('month').format('YYYY-MM-DD'),
      ),
    [range],
  );
  const summary = useAsync(loadSummary);
  const topics = useAsync(loadTopics);
  const alerts = useAsync(complaintsApi.alerts);
  const totals = summary.data?.totals;
  const maxCount = Math.max(1, ...(topics.data ?? []).map((w) => w.count));

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
            <Segmented<TAnalysisBy> options={byOptions} value={by} onChange={setBy} />
          </Space>
        }
      />
      {summary.error && <LoadError error={summary.error} onRetry={summary.reload} />}
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic title="受理" value={totals?.received ?? 0} suffix="件" />
            {totals && <YoyText pct={totals.yoyPct} />}
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic title="办结" value={totals?.closed ?? 0} suffix="件" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic title="上年同期" value={totals?.lastYear ?? 0} suffix="件" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={summary.loading}>
            <Statistic title="挽回经济损失" value={formatFen(totals?.recoveredFen ?? 0)} />
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          <Card title={`${byOptions.find((o) => o.value === by)?.label}（${from} 至 ${to}）`} size="small">
            {summary.data && <AnalysisBars items={summary.data.items} />}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="热点词" size="small" loading={topics.loading} data-testid="analysis-hot-topics">
            {topics.error && <LoadError error={topics.error} onRetry={topics.reload} />}
            {topics.data?.length === 0 && <Empty description="暂无热点" />}
            <Space wrap size={[6, 8]}>
              {topics.data?.map((w) => (
                <Tag key={w.word} color="blue" style={{ fontSize: 12 + Math.round((w.count / maxCount) * 12) }}>
                  {w.word} {w.count}
                </Tag>
              ))}
            </Space>
          </Card>
          <Card title="消费预警（草稿）" size="small" style={{ marginTop: 16 }}>
            {alerts.error && <LoadError error={alerts.error} onRetry={alerts.reload} />}
            <List
              loading={alerts.loading}
              dataSource={alerts.data ?? []}
              locale={{ emptyText: '暂无异常增长' }}
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
                          {a.scopeName} · {a.windowStart} 至 {a.windowEnd} · 实际 {a.observed} / 预期{' '}
                          {a.expected.toFixed(1)}
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
