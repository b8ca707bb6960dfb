import { PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Form,
  Input,
  Select,
  Space,
  Spin,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  casesApi,
  type LeadListQuery,
  type LeadTransitionInput,
  type TLeadDetail,
  type TLeadSummary,
} from '../../api/cases.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag, useStatusOptions } from '../../components/status-tag.tsx';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import { codeLabel } from '../../i18n/known-key.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import {
  type DueState,
  dueTextType,
  groundLabel,
  leadActionLabel,
  leadDueState,
  sourceLabel,
  sourceOptions,
} from './case-labels.ts';
import { LeadActionModal } from './lead-action-modal.tsx';
import { ProposeCaseModal } from './propose-case-modal.tsx';

const PAGE_SIZE = 20;
const itemKey = (l: TLeadSummary) => l.id;
type Filters = Pick<LeadListQuery, 'status' | 'sourceType' | 'overdue' | 'q'>;

export function DueCell({ t, due, state }: { t: Translate; due: string | null; state: DueState }) {
  return (
    <Space size={4}>
      <Typography.Text type={dueTextType(state)}>{due ?? '—'}</Typography.Text>
      {state === 'overdue' && <Tag color="red">{t('cases.overdue')}</Tag>}
      {state === 'soon' && <Tag color="orange">{t('cases.dueSoon')}</Tag>}
      {state === 'paused' && <Tag>{t('cases.paused')}</Tag>}
    </Space>
  );
}

