import { App, Button, Form, Input, Modal, Select, Space, type TableColumnsType, Tag } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TAlertMatch } from '../../../../../src/contracts/product-recalls.ts';
import { type AlertMatchStatus, alertMatchStatuses } from '../../../../../src/domain/product-recall-workflow.ts';
import { recallsApi, type TMatchQuery } from '../../../api/product-recalls.ts';
import { useAuth } from '../../../auth/auth-context.tsx';
import { ListTable } from '../../../components/list-page/list-table.tsx';
import { SearchForm } from '../../../components/list-page/search-form.tsx';
import { PageHeader } from '../../../components/page-header.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../../lib/use-keyset-list.ts';

const colours: Record<AlertMatchStatus, string> = { pending: 'orange', confirmed: 'red', dismissed: 'default' };

/** 风险通报匹配核实: each match of an imported alert to a registered entity; confirm (→ 案件线索) or dismiss. */
export function AlertMatchesPage() {
  const t = useT();
  const { message } = App.useApp();
  const canWrite = useAuth().can('product:write');
  const [params] = useSearchParams();
  const batchId = Number(params.get('batchId')) || undefined;
  const [status, setStatus] = useState<AlertMatchStatus | undefined>(batchId ? undefined : 'pending');
  const [dismissing, setDismissing] = useState<TAlertMatch>();
  const query: TMatchQuery = { status, batchId };
  const list = useKeysetList(
    (cursor, signal) => recallsApi.matches({ ...query, cursor }, { signal }),
    (m) => m.id,
    ['product', 'alert-matches', query],
  );
  const confirm = (m: TAlertMatch) =>
    recallsApi.decide(m.id, 'confirm', { version: m.version }).then(
      (r) => {
        message.success(t('productAlerts.confirmed', { lead: r.leadCode ?? '' }));
        list.reload();
      },
      (err: Error) => message.error(err.message),
    );
  const columns: TableColumnsType<TAlertMatch> = [
    {
      title: t('productAlerts.alert'),
      dataIndex: 'sourceRef',
      render: (_, m) => (
        <>
          <div>{`${m.sourceRef} · ${m.source}`}</div>
          <div>{t('productAlerts.productRisk', { product: m.productName, risk: m.risk })}</div>
        </>
      ),
    },
    {
      title: t('productAlerts.named'),
      dataIndex: 'alertName',
      render: (_, m) =>
        t('productAlerts.namedAs', { role: t(`productAlerts.role.${m.role}`), name: m.alertName || m.alertUscc || '' }),
    },
    {
      title: t('productAlerts.entity'),
      dataIndex: 'entityName',
      render: (_, m) => (
        <>
          <div>{m.entityName}</div>
          <div>{m.uscc}</div>
        </>
      ),
    },
    {
      title: t('productAlerts.matchedBy'),
      dataIndex: 'matchedBy',
      render: (b: 'uscc' | 'name') => t(`productAlerts.by.${b}`),
    },
    { title: t('productAlerts.station'), dataIndex: 'stationName' },
    { title: t('productAlerts.dueOn'), dataIndex: 'dueOn' },
    {
      title: t('productAlerts.status'),
      dataIndex: 'status',
      render: (s: AlertMatchStatus, m) => (
        <Space direction="vertical" size={0}>
          <Tag color={colours[s]}>{t(`productAlerts.status.${s}`)}</Tag>
          {m.leadCode && <span data-testid="match-lead">{t('productAlerts.lead', { lead: m.leadCode })}</span>}
          {m.note && <span>{m.note}</span>}
        </Space>
      ),
    },
    {
      title: t('productAlerts.actions'),
      dataIndex: 'id',
      render: (_, m) =>
        canWrite &&
        m.status === 'pending' && (
          <Space wrap>
            <Button size="small" type="primary" onClick={() => confirm(m)} data-testid={`match-confirm-${m.id}`}>
              {t('productAlerts.confirm')}
            </Button>
            <Button size="small" onClick={() => setDismissing(m)} data-testid={`match-dismiss-${m.id}`}>
              {t('productAlerts.dismiss')}
            </Button>
          </Space>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('productAlerts.matches.title')} />
      <SearchForm<{ status?: AlertMatchStatus }>
        onSearch={(f) => setStatus(f.status)}
        onReset={() => setStatus(undefined)}
        data-testid="match-search"
      >
        <Form.Item name="status" label={t('productAlerts.status')}>
          <Select
            allowClear
            style={{ minWidth: 120 }}
            options={alertMatchStatuses.map((s) => ({ value: s, label: t(`productAlerts.status.${s}`) }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TAlertMatch>
        id="product-alert-matches"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="match-table"
      />
      {dismissing && (
        <DismissModal
          match={dismissing}
          onClose={() => setDismissing(undefined)}
          onDone={() => {
            setDismissing(undefined);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function DismissModal({ match, onClose, onDone }: { match: TAlertMatch; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    recallsApi
      .decide(match.id, 'dismiss', { version: match.version, note: v.note })
      .then(onDone, (err: Error) => message.error(err.message));
  };
  return (
    <Modal open title={t('productAlerts.dismiss')} onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical">
        <Form.Item
          name="note"
          label={t('productAlerts.dismissReason')}
          rules={[{ required: true, message: t('productRecalls.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
