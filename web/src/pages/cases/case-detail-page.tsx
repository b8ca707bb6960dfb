import { Alert, Button, Card, Col, Descriptions, Row, Space, Spin, Statistic, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { type CaseAction, leadCode } from '../../../../src/domain/case-workflow.ts';
import { casesApi, type TCaseApproval, type TCaseDetail } from '../../api/cases.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { ApprovalDecideModal, type ApprovalOutcome } from './approval-decide-modal.tsx';
import { CaseActionModal } from './case-action-modal.tsx';
import {
  ApprovalsTimeline,
  DocumentsTab,
  EvidenceTab,
  ExecutionTab,
  PenaltiesTab,
  StepsTimeline,
} from './case-detail-tabs.tsx';
import { caseActionLabel, caseDueState, daysUntil, decisionKindLabel, dueTextType, roleLabel } from './case-labels.ts';
import { MeasuresTab } from './case-measures-tab.tsx';
import { useCaseSettings } from './case-pickers.tsx';
import { DueCell } from './leads-page.tsx';
import { SummaryFilingFact, SummaryFilingModal, summaryFilingClock } from './summary-filing.tsx';

/**
 * Actions that only record something (no status change) or step back go after the ones that move the case on;
 * 记录陈述申辩 is the next step of a notified case, so it stays in front.
 */
const secondary = new Set(['pauseClock', 'resumeClock', 'extend', 'extendCollective', 'reopen', 'annul']);

/**
 * The actions worth a button now: the status allows them (the server's list), and the case's own state does not rule
 * them out (no hearing without a hearing right, no 恢复计算 of a clock that runs, no second 中止计算).
 */
function offeredActions(item: TCaseDetail): CaseAction[] {
  const paused = item.clocks.decision?.paused ?? false;
  const hidden = new Set<string>([
    ...(item.hearingRight ? [] : ['scheduleHearing']),
    ...(paused ? ['pauseClock'] : []),
    ...(paused && !['suspended', 'hearing'].includes(item.status) ? [] : ['resumeClock']),
  ]);
  return (item.allowedActions.filter((a) => !hidden.has(a)) as CaseAction[]).sort(
    (a, b) => Number(secondary.has(a)) - Number(secondary.has(b)),
  );
}

/** The approver's own row of the request the case waits on, when the signed-in user holds the awaited role. */
function myPendingApproval(item: TCaseDetail, roleCodes: string[]): TCaseApproval | undefined {
  const waiting = item.pendingApproval;
  if (!waiting?.waitingFor || !roleCodes.includes(waiting.waitingFor)) return undefined;
  return item.approvals.find(
    (a) => a.outcome === null && a.requestId === waiting.requestId && a.roleCode === waiting.waitingFor,
  );
}

/** A deadline with the days left; `running` false (the step is behind the case) shows the date alone. */
function Clock({
  t,
  title,
  date,
  state,
  running = true,
}: {
  t: Translate;
  title: string;
  date: string | null;
  state?: string;
  running?: boolean;
}) {
  const days = date && running ? daysUntil(date) : undefined;
  return (
    <Card size="small">
      <Statistic
        title={title}
        value={date ?? '—'}
        valueStyle={{
          fontSize: 18,
          color: state === 'overdue' ? '#cf1322' : state === 'soon' ? '#d46b08' : undefined,
        }}
      />
      {days !== undefined && (
        <Typography.Text type={dueTextType(state as never)}>
          {state === 'paused'
            ? t('cases.paused')
            : days < 0
              ? t('cases.daysOverdue', { days: -days })
              : t('cases.daysLeft', { days })}
        </Typography.Text>
      )}
    </Card>
  );
}

export function CaseDetailPage() {
  const t = useT();
  const { can, me } = useAuth();
  const id = Number(useParams().id);
  const detail = useAsync((signal) => casesApi.get(id, { signal }), queryKeys.cases.detail(id));
  const settings = useCaseSettings();
  const [action, setAction] = useState<CaseAction>();
  const [deciding, setDeciding] = useState<{ approval: TCaseApproval; outcome: ApprovalOutcome }>();

  if (detail.error) return <LoadError error={detail.error} onRetry={detail.reload} />;
  const item = detail.data;
  if (!item) return <Spin />;

  const decisionClock = item.clocks.decision;
  // 简易程序: a fourth clock, the 备案 due day.
  const filingClock = summaryFilingClock(item);
  const clockSpan = filingClock ? 6 : 8;
  const decisionState = caseDueState(decisionClock, item.decidedOn);
  const statementState =
    item.status === 'notified' && item.clocks.statementDueOn && daysUntil(item.clocks.statementDueOn) < 0
      ? 'overdue'
      : 'normal';
  const limitationOn = item.clocks.limitationExpiresOn ?? item.limitationExpiresOn;
  const limitationDays = limitationOn ? daysUntil(limitationOn) : undefined;
  const limitationState =
    limitationDays === undefined || item.decidedOn
      ? 'normal'
      : limitationDays < 0
        ? 'overdue'
        : limitationDays <= settings.limitationWarningDays
          ? 'soon'
          : 'normal';
  const actions = offeredActions(item);
  const writable = can('case:write') && !item.pendingAction;
  const myApproval =
    can('case:approve') || can('case:legal') ? myPendingApproval(item, me?.roles.map((r) => r.code) ?? []) : undefined;

  return (
    <>
      <PageHeader
        crumb={item.caseNo ?? t('cases.noCaseNo', { id: item.id })}
        title={
          <Space wrap>
            {item.caseNo ?? t('cases.noCaseNo', { id: item.id })}
            <StatusTag workflow="case" status={item.status} data-testid="case-status" />
            {item.isMajor && <Tag color="red">{t('cases.major')}</Tag>}
            {item.procedure === 'summary' && <Tag>{t('cases.procedure.summary')}</Tag>}
            {decisionClock?.paused && <Tag>{t('cases.paused')}</Tag>}
          </Space>
        }
        extra={
          can('case:write') && (
            <Space wrap data-testid="case-actions">
              {actions.map((a) => (
                <Button
                  key={a}
                  type={secondary.has(a) ? 'default' : 'primary'}
                  disabled={!writable}
                  onClick={() => setAction(a)}
                  data-testid={`case-action-${a}`}
                >
                  {caseActionLabel(t, a)}
                </Button>
              ))}
            </Space>
          )
        }
      />
      {item.pendingAction && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('cases.pendingActionAlert', { action: caseActionLabel(t, item.pendingAction) })}
          description={
            item.pendingApproval?.waitingFor
              ? t('cases.waitingFor', { role: roleLabel(t, item.pendingApproval.waitingFor) })
              : undefined
          }
          action={
            myApproval && (
              <Space orientation="vertical">
                <Button
                  type="primary"
                  size="small"
                  onClick={() => setDeciding({ approval: myApproval, outcome: 'approved' })}
                  data-testid="case-approve"
                >
                  {t('cases.approve')}
                </Button>
                <Button
                  danger
                  size="small"
                  onClick={() => setDeciding({ approval: myApproval, outcome: 'returned' })}
                  data-testid="case-return"
                >
                  {t('cases.return')}
                </Button>
              </Space>
            )
          }
          data-testid="case-pending"
        />
      )}
      <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="case-clocks">
        <Col xs={24} sm={clockSpan}>
          <Clock t={t} title={t('cases.decisionDueOn')} date={decisionClock?.dueOn ?? null} state={decisionState} />
        </Col>
        <Col xs={24} sm={clockSpan}>
          <Clock
            t={t}
            title={t('cases.statementDueOn')}
            date={item.clocks.statementDueOn}
            running={item.status === 'notified'}
            state={statementState}
          />
        </Col>
        <Col xs={24} sm={clockSpan}>
          <Clock
            t={t}
            title={t('cases.limitationExpiresOn')}
            date={limitationOn}
            running={!item.decidedOn}
            state={limitationState}
          />
        </Col>
        {filingClock && (
          <Col xs={24} sm={clockSpan} data-testid="case-summary-filing">
            <Clock t={t} title={t('cases.summaryFilingDueOn')} {...filingClock} />
          </Col>
        )}
      </Row>
      <CaseFacts t={t} item={item} />
      <Tabs
        style={{ marginTop: 16 }}
        data-testid="case-tabs"
        items={[
          { key: 'timeline', label: t('cases.tab.timeline'), children: <StepsTimeline item={item} /> },
          {
            key: 'evidence',
            label: t('cases.tab.evidence'),
            children: <EvidenceTab item={item} canAdd={can('case:write') && item.status !== 'closed'} />,
          },
          { key: 'measures', label: t('cases.tab.measures'), children: <MeasuresTab item={item} /> },
          { key: 'documents', label: t('cases.tab.documents'), children: <DocumentsTab item={item} /> },
          {
            key: 'approvals',
            label: t('cases.tab.approvals'),
            children: <ApprovalsTimeline approvals={item.approvals} />,
          },
          { key: 'penalties', label: t('cases.tab.penalties'), children: <PenaltiesTab item={item} /> },
          { key: 'execution', label: t('cases.tab.execution'), children: <ExecutionTab item={item} /> },
        ]}
      />
      {action === 'summaryFile' && (
        <SummaryFilingModal
          item={item}
          onClose={() => setAction(undefined)}
          onDone={(updated) => {
            detail.setData(() => updated);
            setAction(undefined);
          }}
        />
      )}
      {action && action !== 'summaryFile' && (
        <CaseActionModal
          item={item}
          action={action}
          onClose={() => setAction(undefined)}
          onDone={(updated) => {
            if (updated) detail.setData(() => updated);
            else detail.reload();
            setAction(undefined);
          }}
        />
      )}
      {deciding && (
        <ApprovalDecideModal
          approval={deciding.approval}
          outcome={deciding.outcome}
          onClose={() => setDeciding(undefined)}
          onDone={() => {
            setDeciding(undefined);
            detail.reload();
          }}
        />
      )}
    </>
  );
}

