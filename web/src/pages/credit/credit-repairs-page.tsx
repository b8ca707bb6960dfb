import { Button, Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TRepair } from '../../../../src/contracts/credit.ts';
import { creditApi, type TRepairQuery } from '../../api/credit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { creditListLabels, fileUrl, repairKey, repairStatusLabels } from './credit-labels.ts';
import { RepairStepModal } from './repair-decide-modal.tsx';

const statusOptions = ['applied', 'reviewed', 'approved', 'rejected'].map((s) => ({
  value: s,
  label: repairStatusLabels[s],
}));

/** 信用修复: applications (made from an entity's credit page), review, decision. */
export function CreditRepairsPage() {
  const t = useT();
  const canWrite = useAuth().can('credit:write');
  const [status, setStatus] = useState<TRepairQuery['status']>();
  const [step, setStep] = useState<{ repair: TRepair; step: 'review' | 'decide' }>();
  const fetchPage = (cursor?: string, signal?: AbortSignal) => creditApi.repairs({ status, cursor }, { signal });
  const list = useKeysetList(fetchPage, repairKey, queryKeys.credit.repairs({ status }));

  return (
    <>
      <PageHeader title={t('nav.creditRepairs')} />
      <Space style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="状态"
          options={statusOptions}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
        />
      </Space>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<TRepair>
        rowKey="id"
        pagination={false}
        dataSource={list.items}
        loading={list.loading}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: '主体',
            dataIndex: 'entityName',
            render: (n: string, r) => <Link to={`/credit/entities/${r.entityId}`}>{n}</Link>,
          },
          { title: '名录', dataIndex: 'list', render: (l: TRepair['list']) => creditListLabels[l] },
          { title: '申请人', dataIndex: 'applicantName' },
          { title: '申请日期', dataIndex: 'appliedOn' },
          { title: '状态', dataIndex: 'status', render: (s: string) => <Tag>{repairStatusLabels[s] ?? s}</Tag> },
          {
            title: '修复条件',
            key: 'c',
            render: (_, r) =>
              r.conditions?.map((c) => (
                <Tag key={c.code} color={c.met ? 'green' : 'red'}>
                  {c.label}
                </Tag>
              )) ?? '—',
          },
          {
            title: '决定书',
            key: 'd',
            render: (_, r) => (r.documentFileId ? <a href={fileUrl(r.documentFileId)}>{r.decisionNo}</a> : '—'),
          },
          {
            title: '',
            key: 'a',
            render: (_, r) =>
              canWrite &&
              (r.actions.includes('review') ? (
                <Button size="small" onClick={() => setStep({ repair: r, step: 'review' })}>
                  审查
                </Button>
              ) : r.actions.includes('approve') ? (
                <Button size="small" type="primary" onClick={() => setStep({ repair: r, step: 'decide' })}>
                  决定
                </Button>
              ) : null),
          },
        ]}
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} count={list.items.length} onLoadMore={list.loadMore} />
      {step && (
        <RepairStepModal
          {...step}
          onClose={() => setStep(undefined)}
          onDone={(r) => {
            list.replaceItem(r);
            setStep(undefined);
          }}
        />
      )}
    </>
  );
}
