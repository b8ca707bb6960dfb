import { ReloadOutlined } from '@ant-design/icons';
import { Button, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { jobStatuses, type TJob } from '../../../../src/contracts/jobs.ts';
import { jobsApi } from '../../api/jobs.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { JobProgress } from './job-progress.tsx';
import { useJobPolling } from './use-job-polling.ts';

type Status = TJob['status'];
const PAGE_SIZE = 50;
const jobKey = (j: TJob) => j.id;
const statusColors: Record<Status, string> = {
  queued: 'default',
  running: 'processing',
  succeeded: 'success',
  failed: 'error',
  cancelled: 'warning',
};
/** Job kinds registered by the server; unknown ones show their code. */
const kindLabels: Record<string, MessageKey> = {
  'sessions.cleanup': 'jobs.kind.sessionsCleanup',
  'entities.import': 'jobs.kind.entitiesImport',
  'complaints.escalate': 'jobs.kind.complaintsEscalate',
  'complaints.rollup': 'jobs.kind.complaintsRollup',
  'complaints.detect': 'jobs.kind.complaintsDetect',
  'complaints.uploads-cleanup': 'jobs.kind.complaintsUploadsCleanup',
  'credit.recompute': 'jobs.kind.creditRecompute',
  'credit.recompute-queue': 'jobs.kind.creditRecomputeQueue',
  'audit.checkpoint': 'jobs.kind.auditCheckpoint',
};

export function JobsPage() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<Status>();
  const query = { status, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => jobsApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, jobKey, queryKeys.jobs.list(query));
  useJobPolling(list.items, list.replaceItem);
  const statusLabel = (s: Status) => t(`jobs.status.${s}`);

  const columns: TableColumnsType<TJob> = [
    { title: 'ID', dataIndex: 'id', width: 70 },
    {
      title: t('jobs.kind'),
      dataIndex: 'kind',
      render: (kind: string) => {
        const label = kindLabels[kind];
        return label ? (
          <>
            {t(label)}
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {kind}
            </Typography.Text>
          </>
        ) : (
          kind
        );
      },
    },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      render: (s: Status) => <Tag color={statusColors[s]}>{statusLabel(s)}</Tag>,
    },
    { title: t('jobs.progress'), key: 'progress', render: (_, job) => <JobProgress job={job} /> },
    {
      title: t('jobs.message'),
      key: 'message',
      render: (_, job) =>
        job.error ? <Typography.Text type="danger">{job.error}</Typography.Text> : (job.message ?? '—'),
    },
    { title: t('jobs.attempts'), dataIndex: 'attempts', width: 80 },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, lang) },
    { title: t('jobs.finishedAt'), dataIndex: 'finishedAt', render: (at: string | null) => formatDateTime(at, lang) },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.jobs')}
        extra={
          <Space>
            <Select<Status>
              allowClear
              placeholder={t('jobs.filterStatus')}
              style={{ width: 160 }}
              value={status}
              onChange={setStatus}
              options={(Object.keys(jobStatuses) as Status[]).map((s) => ({ value: s, label: statusLabel(s) }))}
            />
            <Button icon={<ReloadOutlined />} onClick={list.reload}>
              {t('common.refresh')}
            </Button>
          </Space>
        }
      />
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<TJob>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading && list.items.length === 0}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        data-testid="jobs-table"
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} count={list.items.length} onLoadMore={list.loadMore} />
    </>
  );
}
