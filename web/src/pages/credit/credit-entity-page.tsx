import { App, Button, Card, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TEntityCredit, TListing } from '../../../../src/contracts/credit.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi } from '../../api/credit.ts';
import { toApiError } from '../../api/errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import {
  creditListLabels,
  documentKindLabels,
  fileUrl,
  riskClassLabels,
  riskTagColours,
  statusLabels,
} from './credit-labels.ts';
import { RepairApplyModal } from './repair-apply-modal.tsx';

/** One entity's credit: class and why, class history, listings, annual reports, decision documents. */
export function CreditEntityPage() {
  const { lang } = useI18n();
  const { message } = App.useApp();
  const id = Number(useParams().id);
  const canWrite = useAuth().can('credit:write');
  const state = useAsync((signal) => creditApi.entity(id, { signal }), queryKeys.credit.entity(id));
  const [applyFor, setApplyFor] = useState<TListing>();
  const c = state.data;
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (!c) return <Card loading />;

  const file = async (reportYear: number) => {
    try {
      await creditApi.recordReports([{ entityId: c.entity.id, reportYear, filedOn: shanghaiToday() }]);
      message.success(`已登记 ${reportYear} 年度报告`);
      state.reload();
    } catch (err) {
      message.error(toApiError(err).detail);
    }
  };

  return (
    <>
      <PageHeader title={`${c.entity.name} · 信用`} extra={<Link to={`/entities/${c.entity.id}`}>查看登记信息</Link>} />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title="信用风险分类" style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label="统一社会信用代码">{c.entity.uscc}</Descriptions.Item>
              <Descriptions.Item label="管辖所">{c.entity.stationName}</Descriptions.Item>
              <Descriptions.Item label="当前分类">
                {c.current ? (
                  <Tag color={riskTagColours[c.current.riskClass]} data-testid="credit-class">
                    {c.current.riskClass} {riskClassLabels[c.current.riskClass]}（{c.current.score} 分）
                  </Tag>
                ) : (
                  <Typography.Text type="secondary" data-testid="credit-class">
                    尚未分类
                  </Typography.Text>
                )}
              </Descriptions.Item>
              {c.current && (
                <Descriptions.Item label="模型版本 / 计算时间">
                  v{c.current.modelVersion} · {formatDateTime(c.current.computedAt, lang)}
                </Descriptions.Item>
              )}
            </Descriptions>
            <Table<TEntityCredit['breakdown']['parts'][number]>
              rowKey="code"
              size="small"
              pagination={false}
              dataSource={c.breakdown.parts}
              columns={[
                { title: `按现行模型 v${c.breakdown.modelVersion}（今日事实）`, dataIndex: 'label' },
                { title: '分值', dataIndex: 'points', align: 'right' },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>合计 → {c.breakdown.riskClass} 类</Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {c.breakdown.score}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              data-testid="credit-breakdown"
            />
          </Card>
          <Card title="分类变化" style={{ marginBottom: 16 }}>
            <Table
              rowKey={(h) => h.changedAt + h.riskClass}
              size="small"
              pagination={false}
              dataSource={c.history}
              columns={[
                { title: '时间', dataIndex: 'changedAt', render: (v: string) => formatDateTime(v, lang) },
                { title: '变化', key: 'c', render: (_, h) => `${h.previousClass ?? '—'} → ${h.riskClass}` },
                { title: '分值', dataIndex: 'score' },
                { title: '模型', dataIndex: 'modelVersion', render: (v: number) => `v${v}` },
              ]}
              data-testid="credit-history"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title="名录记录" style={{ marginBottom: 16 }}>
            <Table<TListing>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.listings}
              columns={[
                { title: '名录', dataIndex: 'list', render: (l: TListing['list']) => creditListLabels[l] },
                { title: '事由', dataIndex: 'groundLabel' },
                { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{statusLabels[s] ?? s}</Tag> },
                {
                  title: '列入日期 / 文号',
                  key: 'd',
                  render: (_, l) => (l.listedOn ? `${l.listedOn} ${l.decisionNo ?? ''}` : '—'),
                },
                {
                  title: '移出',
                  key: 'r',
                  render: (_, l) => (l.removedOn ? `${l.removedOn} ${l.removalDecisionNo ?? ''}` : '—'),
                },
                {
                  title: '',
                  key: 'a',
                  render: (_, l) =>
                    canWrite && l.status === 'listed' ? (
                      <Button size="small" onClick={() => setApplyFor(l)}>
                        申请信用修复
                      </Button>
                    ) : null,
                },
              ]}
              data-testid="credit-listings"
            />
          </Card>
          <Card title="年度报告" style={{ marginBottom: 16 }}>
            <Table
              rowKey="reportYear"
              size="small"
              pagination={false}
              dataSource={c.annualReports}
              columns={[
                { title: '年度', dataIndex: 'reportYear' },
                {
                  title: '报送',
                  key: 'f',
                  render: (_, r) =>
                    r.filedOn ? (
                      `已报送（${r.filedOn}）`
                    ) : (
                      <Tag color={r.due ? 'red' : 'default'}>{r.due ? '未报送（已逾期）' : '报送期未届满'}</Tag>
                    ),
                },
                {
                  title: '',
                  key: 'a',
                  render: (_, r) =>
                    canWrite && !r.filedOn ? (
                      <Button size="small" onClick={() => file(r.reportYear)}>
                        登记为今日已报送
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card title="决定书">
            <Table
              rowKey={(d) => `${d.fileId}-${d.kind}`}
              size="small"
              pagination={false}
              dataSource={c.documents}
              columns={[
                { title: '文书', dataIndex: 'kind', render: (k: string) => documentKindLabels[k] ?? k },
                { title: '文号', dataIndex: 'decisionNo' },
                {
                  title: '',
                  key: 'f',
                  render: (_, d) => (
                    <a href={fileUrl(d.fileId)} target="_blank" rel="noreferrer">
                      下载 PDF
                    </a>
                  ),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      {applyFor && (
        <RepairApplyModal
          listing={applyFor}
          onClose={() => setApplyFor(undefined)}
          onDone={() => {
            setApplyFor(undefined);
            message.success('已登记信用修复申请');
          }}
        />
      )}
    </>
  );
}
