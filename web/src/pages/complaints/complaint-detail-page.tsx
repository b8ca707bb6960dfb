import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { TComplaintDetail } from '../../../../src/contracts/complaints.ts';
import type { ComplaintAction } from '../../../../src/domain/complaint-workflow.ts';
import { complaintsApi, type TComplaintIdentity } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { type Translate, useI18n } from '../../i18n/i18n-context.tsx';
import { knownKey } from '../../i18n/known-key.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ActionModal } from './action-modal.tsx';
import { ComplaintAttachmentsCard } from './complaint-attachments-card.tsx';
import { channelLabel, complaintActionLabel, formatFen, kindLabel } from './complaint-labels.ts';
import { IdentityRevealModal } from './identity-reveal-modal.tsx';
import { NoticePrintButton } from './notice-print-button.tsx';
import { ReassignModal } from './reassign-modal.tsx';

type Deadline = TComplaintDetail['deadlines'][number];
type Event = TComplaintDetail['events'][number];

function deadlineTag(t: Translate, d: Deadline) {
  if (d.metAt) return <Tag color="green">{t('complaints.deadlineMet')}</Tag>;
  if (d.overdue) return <Tag color="red">{t('complaints.deadlineOverdue')}</Tag>;
  return <Tag color="blue">{t('complaints.deadlineRunning')}</Tag>;
}

