import { Form, Select, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import type { TJob } from '../../../../src/contracts/jobs.ts';
import { jobsApi } from '../../api/jobs.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag, useStatusOptions } from '../../components/status-tag.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { JobProgress } from './job-progress.tsx';
import { useJobPolling } from './use-job-polling.ts';

type Status = TJob['status'];
const PAGE_SIZE = 50;
const jobKey = (j: TJob) => j.id;
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
  'notifications.digest': 'jobs.kind.notificationsDigest',
  'cases.disclosure-sweep': 'jobs.kind.casesDisclosureSweep',
  'cases.evidence-uploads-cleanup': 'jobs.kind.casesEvidenceUploadsCleanup',
  'cases.stats-rollup': 'jobs.kind.casesStatsRollup',
  'drug-sales.detect': 'jobs.kind.drugSalesDetect',
  'drug-sales.purge': 'jobs.kind.drugSalesPurge',
  'drug-sales.rollup': 'jobs.kind.drugSalesRollup',
  'equipment.directives.overdue': 'jobs.kind.equipmentDirectivesOverdue',
  'equipment.sweep': 'jobs.kind.equipmentSweep',
  'food.grades.annual': 'jobs.kind.foodGradesAnnual',
  'food.tiers-recompute': 'jobs.kind.foodTiersRecompute',
  'pharmacy.attendance.daily': 'jobs.kind.pharmacyAttendanceDaily',
  'screen.refresh': 'jobs.kind.screenRefresh',
};

export function JobsPage() {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<Status>();
  const query = { status, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => jobsApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, jobKey, queryKeys.jobs.list(query));
  useJobPolling(list.items, list.replaceItem);
  const statusOptions = useStatusOptions('job');

  const columns: TableColumnsType<TJob> = [
    { title: 'ID', dataIndex: 'id', width: 70 },
    {
      title: t('jobs.kind'),
      dataIndex: 'kind',
      render: (kind: string) => {
        const label = kindLabels[kind];
        // The job's code (what the logs name) on hover: a dotted code in the cell reads like a missing translation.
        return label ? <span title={kind}>{t(label)}</span> : kind;
      },
    },
    {
      title: t('jobs.status'),
      dataIndex: 'status',
      render: (s: Status) => <StatusTag workflow="job" status={s} />,
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
      <PageHeader title={t('nav.jobs')} />
      <SearchForm<{ status?: Status }> onSearch={(v) => setStatus(v.status)} data-testid="job-search-form">
        <Form.Item name="status" label={t('jobs.status')}>
          <Select<Status> allowClear placeholder={t('jobs.filterStatus')} options={statusOptions} />
        </Form.Item>
      </SearchForm>
      <ListTable<TJob>
        id="jobs"
        rowKey="id"
        size="small"
        columns={columns}
        // Jobs page with a cursor and no count: "load more". Polled rows update in place.
        source={{ kind: 'keyset', list }}
        data-testid="jobs-table"
      />
    </>
  );
}
