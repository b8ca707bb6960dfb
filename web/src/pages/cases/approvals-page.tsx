import { Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { casesApi, type TPendingApproval } from '../../api/cases.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { ApprovalDecideModal, type ApprovalOutcome } from './approval-decide-modal.tsx';
import {
  approvalStepLabel,
  caseActionLabel,
  formatFen,
  leadActionLabel,
  penaltyKindLabel,
  roleLabel,
} from './case-labels.ts';

/** 待我审批: requests waiting for one of my roles, approved or returned with a comment. */
export function CaseApprovalsPage() {
  const { t, lang } = useI18n();
  const { can } = useAuth();
  const inbox = useAsync((signal) => casesApi.approvalsInbox({ signal }), queryKeys.caseApprovals.inbox());
  const [deciding, setDeciding] = useState<{ row: TPendingApproval; outcome: ApprovalOutcome }>();
  const mayDecide = can('case:approve') || can('case:legal');

  const columns = [
    {
      title: t('cases.approvalStep'),
      key: 'step',
      render: (_: unknown, a: TPendingApproval) => (
        <Space size={4} wrap>
          <Tag color="blue">{approvalStepLabel(t, a.step)}</Tag>
          {a.leadId ? leadActionLabel(t, a.action) : caseActionLabel(t, a.action)}
        </Space>
      ),
    },
    {
      title: t('cases.subject'),
      key: 'subject',
      render: (_: unknown, a: TPendingApproval) =>
        a.caseId ? (
          <Link to={`/cases/${a.caseId}`} data-testid={`approval-case-${a.caseId}`}>
            {a.caseNo ?? a.title ?? t('cases.noCaseNo', { id: a.caseId })}
          </Link>
        ) : (
          <Link to="/cases/leads">{a.title ?? t('cases.leadNo', { id: a.leadId ?? 0 })}</Link>
        ),
    },
    { title: t('cases.title'), dataIndex: 'title', render: (v: string | null) => v ?? '—' },
    {
      title: t('cases.proposedPenalties'),
      key: 'penalties',
      render: (_: unknown, a: TPendingApproval) =>
        a.penalties.length ? (
          <Space size={4} wrap data-testid={`approval-penalties-${a.id}`}>
            {a.penalties.map((p) => (
              <Tag key={`${p.kind}-${p.amountFen}`}>
                {penaltyKindLabel(t, p.kind)}
                {p.amountFen > 0 && ` ${formatFen(p.amountFen)}`}
              </Tag>
            ))}
          </Space>
        ) : (
          '—'
        ),
    },
    { title: t('cases.approverRole'), dataIndex: 'roleCode', render: (r: string) => roleLabel(t, r) },
    {
      title: t('cases.requestedByCol'),
      key: 'by',
      render: (_: unknown, a: TPendingApproval) => (
        <>
          {a.requestedByName ?? '—'}
          <div>
            <Typography.Text type="secondary">{formatDateTime(a.requestedAt, lang)}</Typography.Text>
          </div>
        </>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, a: TPendingApproval) =>
        mayDecide && (
          <Space>
            <Button
              type="primary"
              size="small"
              onClick={() => setDeciding({ row: a, outcome: 'approved' })}
              data-testid={`approve-${a.id}`}
            >
              {t('cases.approve')}
            </Button>
            <Button
              danger
              size="small"
              onClick={() => setDeciding({ row: a, outcome: 'returned' })}
              data-testid={`return-${a.id}`}
            >
              {t('cases.return')}
            </Button>
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.caseApprovals')} />
      {inbox.error && <LoadError error={inbox.error} onRetry={inbox.reload} />}
      <Table<TPendingApproval>
        rowKey="id"
        size="middle"
        scroll={{ x: 'max-content' }}
        loading={inbox.loading}
        columns={columns}
        dataSource={inbox.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('cases.inboxEmpty') }}
        data-testid="approvals-table"
      />
      {deciding && (
        <ApprovalDecideModal
          approval={deciding.row}
          outcome={deciding.outcome}
          onClose={() => setDeciding(undefined)}
          onDone={() => {
            setDeciding(undefined);
            inbox.reload();
          }}
        />
      )}
    </>
  );
}