function CaseFacts({ t, item }: { t: Translate; item: TCaseDetail }) {
  return (
    <Descriptions size="small" bordered column={{ xs: 1, md: 2, xl: 3 }} data-testid="case-facts">
      <Descriptions.Item label={t('cases.party')}>
        {item.entityId ? <Link to={`/entities/${item.entityId}`}>{item.partyName}</Link> : item.partyName}
        {item.partyUscc && <Typography.Text type="secondary"> {item.partyUscc}</Typography.Text>}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.title')}>{item.title}</Descriptions.Item>
      <Descriptions.Item label={t('cases.officers')}>
        {item.officers.map((o) => (
          <Tag key={o.userId}>
            {o.name}
            {o.credentialNo ? ` · ${o.credentialNo}` : ''}
          </Tag>
        ))}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.violations')}>
        {item.violations.map((v) => v.name).join(t('cases.listSeparator')) || '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.actOn')}>{item.actOn ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('cases.filedOn')}>{item.filedOn ?? '—'}</Descriptions.Item>
      {item.decidedOn && (
        <Descriptions.Item label={t('cases.decision')}>
          {item.decisionKind ? decisionKindLabel(t, item.decisionKind) : ''} {item.decisionNo ?? ''} · {item.decidedOn}
        </Descriptions.Item>
      )}
      {item.servedOn && <Descriptions.Item label={t('cases.servedOn')}>{item.servedOn}</Descriptions.Item>}
      {item.summaryFiling && (
        <Descriptions.Item
          label={item.summaryFiling.filedOn ? t('cases.summaryFiledOn') : t('cases.summaryFilingDueOn')}
        >
          <SummaryFilingFact t={t} item={item} />
        </Descriptions.Item>
      )}
      {item.leadId && (
        <Descriptions.Item label={t('cases.lead')}>
          <Link to={`/cases/leads?lead=${item.leadId}`} data-testid="case-lead">
            {leadCode(item.leadId)}
          </Link>
        </Descriptions.Item>
      )}
      {item.facts && (
        <Descriptions.Item label={t('cases.facts')} span={{ xs: 1, md: 2, xl: 3 }}>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{item.facts}</Typography.Paragraph>
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('cases.decisionDueOn')}>
        <DueCell
          t={t}
          due={item.clocks.decision?.dueOn ?? null}
          state={caseDueState(item.clocks.decision, item.decidedOn)}
        />
      </Descriptions.Item>
    </Descriptions>
  );
}
