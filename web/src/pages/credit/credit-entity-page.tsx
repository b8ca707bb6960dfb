import { App, Button, Card, Col, Descriptions, Row, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TEntityCredit, TListing } from '../../../../src/contracts/credit.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { creditApi } from '../../api/credit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import {
  creditListLabel,
  documentKindLabel,
  fileUrl,
  groundLabel,
  riskClassLabel,
  riskTagColours,
} from './credit-labels.ts';
import { RepairApplyModal } from './repair-apply-modal.tsx';

/** One entity's credit: class and why, class history, listings, annual reports, decision documents. */
export function CreditEntityPage() {
  const { t, lang } = useI18n();
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
      message.success(t('credit.reportRecorded', { year: reportYear }));
      state.reload();
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };

  return (
    <>
      <PageHeader
        title={t('credit.entityTitle', { name: c.entity.name })}
        extra={<Link to={`/entities/${c.entity.id}`}>{t('credit.viewRegistration')}</Link>}
      />
      <Row gutter={16}>
        <Col xs={24} lg={10}>
          <Card title={t('credit.riskClass')} style={{ marginBottom: 16 }}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('credit.uscc')}>{c.entity.uscc}</Descriptions.Item>
              <Descriptions.Item label={t('credit.station')}>{c.entity.stationName}</Descriptions.Item>
              <Descriptions.Item label={t('credit.currentClass')}>
                {c.current ? (
                  <Tag color={riskTagColours[c.current.riskClass]} data-testid="credit-class">
                    {t('credit.classWithScore', {
                      class: c.current.riskClass,
                      label: riskClassLabel(t, c.current.riskClass),
                      score: c.current.score,
                    })}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary" data-testid="credit-class">
                    {t('credit.notClassified')}{' '}
                  </Typography.Text>
                )}
              </Descriptions.Item>
              {c.current && (
                <Descriptions.Item label={t('credit.modelAndTime')}>
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
                { title: t('credit.breakdownTitle', { version: c.breakdown.modelVersion }), dataIndex: 'label' },
                { title: t('credit.points'), dataIndex: 'points', align: 'right' },
              ]}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    {t('credit.breakdownTotal', { class: c.breakdown.riskClass })}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {c.breakdown.score}
                  </Table.Summary.Cell>
                </Table.Summary.Row>
              )}
              data-testid="credit-breakdown"
            />
          </Card>
          <Card title={t('credit.history')} style={{ marginBottom: 16 }}>
            <Table
              rowKey={(h) => h.changedAt + h.riskClass}
              size="small"
              pagination={false}
              dataSource={c.history}
              columns={[
                {
                  title: t('credit.changedAt'),
                  dataIndex: 'changedAt',
                  render: (v: string) => formatDateTime(v, lang),
                },
                { title: t('credit.change'), key: 'c', render: (_, h) => `${h.previousClass ?? '—'} → ${h.riskClass}` },
                { title: t('credit.points'), dataIndex: 'score' },
                { title: t('credit.model'), dataIndex: 'modelVersion', render: (v: number) => `v${v}` },
              ]}
              data-testid="credit-history"
            />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('credit.listings')} style={{ marginBottom: 16 }}>
            <Table<TListing>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={c.listings}
              columns={[
                { title: t('credit.list'), dataIndex: 'list', render: (l: TListing['list']) => creditListLabel(t, l) },
                { title: t('credit.ground'), key: 'ground', render: (_, l) => groundLabel(t, l) },
                {
                  title: t('credit.status'),
                  dataIndex: 'status',
                  render: (s: string) => <StatusTag workflow="creditListing" status={s} />,
                },
                {
                  title: t('credit.listedOnAndNo'),
                  key: 'd',
                  render: (_, l) => (l.listedOn ? `${l.listedOn} ${l.decisionNo ?? ''}` : '—'),
                },
                {
                  title: t('credit.removed'),
                  key: 'r',
                  render: (_, l) => (l.removedOn ? `${l.removedOn} ${l.removalDecisionNo ?? ''}` : '—'),
                },
                {
                  title: '',
                  key: 'a',
                  render: (_, l) =>
                    canWrite && l.status === 'listed' ? (
                      <Button size="small" onClick={() => setApplyFor(l)}>
                        {t('credit.applyRepair')}{' '}
                      </Button>
                    ) : null,
                },
              ]}
              data-testid="credit-listings"
            />
          </Card>
          <Card title={t('credit.annualReports')} style={{ marginBottom: 16 }}>
            <Table
              rowKey="reportYear"
              size="small"
              pagination={false}
              dataSource={c.annualReports}
              columns={[
                { title: t('credit.year'), dataIndex: 'reportYear' },
                {
                  title: t('credit.filing'),
                  key: 'f',
                  render: (_, r) =>
                    r.filedOn ? (
                      t('credit.filedOn', { date: r.filedOn })
                    ) : (
                      <Tag color={r.due ? 'red' : 'default'}>
                        {r.due ? t('credit.notFiledOverdue') : t('credit.filingOpen')}
                      </Tag>
                    ),
                },
                {
                  title: '',
                  key: 'a',
                  render: (_, r) =>
                    canWrite && !r.filedOn ? (
                      <Button size="small" onClick={() => file(r.reportYear)}>
                        {t('credit.recordFiledToday')}{' '}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card title={t('credit.documents')}>
            <Table
              rowKey={(d) => `${d.fileId}-${d.kind}`}
              size="small"
              pagination={false}
              dataSource={c.documents}
              columns={[
                { title: t('credit.documentKind'), dataIndex: 'kind', render: (k: string) => documentKindLabel(t, k) },
                { title: t('credit.decisionNo'), dataIndex: 'decisionNo' },
                {
                  title: '',
                  key: 'f',
                  render: (_, d) => (
                    <a href={fileUrl(d.fileId)} target="_blank" rel="noreferrer">
                      {t('credit.downloadPdf')}{' '}
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
            message.success(t('credit.repairApplied'));
          }}
        />
      )}
    </>
  );
}
