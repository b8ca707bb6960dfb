import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useParams } from 'react-router';
import type { TComplaintDetail } from '../../../../src/contracts/complaints.ts';
import { type ComplaintAction, complaintTransitions } from '../../../../src/domain/complaint-workflow.ts';
import { complaintsApi, type TComplaintIdentity } from '../../api/complaints.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ActionModal } from './action-modal.tsx';
import { ComplaintAttachmentsCard } from './complaint-attachments-card.tsx';
import { channelLabel, formatFen, kindLabel } from './complaint-labels.ts';
import { IdentityRevealModal } from './identity-reveal-modal.tsx';
import { ReassignModal } from './reassign-modal.tsx';

type Deadline = TComplaintDetail['deadlines'][number];
type Event = TComplaintDetail['events'][number];

const actionLabel = (action: string) =>
  action === 'intake' ? '登记' : (complaintTransitions[action as ComplaintAction]?.label ?? action);

function deadlineTag(d: Deadline) {
  if (d.metAt) return <Tag color="green">已完成</Tag>;
  if (d.overdue) return <Tag color="red">已超期</Tag>;
  return <Tag color="blue">进行中</Tag>;
}

export function ComplaintDetailPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const id = Number(useParams().id);
  const load = useCallback(() => complaintsApi.get(id), [id]);
  const detail = useAsync(load);
  const ruleSets = useAsync(complaintsApi.ruleSets);
  const categories = useAsync(complaintsApi.categories);
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
    { title: '环节', dataIndex: 'label' },
    { title: '起算日', dataIndex: 'startedOn' },
    {
      title: '届满日',
      key: 'dueOn',
      render: (_: unknown, d: Deadline) => (
        <Space size={4}>
          {d.dueOn}
          {d.provisional && <Tag>暂算</Tag>}
        </Space>
      ),
    },
    { title: '完成时间', dataIndex: 'metAt', render: (at: string | null) => formatDateTime(at, lang) },
    { title: '状态', key: 'state', render: (_: unknown, d: Deadline) => deadlineTag(d) },
    { title: '延期原因', dataIndex: 'extensionReason', render: (r: string | null) => r ?? '—' },
  ];

  return (
    <>
      <PageHeader
        title={
          <Space>
            {item.trackingCode}
            <Tag color={item.status === 'closed' ? 'green' : 'blue'} data-testid="complaint-status">
              {item.statusLabel}
            </Tag>
            {item.overdue && <Tag color="red">超期</Tag>}
            {item.escalationLevel > 0 && <Tag color="volcano">督办</Tag>}
          </Space>
        }
        extra={
          can('complaint:write') && (
            <Space wrap data-testid="complaint-actions">
              {item.allowedActions.map((a) => (
                <Button key={a} onClick={() => setAction(a as ComplaintAction)} data-testid={`action-${a}`}>
                  {actionLabel(a)}
                </Button>
              ))}
              {item.status !== 'closed' && (
                <Button onClick={() => setReassigning(true)} data-testid="action-reassign">
                  转办
                </Button>
              )}
            </Space>
          )
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Card title="事项信息" size="small">
            <Descriptions column={2} size="small" data-testid="complaint-facts">
              <Descriptions.Item label="类型">{kindLabel(t, item.kind)}</Descriptions.Item>
              <Descriptions.Item label="渠道">{channelLabel(t, item.channel)}</Descriptions.Item>
              <Descriptions.Item label="登记日期">{item.receivedOn}</Descriptions.Item>
              <Descriptions.Item label="管辖所">{item.stationName}</Descriptions.Item>
              <Descriptions.Item label="当事人">
                <span data-testid="complaint-person">
                  {identity ? `${identity.name} ${identity.phone}` : `${item.personName} ${item.personPhone}`}
                </span>
                {item.confidential && <Tag style={{ marginLeft: 8 }}>保密</Tag>}
                {item.canRevealIdentity && !identity && (
                  <Button size="small" type="link" onClick={() => setRevealing(true)} data-testid="identity-reveal">
                    查看完整信息
                  </Button>
                )}
              </Descriptions.Item>
              <Descriptions.Item label="身份证号">
                {(identity ? identity.idNumber : item.personIdMasked) ?? '—'}
              </Descriptions.Item>
              <Descriptions.Item label="经营者">{item.businessName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="经营地址">{item.businessAddress ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="类别">
                {item.categoryCode
                  ? (categories.data?.find((c) => c.code === item.categoryCode)?.name ?? item.categoryCode)
                  : '未分类'}
              </Descriptions.Item>
              <Descriptions.Item label="涉及金额">{formatFen(item.amountFen)}</Descriptions.Item>
              <Descriptions.Item label="事由" span={2}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {item.description}
                </Typography.Paragraph>
              </Descriptions.Item>
              {item.resultText && (
                <Descriptions.Item label="处理结果" span={2}>
                  {item.resultText}
                </Descriptions.Item>
              )}
              {item.recoveredFen > 0 && (
                <Descriptions.Item label="挽回经济损失">{formatFen(item.recoveredFen)}</Descriptions.Item>
              )}
              {item.transferredTo && <Descriptions.Item label="移送机关">{item.transferredTo}</Descriptions.Item>}
              {item.feedbackText && (
                <Descriptions.Item label="反馈" span={2}>
                  {item.feedbackText}
                </Descriptions.Item>
              )}
              {item.satisfaction !== null && (
                <Descriptions.Item label="满意度">{`${item.satisfaction} / 5`}</Descriptions.Item>
              )}
            </Descriptions>
            {identity ? (
              <Alert
                type="warning"
                showIcon
                title={`已显示当事人完整信息，本次查看已留痕（原因：${revealed?.reason}）`}
                style={{ marginTop: 8 }}
              />
            ) : (
              !item.canRevealIdentity && (
                <Alert
                  type="info"
                  showIcon
                  title="当事人身份信息已脱敏；承办单位（保密举报人仅承办单位）或12315中心的办理人员可说明原因后查看"
                  style={{ marginTop: 8 }}
                />
              )
            )}
          </Card>
          <Card title="办理期限" size="small" style={{ marginTop: 16 }}>
            <Typography.Paragraph type="secondary" data-testid="complaint-rule-set">
              依据：《{item.ruleSet.name}》（{item.ruleSet.citation}）
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
          <Card title="办理记录" size="small" data-testid="complaint-timeline">
            <Timeline
              items={item.events.map((e: Event) => ({
                key: e.id,
                color: e.action === 'intake' ? 'blue' : e.toStatus === 'closed' ? 'green' : 'gray',
                content: (
                  <>
                    <Typography.Text strong>{actionLabel(e.action)}</Typography.Text>
                    {e.actorName && <Typography.Text type="secondary">（{e.actorName}）</Typography.Text>}
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
