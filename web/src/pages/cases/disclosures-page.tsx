import { ExportOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TDisclosure } from '../../../../src/contracts/case-disclosures.ts';
import { caseDisclosuresApi, type DisclosureQuery } from '../../api/case-disclosures.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { errorDetail } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag, useStatusOptions } from '../../components/status-tag.tsx';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { type DueState, daysUntil } from './case-labels.ts';
import { DueCell } from './leads-page.tsx';

const PAGE_SIZE = 20;
/** Days before the 20-working-day limit from which a pending disclosure shows amber. */
const SOON_DAYS = 5;
const itemKey = (d: TDisclosure) => d.id;
type Filters = Pick<DisclosureQuery, 'status' | 'overdue' | 'q'>;
type Dialog = { kind: 'withdraw' | 'remove'; item: TDisclosure };

export const portalPenaltyUrl = (d: Pick<TDisclosure, 'id'>) => `/portal/penalties?id=${d.id}`;

export function disclosureDueState(d: Pick<TDisclosure, 'status' | 'overdue' | 'dueOn'>): DueState {
  if (d.status !== 'pending') return 'normal';
  if (d.overdue) return 'overdue';
  return daysUntil(d.dueOn) <= SOON_DAYS ? 'soon' : 'normal';
}

/**
 * 公示管理: every penalty decision's disclosure (SAMR Order 45) — published within 20 working days (overdue red),
 * withdrawn, removed early on the party's application, 典型案例 marked; writers act on the rows the API allows.
 */
export function CaseDisclosuresPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const statusOptions = useStatusOptions('caseDisclosure');
  const [filters, setFilters] = useState<Filters>({});
  const [dialog, setDialog] = useState<Dialog>();
  const writer = can('case:write');

  const query = { ...filters, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) =>
    caseDisclosuresApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, itemKey, queryKeys.caseDisclosures.list(query));

  const columns = useMemo<TableColumnsType<TDisclosure>>(() => {
    const run = async (action: () => Promise<unknown>) => {
      try {
        await action();
        message.success(t('disclosures.done'));
      } catch (err) {
        message.error(errorDetail(t, err));
      }
    };
    const cols: TableColumnsType<TDisclosure> = [
      {
        title: t('disclosures.decisionNo'),
        dataIndex: 'decisionNo',
        render: (no: string, d) => (
          <Space size={4} wrap>
            <Link to={`/cases/${d.caseId}`} data-testid={`disclosure-case-${d.id}`}>
              {no}
            </Link>
            {d.typical && <Tag color="gold">{t('disclosures.typical')}</Tag>}
          </Space>
        ),
      },
      {
        title: t('cases.party'),
        dataIndex: 'partyName',
        render: (name: string, d) => (
          <Space orientation="vertical" size={0}>
            {name}
            {d.partyUscc && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {d.partyUscc}
              </Typography.Text>
            )}
          </Space>
        ),
      },
      {
        title: t('cases.status'),
        dataIndex: 'status',
        render: (s: string, d) => (
          <Space size={4} wrap>
            <StatusTag workflow="caseDisclosure" status={s} data-testid={`disclosure-status-${d.id}`} />
            {d.escalatedAt && d.status === 'pending' && <Tag color="red">{t('disclosures.escalated')}</Tag>}
            {d.status === 'published' && (
              <Typography.Link
                href={portalPenaltyUrl(d)}
                target="_blank"
                rel="noopener"
                style={{ whiteSpace: 'nowrap' }}
                data-testid={`disclosure-portal-${d.id}`}
              >
                {t('disclosures.openPortal')} <ExportOutlined />
              </Typography.Link>
            )}
          </Space>
        ),
      },
      {
        title: t('disclosures.dueOn'),
        key: 'due',
        render: (_, d) => <DueCell t={t} due={d.dueOn} state={disclosureDueState(d)} />,
      },
      { title: t('disclosures.period'), key: 'period', render: (_, d) => <Period t={t} d={d} /> },
      { title: t('disclosures.decidedOn'), dataIndex: 'decidedOn' },
      { title: t('cases.station'), dataIndex: 'stationName' },
    ];
    if (!writer) return cols;
    cols.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Space size={0} wrap data-testid={`disclosure-actions-${d.id}`}>
          {d.actions.includes('publish') && (
            <Popconfirm
              title={t('disclosures.publishConfirm', { no: d.decisionNo })}
              description={t('disclosures.publishHint')}
              onConfirm={() => run(() => caseDisclosuresApi.publish(d.id, d.version))}
              okButtonProps={{ 'data-testid': 'disclosure-publish-ok' }}
            >
              <Button type="link" size="small" data-testid={`disclosure-publish-${d.id}`}>
                {t('disclosures.action.publish')}
              </Button>
            </Popconfirm>
          )}
          {d.actions.includes('withdraw') && (
            <Button
              type="link"
              size="small"
              danger
              onClick={() => setDialog({ kind: 'withdraw', item: d })}
              data-testid={`disclosure-withdraw-${d.id}`}
            >
              {t('disclosures.action.withdraw')}
            </Button>
          )}
          {d.actions.includes('remove') && d.removable && (
            <Button
              type="link"
              size="small"
              onClick={() => setDialog({ kind: 'remove', item: d })}
              data-testid={`disclosure-remove-${d.id}`}
            >
              {t('disclosures.action.remove')}
            </Button>
          )}
          {(d.status === 'pending' || d.status === 'published') && (
            <Button
              type="link"
              size="small"
              onClick={() => run(() => caseDisclosuresApi.setTypical(d.caseId, !d.typical))}
              data-testid={`disclosure-typical-${d.id}`}
            >
              {d.typical ? t('disclosures.unmarkTypical') : t('disclosures.markTypical')}
            </Button>
          )}
        </Space>
      ),
    });
    return cols;
  }, [t, writer, message]);

  return (
    <>
      <PageHeader title={t('nav.caseDisclosures')} />
      <Typography.Paragraph type="secondary">{t('disclosures.intro')}</Typography.Paragraph>
      <SearchForm<Filters & { flags?: string[] }>
        onSearch={({ flags = [], q, status }) =>
          setFilters({ status, q: q?.trim() || undefined, overdue: flags.includes('overdue') || undefined })
        }
        data-testid="disclosure-search-form"
      >
        <Form.Item name="q" label={t('cases.keyword')}>
          <Input allowClear placeholder={t('disclosures.searchPlaceholder')} data-testid="disclosure-search" />
        </Form.Item>
        <Form.Item name="status" label={t('cases.status')}>
          <Select allowClear options={statusOptions} data-testid="disclosure-filter-status" />
        </Form.Item>
        <Form.Item name="flags" label={t('cases.filterScope')}>
          <Checkbox.Group options={[{ value: 'overdue', label: t('cases.filterOverdue') }]} />
        </Form.Item>
      </SearchForm>
      <ListTable<TDisclosure>
        id="case-disclosures"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="case-disclosures-table"
      />
      {dialog && <ReasonModal dialog={dialog} onClose={() => setDialog(undefined)} onDone={list.replaceItem} />}
    </>
  );
}

