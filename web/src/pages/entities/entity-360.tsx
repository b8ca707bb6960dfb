import { Card, Empty, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { TCaseListItem } from '../../../../src/contracts/cases.ts';
import type { TComplaintSummary } from '../../../../src/contracts/complaints.ts';
import type { TEntityCredit, TListing } from '../../../../src/contracts/credit.ts';
import type { TVisitSummary } from '../../../../src/contracts/spot-checks.ts';
import { casesApi } from '../../api/cases.ts';
import { complaintsApi } from '../../api/complaints.ts';
import { creditApi } from '../../api/credit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { type AsyncState, useAsync } from '../../lib/use-async.ts';
import { kindLabel } from '../complaints/complaint-labels.ts';
import { creditListLabel, groundLabel, riskClassLabel, riskTagColours } from '../credit/credit-labels.ts';
import { yuanFromFen } from './entity-refs.ts';

/** Rows per section: the newest ones; the count reads "50+" when there are more. */
const SECTION_LIMIT = 50;
const none = () => Promise.resolve(null);

type TEntityCreditHistory = TEntityCredit['history'][number];
type Paged<T> = { items: T[]; nextCursor: string | null };

/**
 * The entity's 360° view: its complaints, spot-check visits, credit and cases, each loaded through that module's own
 * list API filtered by entityId, so each is scoped by the module's access policy. A section the caller has no read
 * permission for is not shown (and not asked for).
 */
export function Entity360({ entityId }: { entityId: number }) {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const canComplaints = can('complaint:read');
  const canVisits = can('spotcheck:read');
  const canCredit = can('credit:read');
  const canCases = can('case:read');

  const complaints = useAsync(
    (signal) => (canComplaints ? complaintsApi.list({ entityId, limit: SECTION_LIMIT }, { signal }) : none()),
    ['entity-360', 'complaints', entityId, canComplaints],
  );
  const visits = useAsync(
    (signal) => (canVisits ? spotChecksApi.visits({ entityId, limit: SECTION_LIMIT }, { signal }) : none()),
    ['entity-360', 'visits', entityId, canVisits],
  );
  const credit = useAsync(
    (signal) => (canCredit ? creditApi.entity(entityId, { signal }) : none()),
    canCredit ? queryKeys.credit.entity(entityId) : ['entity-360', 'credit', entityId, false],
  );
  const cases = useAsync(
    (signal) => (canCases ? casesApi.list({ entityId, limit: SECTION_LIMIT }, { signal }) : none()),
    ['entity-360', 'cases', entityId, canCases],
  );

  const count = (page: Paged<unknown> | null | undefined) =>
    page ? `${page.items.length}${page.nextCursor ? '+' : ''}` : '…';
  const label = (title: string, n: string) => (
    <Space size={4}>
      {title}
      <Tag>{n}</Tag>
    </Space>
  );

  const items: { key: string; label: ReactNode; children: ReactNode }[] = [];
  if (canComplaints)
    items.push({
      key: 'complaints',
      label: label(t('entities.360.complaints'), count(complaints.data)),
      children: (
        <Section state={complaints}>
          {(page) => (
            <Table<TComplaintSummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={page.items}
              data-testid="entity-360-complaints"
              columns={[
                {
                  title: t('entities.360.trackingCode'),
                  dataIndex: 'trackingCode',
                  render: (v: string, r) => <Link to={`/complaints/${r.id}`}>{v}</Link>,
                },
                { title: t('entities.360.kind'), dataIndex: 'kind', render: (v: string) => kindLabel(t, v) },
                { title: t('entities.360.receivedOn'), dataIndex: 'receivedOn' },
                { title: t('entities.station'), dataIndex: 'stationName' },
                {
                  title: t('entities.360.status'),
                  dataIndex: 'status',
                  render: (v: string) => <StatusTag workflow="complaint" status={v} />,
                },
              ]}
            />
          )}
        </Section>
      ),
    });
  if (canVisits)
    items.push({
      key: 'visits',
      label: label(t('entities.360.visits'), count(visits.data)),
      children: (
        <Section state={visits}>
          {(page) => (
            <Table<TVisitSummary>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={page.items}
              data-testid="entity-360-visits"
              columns={[
                {
                  title: t('entities.360.visit'),
                  dataIndex: 'id',
                  render: (v: number) => (
                    <Link to={`/spot-checks/visits/${v}`}>{t('entities.360.visitNo', { id: v })}</Link>
                  ),
                },
                {
                  title: t('entities.360.inspectors'),
                  dataIndex: 'inspectors',
                  render: (v: TVisitSummary['inspectors']) => v.map((i) => i.name).join(t('entities.nameSep')) || '—',
                },
                {
                  title: t('entities.360.inspectedOn'),
                  dataIndex: 'inspectedOn',
                  render: (v: string | null) => v ?? '—',
                },
                {
                  title: t('entities.360.publishedAt'),
                  dataIndex: 'publishedAt',
                  render: (v: string | null) => (v ? formatDateTime(v, lang) : '—'),
                },
                {
                  title: t('entities.360.status'),
                  dataIndex: 'status',
                  render: (v: string) => <StatusTag workflow="spotCheckVisit" status={v} />,
                },
              ]}
            />
          )}
        </Section>
      ),
    });
  if (canCredit)
    items.push({
      key: 'credit',
      label: label(t('entities.360.credit'), credit.data ? String(credit.data.listings.length) : '…'),
      children: (
        <Section state={credit}>
          {(c) => (
            <Space direction="vertical" style={{ width: '100%' }} data-testid="entity-360-credit">
              <Space>
                <Typography.Text>{t('entities.360.riskClass')}</Typography.Text>
                {c.current ? (
                  <Tag color={riskTagColours[c.current.riskClass]}>{riskClassLabel(t, c.current.riskClass)}</Tag>
                ) : (
                  '—'
                )}
                <Link to={`/credit/entities/${entityId}`}>{t('entities.360.creditDetail')}</Link>
              </Space>
              <Table<TListing>
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={c.listings}
                title={() => t('entities.360.listings')}
                columns={[
                  { title: t('entities.360.list'), dataIndex: 'list', render: (v: string) => creditListLabel(t, v) },
                  { title: t('entities.360.ground'), render: (_: unknown, r) => groundLabel(t, r) },
                  { title: t('entities.360.listedOn'), dataIndex: 'listedOn', render: (v: string | null) => v ?? '—' },
                  {
                    title: t('entities.360.decisionNo'),
                    dataIndex: 'decisionNo',
                    render: (v: string | null) => v ?? '—',
                  },
                  {
                    title: t('entities.360.status'),
                    dataIndex: 'status',
                    render: (v: string) => <StatusTag workflow="creditListing" status={v} />,
                  },
                ]}
              />
              <Table<TEntityCreditHistory>
                rowKey="changedAt"
                size="small"
                pagination={false}
                dataSource={c.history}
                title={() => t('entities.360.classHistory')}
                columns={[
                  {
                    title: t('entities.360.changedAt'),
                    dataIndex: 'changedAt',
                    render: (v: string) => formatDateTime(v, lang),
                  },
                  {
                    title: t('entities.360.riskClass'),
                    render: (_: unknown, r: TEntityCreditHistory) =>
                      `${r.previousClass ? `${riskClassLabel(t, r.previousClass)} → ` : ''}${riskClassLabel(t, r.riskClass)}`,
                  },
                  { title: t('entities.360.score'), dataIndex: 'score' },
                ]}
              />
            </Space>
          )}
        </Section>
      ),
    });
  if (canCases)
    items.push({
      key: 'cases',
      label: label(t('entities.360.cases'), count(cases.data)),
      children: (
        <Section state={cases}>
          {(page) => (
            <Table<TCaseListItem>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={page.items}
              data-testid="entity-360-cases"
              columns={[
                {
                  title: t('entities.360.caseTitle'),
                  dataIndex: 'title',
                  render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link>,
                },
                { title: t('entities.360.caseNo'), dataIndex: 'caseNo', render: (v: string | null) => v ?? '—' },
                { title: t('entities.360.decidedOn'), dataIndex: 'decidedOn', render: (v: string | null) => v ?? '—' },
                {
                  title: t('entities.360.fine'),
                  dataIndex: 'fineDueFen',
                  render: (v: number) => (v ? yuanFromFen(t, lang, v) : '—'),
                },
                {
                  title: t('entities.360.status'),
                  dataIndex: 'status',
                  render: (v: string) => <StatusTag workflow="case" status={v} />,
                },
              ]}
            />
          )}
        </Section>
      ),
    });

  if (items.length === 0) return null;
  return (
    <Card style={{ marginBottom: 16 }} data-testid="entity-360">
      <Tabs items={items} />
    </Card>
  );
}

function Section<T>({ state, children }: { state: AsyncState<T | null>; children: (data: T) => ReactNode }) {
  if (state.error) return <LoadError error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Card loading variant="borderless" />;
  if (state.data === null) return <Empty />;
  return <>{children(state.data)}</>;
}