export function CaseLeadsPage() {
  const t = useT();
  const { can } = useAuth();
  const statusOptions = useStatusOptions('caseLead');
  const [filters, setFilters] = useState<Filters>({ status: 'verifying' });
  // A case's page links its source lead here (?lead=id): the lead opens at once.
  const [params] = useSearchParams();
  const [openId, setOpenId] = useState<number | undefined>(() => Number(params.get('lead')) || undefined);
  const [proposingNew, setProposingNew] = useState(false);
  const navigate = useNavigate();

  const query = { ...filters, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => casesApi.leads({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, itemKey, queryKeys.caseLeads.list(query));

  const columns = useMemo<TableColumnsType<TLeadSummary>>(
    () => [
      {
        title: t('cases.leadCode'),
        dataIndex: 'code',
        render: (code: string, l) => (
          <Typography.Link onClick={() => setOpenId(l.id)} data-testid={`lead-open-${l.id}`}>
            {code}
          </Typography.Link>
        ),
      },
      { title: t('cases.leadTitle'), dataIndex: 'summary', ellipsis: true, width: 260 },
      { title: t('cases.party'), dataIndex: 'entityName', render: (n: string | null) => n ?? '—' },
      { title: t('cases.source'), dataIndex: 'sourceType', render: (s: string) => sourceLabel(t, s) },
      {
        title: t('cases.status'),
        dataIndex: 'status',
        render: (s: string) => <StatusTag workflow="caseLead" status={s} />,
      },
      { title: t('cases.receivedOn'), dataIndex: 'receivedOn' },
      {
        title: t('cases.verifyDueOn'),
        key: 'due',
        render: (_, l) => (
          <Space size={4}>
            <DueCell t={t} due={l.clock?.dueOn ?? null} state={leadDueState(l.clock, l.status)} />
            {l.extended && <Tag color="blue">{t('cases.extended')}</Tag>}
          </Space>
        ),
      },
      { title: t('cases.station'), dataIndex: 'stationName', render: (n: string | null) => n ?? '—' },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('nav.caseLeads')} />
      <SearchForm<Filters & { flags?: string[] }>
        initialValues={{ status: 'verifying' }}
        onSearch={({ flags = [], q, ...rest }) =>
          setFilters({ ...rest, q: q?.trim() || undefined, overdue: flags.includes('overdue') || undefined })
        }
        data-testid="lead-search-form"
      >
        <Form.Item name="q" label={t('cases.keyword')}>
          <Input allowClear placeholder={t('cases.leadSearchPlaceholder')} data-testid="lead-search" />
        </Form.Item>
        <Form.Item name="status" label={t('cases.status')}>
          <Select allowClear options={statusOptions} data-testid="lead-filter-status" />
        </Form.Item>
        <Form.Item name="sourceType" label={t('cases.source')}>
          <Select allowClear options={sourceOptions(t)} data-testid="lead-filter-source" />
        </Form.Item>
        <Form.Item name="flags" label={t('cases.filterScope')}>
          <Checkbox.Group options={[{ value: 'overdue', label: t('cases.filterOverdue') }]} />
        </Form.Item>
      </SearchForm>
      <ListTable<TLeadSummary>
        id="case-leads"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        actions={
          can('case:write') && (
            <Button icon={<PlusOutlined />} onClick={() => setProposingNew(true)} data-testid="case-propose-new">
              {t('cases.proposeNew')}
            </Button>
          )
        }
        data-testid="case-leads-table"
      />
      {openId !== undefined && (
        <LeadDrawer
          id={openId}
          onClose={() => setOpenId(undefined)}
          onFiled={(caseId) => navigate(`/cases/${caseId}`)}
        />
      )}
      {proposingNew && (
        <ProposeCaseModal onClose={() => setProposingNew(false)} onDone={(c) => navigate(`/cases/${c.id}`)} />
      )}
    </>
  );
}

function LeadDrawer({ id, onClose, onFiled }: { id: number; onClose: () => void; onFiled: (caseId: number) => void }) {
  const t = useT();
  const { can } = useAuth();
  const detail = useAsync((signal) => casesApi.lead(id, { signal }), queryKeys.caseLeads.detail(id));
  const [action, setAction] = useState<LeadTransitionInput['action']>();
  const [proposing, setProposing] = useState(false);
  const lead = detail.data;

  return (
    <Drawer open onClose={onClose} size={560} title={lead?.code ?? t('common.loading')} data-testid="lead-drawer">
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {!lead ? (
        <Spin />
      ) : (
        <>
          {lead.pendingAction && (
            <Alert
              type="info"
              showIcon
              style={{ marginBottom: 16 }}
              title={t('cases.pendingActionAlert', { action: leadActionLabel(t, lead.pendingAction) })}
            />
          )}
          {can('case:write') && lead.actions.length > 0 && !lead.pendingAction && (
            <Space wrap style={{ marginBottom: 16 }} data-testid="lead-actions">
              {lead.actions.includes('propose') && (
                <Button type="primary" onClick={() => setProposing(true)} data-testid="lead-action-file">
                  {t('cases.leadAction.file')}
                </Button>
              )}
              {lead.actions
                .filter((a) => a !== 'propose')
                .map((a) => (
                  <Button
                    key={a}
                    onClick={() => setAction(a as LeadTransitionInput['action'])}
                    data-testid={`lead-action-${a}`}
                  >
                    {leadActionLabel(t, a)}
                  </Button>
                ))}
            </Space>
          )}
          <LeadFacts t={t} lead={lead} />
          {lead.pauses.length > 0 && (
            <>
              <Typography.Title level={5}>{t('cases.pauses')}</Typography.Title>
              <Timeline
                items={lead.pauses.map((p, i) => ({
                  key: i,
                  content: t('cases.pauseRow', {
                    reason: codeLabel(t, 'cases.pauseReason', p.reason),
                    from: p.startedOn,
                    to: p.endedOn ?? t('cases.pauseOpen'),
                  }),
                }))}
              />
            </>
          )}
        </>
      )}
      {lead && action && (
        <LeadActionModal
          lead={lead}
          action={action}
          onClose={() => setAction(undefined)}
          onDone={(updated) => {
            detail.setData(() => updated);
            setAction(undefined);
          }}
        />
      )}
      {lead && proposing && (
        <ProposeCaseModal lead={lead} onClose={() => setProposing(false)} onDone={(c) => onFiled(c.id)} />
      )}
    </Drawer>
  );
}

function LeadFacts({ t, lead }: { t: Translate; lead: TLeadDetail }) {
  return (
    <Descriptions column={1} size="small" bordered data-testid="lead-facts">
      <Descriptions.Item label={t('cases.status')}>
        <StatusTag workflow="caseLead" status={lead.status} data-testid="lead-status" />
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.source')}>
        {sourceLabel(t, lead.sourceType)}{' '}
        {lead.source.complaintId ? (
          <Link to={`/complaints/${lead.source.complaintId}`}>{lead.source.trackingCode ?? lead.sourceRef}</Link>
        ) : lead.source.visitId ? (
          <Link to={`/spot-checks/visits/${lead.source.visitId}`}>{lead.sourceRef}</Link>
        ) : (
          <Typography.Text type="secondary">{lead.sourceRef}</Typography.Text>
        )}
      </Descriptions.Item>
      <Descriptions.Item label={t('cases.party')}>{lead.entityName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('cases.station')}>{lead.stationName}</Descriptions.Item>
      <Descriptions.Item label={t('cases.receivedOn')}>{lead.receivedOn}</Descriptions.Item>
      <Descriptions.Item label={t('cases.verifyDueOn')}>
        <DueCell t={t} due={lead.clock?.dueOn ?? null} state={leadDueState(lead.clock, lead.status)} />
        {lead.clock && lead.status === 'verifying' && (
          <Typography.Text type="secondary">
            {' '}
            {t('cases.workingDaysLeft', { days: lead.clock.workingDaysLeft })}
          </Typography.Text>
        )}
      </Descriptions.Item>
      {lead.extended && (
        <Descriptions.Item label={t('cases.extensionReason')}>{lead.extensionReason ?? '—'}</Descriptions.Item>
      )}
      <Descriptions.Item label={t('cases.description')}>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{lead.summary}</Typography.Paragraph>
      </Descriptions.Item>
      {lead.outcomeGround && (
        <Descriptions.Item label={t('cases.notFileGround')}>{groundLabel(t, lead.outcomeGround)}</Descriptions.Item>
      )}
      {lead.transferredTo && (
        <Descriptions.Item label={t('cases.transferredTo')}>{lead.transferredTo}</Descriptions.Item>
      )}
      {lead.outcomeNote && <Descriptions.Item label={t('cases.note')}>{lead.outcomeNote}</Descriptions.Item>}
      {lead.caseId && (
        <Descriptions.Item label={t('cases.case')}>
          <Link to={`/cases/${lead.caseId}`}>{t('cases.openCase')}</Link>
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
