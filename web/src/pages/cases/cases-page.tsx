import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Form, Input, Space, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { type CaseListQuery, caseExportUrl, casesApi, type TCaseSummary } from '../../api/cases.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { StatusTag } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { type CaseStage, caseDueState, stageCodes, stageQuery, summaryFilingDueState } from './case-labels.ts';
import { DueCell } from './leads-page.tsx';
import { ProposeCaseModal } from './propose-case-modal.tsx';

const PAGE_SIZE = 20;
const itemKey = (c: TCaseSummary) => c.id;
type Filters = Pick<CaseListQuery, 'mine' | 'overdue' | 'filingOverdue' | 'q'>;

/** 案件办理: the cases by stage, deadlines coloured (red overdue, orange within 10 days, paused tagged). */
export function CasesPage() {
  const t = useT();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [stage, setStage] = useState<CaseStage | 'all'>('investigating');
  const [filters, setFilters] = useState<Filters>({});
  const [proposing, setProposing] = useState(false);

  const query = { ...filters, stage: stage === 'all' ? undefined : stageQuery(stage), limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => casesApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, itemKey, queryKeys.cases.list(query));
  const filings = useAsync((signal) => casesApi.summaryFilingCounts({ signal }), queryKeys.cases.summaryFilings());

  const columns = useMemo<TableColumnsType<TCaseSummary>>(
    () => [
      {
        title: t('cases.caseNo'),
        dataIndex: 'caseNo',
        render: (no: string | null, c) => (
          <Link to={`/cases/${c.id}`} data-testid={`case-open-${c.id}`}>
            {no ?? t('cases.noCaseNo', { id: c.id })}
          </Link>
        ),
      },
      {
        title: t('cases.status'),
        dataIndex: 'status',
        render: (s: string, c) => (
          <Space size={4} wrap>
            <StatusTag workflow="case" status={s} />
            {c.pendingAction && <Tag color="blue">{t('cases.pendingApproval')}</Tag>}
          </Space>
        ),
      },
      { title: t('cases.party'), dataIndex: 'partyName' },
      {
        title: t('cases.title'),
        dataIndex: 'title',
        // With the table sized to its content a column's own ellipsis never applies: the cell caps the text.
        render: (title: string) => (
          <Typography.Text ellipsis={{ tooltip: title }} style={{ maxWidth: 240 }}>
            {title}
          </Typography.Text>
        ),
      },
      {
        title: t('cases.officers'),
        key: 'officers',
        render: (_, c) => c.officers.map((o) => o.name).join(t('cases.listSeparator')) || '—',
      },
      { title: t('cases.filedOn'), dataIndex: 'filedOn', render: (d: string | null) => d ?? '—' },
      {
        title: t('cases.decisionDueOn'),
        key: 'due',
        // A summary decision has no decision clock: its 备案 due day shows until it is recorded.
        render: (_, c) =>
          c.summaryFiling && !c.summaryFiling.filedOn ? (
            <DueCell t={t} due={c.summaryFiling.dueOn} state={summaryFilingDueState(c.summaryFiling)} />
          ) : (
            <DueCell t={t} due={c.clock?.dueOn ?? null} state={caseDueState(c.clock, c.decidedOn)} />
          ),
      },
      {
        title: t('cases.flags'),
        key: 'flags',
        render: (_, c) => (
          <Space size={4}>
            {c.isMajor && <Tag color="red">{t('cases.major')}</Tag>}
            {c.procedure === 'summary' && <Tag>{t('cases.procedure.summary')}</Tag>}
            {c.summaryFiling?.overdue && <Tag color="red">{t('cases.filterFilingOverdue')}</Tag>}
          </Space>
        ),
      },
      { title: t('cases.station'), dataIndex: 'stationName', render: (n: string | null) => n ?? '—' },
    ],
    [t],
  );

  return (
    <>
      <PageHeader title={t('nav.cases')} />
      <Tabs
        activeKey={stage}
        onChange={(k) => setStage(k as CaseStage | 'all')}
        items={[
          ...stageCodes.map((s) => ({ key: s, label: t(`cases.stage.${s}`) })),
          { key: 'all', label: t('cases.stage.all') },
        ]}
        data-testid="case-stage-tabs"
      />
      <SearchForm<{ q?: string; flags?: string[] }>
        onSearch={({ flags = [], q }) =>
          setFilters({
            q: q?.trim() || undefined,
            mine: flags.includes('mine') || undefined,
            overdue: flags.includes('overdue') || undefined,
            filingOverdue: flags.includes('filingOverdue') || undefined,
          })
        }
        data-testid="case-search-form"
      >
        <Form.Item name="q" label={t('cases.keyword')}>
          <Input allowClear placeholder={t('cases.caseSearch')} data-testid="case-search" />
        </Form.Item>
        <Form.Item name="flags" label={t('cases.filterScope')}>
          <Checkbox.Group
            options={[
              { value: 'mine', label: t('cases.filterMine') },
              { value: 'overdue', label: t('cases.filterOverdue') },
              { value: 'filingOverdue', label: t('cases.filterFilingOverdue') },
            ]}
          />
        </Form.Item>
      </SearchForm>
      {filings.data && filings.data.unfiled > 0 && (
        <Alert
          type={filings.data.overdue > 0 ? 'warning' : 'info'}
          showIcon
          style={{ marginBottom: 12 }}
          title={t('cases.summaryFilingCounts', filings.data)}
          data-testid="case-summary-filing-counts"
        />
      )}
      <ListTable<TCaseSummary>
        id="cases"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        exportButton={
          <Button icon={<DownloadOutlined />} href={caseExportUrl(query)} data-testid="case-export-xlsx">
            {t('common.exportXlsx')}
          </Button>
        }
        actions={
          can('case:write') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setProposing(true)}>
              {t('cases.proposeNew')}
            </Button>
          )
        }
        data-testid="cases-table"
      />
      {proposing && <ProposeCaseModal onClose={() => setProposing(false)} onDone={(c) => navigate(`/cases/${c.id}`)} />}
    </>
  );
}
