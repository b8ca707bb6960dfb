import { Button, Form, Select, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TRepair } from '../../../../src/contracts/credit.ts';
import { creditApi, type TRepairQuery } from '../../api/credit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag, useStatusOptions } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { creditListLabel, fileUrl, repairKey } from './credit-labels.ts';
import { RepairStepModal } from './repair-decide-modal.tsx';

/** 信用修复: applications (made from an entity's credit page), review, decision. */
export function CreditRepairsPage() {
  const t = useT();
  const canWrite = useAuth().can('credit:write');
  const statusOptions = useStatusOptions('creditRepair');
  const [status, setStatus] = useState<TRepairQuery['status']>();
  const [step, setStep] = useState<{ repair: TRepair; step: 'review' | 'decide' }>();
  const fetchPage = (cursor?: string, signal?: AbortSignal) => creditApi.repairs({ status, cursor }, { signal });
  const list = useKeysetList(fetchPage, repairKey, queryKeys.credit.repairs({ status }));

  const columns = useMemo<TableColumnsType<TRepair>>(
    () => [
      {
        title: t('credit.entityName'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/credit/entities/${r.entityId}`}>{n}</Link>,
      },
      { title: t('credit.list'), dataIndex: 'list', render: (l: TRepair['list']) => creditListLabel(t, l) },
      { title: t('credit.applicant'), dataIndex: 'applicantName' },
      { title: t('credit.applicationDate'), dataIndex: 'appliedOn' },
      {
        title: t('credit.status'),
        dataIndex: 'status',
        render: (s: string) => <StatusTag workflow="creditRepair" status={s} />,
      },
      {
        title: t('credit.conditions'),
        key: 'conditions',
        // The condition names come from the server with the year they concern (src/domain/credit-rules.ts).
        render: (_, r) =>
          r.conditions?.map((c) => (
            <Tag key={c.code} color={c.met ? 'green' : 'red'}>
              {c.label}
            </Tag>
          )) ?? '—',
      },
      {
        title: t('credit.decisionDocument'),
        key: 'document',
        render: (_, r) => (r.documentFileId ? <a href={fileUrl(r.documentFileId)}>{r.decisionNo}</a> : '—'),
      },
      {
        title: '',
        key: 'a',
        render: (_, r) =>
          canWrite &&
          (r.actions.includes('review') ? (
            <Button size="small" onClick={() => setStep({ repair: r, step: 'review' })}>
              {t('credit.review')}
            </Button>
          ) : r.actions.includes('approve') ? (
            <Button size="small" type="primary" onClick={() => setStep({ repair: r, step: 'decide' })}>
              {t('credit.decide')}
            </Button>
          ) : null),
      },
    ],
    [t, canWrite],
  );

  return (
    <>
      <PageHeader title={t('nav.creditRepairs')} />
      <SearchForm<{ status?: TRepairQuery['status'] }>
        onSearch={(v) => setStatus(v.status)}
        data-testid="repairs-search-form"
      >
        <Form.Item name="status" label={t('credit.status')}>
          <Select allowClear options={statusOptions} />
        </Form.Item>
      </SearchForm>
      <ListTable<TRepair>
        id="credit-repairs"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="repairs-table"
      />
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