export function ComplaintDetailPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const detail = useAsync((signal) => complaintsApi.get(id, { signal }), queryKeys.complaints.detail(id));
  const ruleSets = useAsync((signal) => complaintsApi.ruleSets({ signal }), queryKeys.complaints.ruleSets());
  const categories = useAsync((signal) => complaintsApi.categories({ signal }), queryKeys.complaints.categories());
  const [action, setAction] = useState<ComplaintAction>();
  const [reassigning, setReassigning] = useState(false);
  const [revealing, setRevealing] = useState(false);
  const [revealed, setRevealed] = useState<{ id: number; identity: TComplaintIdentity; reason: string }>();

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  const item = detail.data;
  if (!item) return <Spin />;
  const ruleSet = ruleSets.data?.find((r) => r.code === item.ruleSet.code);
  const identity = revealed?.id === item.id ? revealed.identity : undefined;

  const deadlineColumns = [
    {
      title: t('complaints.deadlineStep'),
      dataIndex: 'step',
      render: (step: string, d: Deadline) => {
        const key = knownKey(`complaints.step.${step}`);
        return key ? t(key) : d.label;
      },
    },
    { title: t('complaints.startedOn'), dataIndex: 'startedOn' },
    {
      title: t('complaints.dueOn'),
      key: 'dueOn',
      render: (_: unknown, d: Deadline) => (
        <Space size={4}>
          {d.dueOn}
          {d.provisional && <Tag>{t('complaints.provisional')}</Tag>}
        </Space>
      ),
    },
    { title: t('complaints.metAt'), dataIndex: 'metAt', render: (at: string | null) => formatDateTime(at, lang) },
    { title: t('complaints.status'), key: 'state', render: (_: unknown, d: Deadline) => deadlineTag(t, d) },
    { title: t('complaints.extensionReason'), dataIndex: 'extensionReason', render: (r: string | null) => r ?? '—' },
  ];

  return (
    <>
      <PageHeader
        crumb={item.trackingCode}
        title={
          <Space>
            {item.trackingCode}
            <StatusTag workflow="complaint" status={item.status} data-testid="complaint-status" />
            {item.overdue && <Tag color="red">{t('complaints.overdueTag')}</Tag>}
            {item.escalationLevel > 0 && <Tag color="volcano">{t('complaints.escalated')}</Tag>}
          </Space>
        }
        extra={
          <Space wrap>
            <NoticePrintButton item={item} />
            {can('complaint:write') && (
              <Space wrap data-testid="complaint-actions">
                {item.allowedActions.map((a) => (
                  <Button key={a} onClick={() => setAction(a as ComplaintAction)} data-testid={`action-${a}`}>
                    {complaintActionLabel(t, a)}
                  </Button>
                ))}
                {item.status !== 'closed' && (
                  <Button onClick={() => setReassigning(true)} data-testid="action-reassign">
                    {t('complaints.action.reassign')}
                  </Button>
                )}
              </Space>
            )}
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title={t('complaints.matterInfo')} size="small">
            <Descriptions column={2} size="small" data-testid="complaint-facts">
              <Descriptions.Item label={t('complaints.kind')}>{kindLabel(t, item.kind)}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.channel')}>{channelLabel(t, item.channel)}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.receivedOn')}>{item.receivedOn}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.station')}>{item.stationName}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.person')}>
                <span data-testid="complaint-person">
                  {identity ? `${identity.name} ${identity.phone}` : `${item.personName} ${item.personPhone}`}
                </span>
                {item.confidential && <Tag style={{ marginLeft: 8 }}>{t('complaints.confidential')}</Tag>}
                {item.canRevealIdentity && !identity && (
                  <Button size="small" type="link" onClick={() => setRevealing(true)} data-testid="identity-reveal">
                    {t('complaints.revealIdentity')}{' '}
                  </Button>
                )}
              </Descriptions.Item>
              <Descriptions.Item label={t('complaints.idNumber')}>
                {(identity ? identity.idNumber : item.personIdMasked) ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('complaints.businessShort')}>{item.businessName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.businessAddress')}>
                {item.businessAddress ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label={t('complaints.category')}>
                {item.categoryCode
                  ? (categories.data?.find((c) => c.code === item.categoryCode)?.name ?? item.categoryCode)
                  : t('complaints.uncategorised')}
              </Descriptions.Item>
              <Descriptions.Item label={t('complaints.amount')}>{formatFen(item.amountFen)}</Descriptions.Item>
              <Descriptions.Item label={t('complaints.description')} span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {item.description}
                </Typography.Paragraph>
              </Descriptions.Item>
              {item.resultText && (
                <Descriptions.Item label={t('complaints.resultText')} span={2}>
                  {item.resultText}
                </Descriptions.Item>
              )}
              {item.recoveredFen > 0 && (
                <Descriptions.Item label={t('complaints.recovered')}>{formatFen(item.recoveredFen)}</Descriptions.Item>
              )}
              {item.transferredTo && (
                <Descriptions.Item label={t('complaints.authority')}>{item.transferredTo}</Descriptions.Item>
              )}
              {item.feedbackText && (
                <Descriptions.Item label={t('complaints.feedback')} span={2}>
                  {item.feedbackText}
                </Descriptions.Item>
              )}
              {item.satisfaction !== null && (
                <Descriptions.Item label={t('complaints.satisfaction')}>{`${item.satisfaction} / 5`}</Descriptions.Item>
              )}
            </Descriptions>
            {identity ? (
              <Alert
                type="warning"
                showIcon
                title={t('complaints.identityShown', { reason: revealed?.reason ?? '' })}
                style={{ marginTop: 8 }}
              />
            ) : (
              !item.canRevealIdentity && (
                <Alert type="info" showIcon title={t('complaints.identityMasked')} style={{ marginTop: 8 }} />
              )
            )}
          </Card>
          <Card title={t('complaints.deadlines')} size="small" style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary" data-testid="complaint-rule-set">
              {t('complaints.ruleSetBasis', { name: item.ruleSet.name, citation: item.ruleSet.citation })}
            </Typography.Paragraph>
            <Table<Deadline>
              rowKey="step"
              size="small"
              pagination={false}
              columns={deadlineColumns}
              dataSource={item.deadlines}
              rowClassName={(d) => (d.overdue && !d.metAt ? 'complaint-due-overdue' : '')}
              data-testid="complaint-deadlines"
            />
          </Card>
          <ComplaintAttachmentsCard
            item={item}
            canAdd={can('complaint:write')}
            onChanged={(updated) => detail.setData(() => updated)}
          />
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('complaints.timeline')} size="small" data-testid="complaint-timeline">
            <Timeline
              items={item.events.map((e: Event) => ({
                key: e.id,
                color: e.action === 'intake' ? 'blue' : e.toStatus === 'closed' ? 'green' : 'gray',
                content: (
                  <>
                    <Typography.Text strong>{complaintActionLabel(t, e.action)}</Typography.Text>
                    {e.actorName && <Typography.Text type="secondary"> ({e.actorName})</Typography.Text>}
                    <div>
                      <Typography.Text type="secondary">{formatDateTime(e.at, lang)}</Typography.Text>
                    </div>
                    {e.note && <div>{e.note}</div>}
                  </>
                ),
              }))}
            />
          </Card>
        </Col>
      </Row>
      {revealing && (
        <IdentityRevealModal
          complaintId={item.id}
          confidential={item.confidential}
          onClose={() => setRevealing(false)}
          onRevealed={(found, reason) => {
            setRevealed({ id: item.id, identity: found, reason });
            setRevealing(false);
          }}
        />
      )}
      {reassigning && (
        <ReassignModal
          item={item}
          onClose={() => setReassigning(false)}
          onDone={(updated) => {
            detail.setData(() => updated);
            setReassigning(false);
          }}
        />
      )}
      {action && (
        <ActionModal
          item={item}
          action={action}
          ruleSet={ruleSet}
          onClose={() => setAction(undefined)}
          onDone={(updated) => {
            detail.setData(() => updated);
            setAction(undefined);
          }}
        />
      )}
    </>
  );
}