/** 公示期 (from – until) and how the publication ended, if it did. */
function Period({ t, d }: { t: Translate; d: TDisclosure }) {
  return (
    <Space orientation="vertical" size={0} style={{ maxWidth: 280 }}>
      {d.publishedOn && d.displayUntil
        ? t('disclosures.periodRange', { from: d.publishedOn, to: d.displayUntil })
        : '—'}
      {d.status === 'published' && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {d.removable && d.earliestRemovalOn
            ? t('disclosures.earliestRemovalOn', { on: d.earliestRemovalOn })
            : t('disclosures.notRemovable')}
        </Typography.Text>
      )}
      {d.withdrawnOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('disclosures.withdrawnOn', { on: d.withdrawnOn, reason: d.reason ?? '' })}
        </Typography.Text>
      )}
      {d.removedOn && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('disclosures.removedOn', { on: d.removedOn, reason: d.reason ?? '' })}
        </Typography.Text>
      )}
    </Space>
  );
}

interface ReasonValues {
  reason: string;
  checks?: string[];
}

/** 撤下 (a reason) and 提前停止公示 (the party's application, with the two conditions the staff verified). */
function ReasonModal({
  dialog,
  onClose,
  onDone,
}: {
  dialog: Dialog;
  onClose: () => void;
  onDone: (d: TDisclosure) => void;
}) {
  const t = useT();
  const [form] = Form.useForm<ReasonValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const { kind, item } = dialog;
  const removing = kind === 'remove';

  const onOk = () =>
    submit(async (v) => {
      const reason = v.reason.trim();
      const updated = removing
        ? await caseDisclosuresApi.remove(item.id, item.version, reason)
        : await caseDisclosuresApi.withdraw(item.id, item.version, reason);
      onDone(updated);
      onClose();
    });

  return (
    <Modal
      open
      title={t(removing ? 'disclosures.removeTitle' : 'disclosures.withdrawTitle', { no: item.decisionNo })}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ danger: !removing, 'data-testid': 'disclosure-dialog-ok' }}
      destroyOnHidden
      data-testid="disclosure-dialog"
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t(removing ? 'disclosures.removeHint' : 'disclosures.withdrawHint')}
      />
      <FormAlert failure={failure} />
      <Form<ReasonValues> form={form} layout="vertical">
        <Form.Item
          name="reason"
          label={t(removing ? 'disclosures.applicationReason' : 'disclosures.reason')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('disclosures.reasonRequired') }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="disclosure-field-reason" />
        </Form.Item>
        {removing && (
          <Form.Item
            name="checks"
            rules={[
              {
                validator: async (_, v: string[] | undefined) => {
                  if ((v ?? []).length < 2) throw new Error(t('disclosures.conditionRequired'));
                },
              },
            ]}
          >
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={[
                { value: 'obligations', label: t('disclosures.obligationsFulfilled') },
                { value: 'harm', label: t('disclosures.harmRemoved') },
              ]}
              data-testid="disclosure-field-checks"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
