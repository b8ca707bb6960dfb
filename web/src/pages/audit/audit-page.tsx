import { type TableColumnsType, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import type { TAuditEntry } from '../../../../src/contracts/audit.ts';
import { type AuditQuery, auditApi } from '../../api/audit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { useOrgRefs } from '../org/use-org-refs.ts';
import { actionLabel } from './action-labels.ts';
import { AuditFilters } from './audit-filters.tsx';
import { AuditTarget } from './audit-target.tsx';
import { VerifyButton } from './verify-button.tsx';

const PAGE_SIZE = 50;
const entryKey = (e: TAuditEntry) => e.id;

export function AuditPage() {
  const { t, lang } = useI18n();
  const { tree, unitName } = useOrgRefs({ roles: false });
  const [filters, setFilters] = useState<Omit<AuditQuery, 'cursor' | 'limit'>>({});
  const query = { ...filters, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => auditApi.list({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, entryKey, queryKeys.audit.list(query));

  const columns = useMemo<TableColumnsType<TAuditEntry>>(
    () => [
      { title: t('audit.time'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at, lang) },
      { title: t('audit.actor'), dataIndex: 'actorName', render: (name: string | null) => name ?? t('audit.system') },
      {
        title: t('audit.unit'),
        dataIndex: 'unitId',
        render: (id: number | null) => (id === null ? '—' : (unitName.get(id) ?? `#${id}`)),
      },
      {
        title: t('audit.action'),
        dataIndex: 'action',
        // The code stays one hover away: it is what the API filter and exported logs use.
        render: (action: string) => (
          <Tooltip title={action}>
            <span>{actionLabel(t, action) ?? action}</span>
          </Tooltip>
        ),
      },
      {
        title: t('audit.target'),
        key: 'target',
        render: (_, e) => <AuditTarget entry={e} />,
      },
      { title: t('audit.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
      {
        title: t('audit.hash'),
        dataIndex: 'hash',
        render: (hash: string) => (
          <Tooltip title={hash}>
            <code>{hash.slice(0, 12)}…</code>
          </Tooltip>
        ),
      },
    ],
    [t, lang, unitName],
  );

  return (
    <>
      <PageHeader title={t('nav.audit')} extra={<VerifyButton />} />
      <AuditFilters unitTree={tree} onChange={setFilters} />
      <ListTable<TAuditEntry>
        id="audit"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        size="small"
        expandable={{
          rowExpandable: (e) => e.detail !== null && typeof e.detail === 'object' && Object.keys(e.detail).length > 0,
          expandedRowRender: (e) => (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', fontSize: 12 }}>{JSON.stringify(e.detail, null, 2)}</pre>
          ),
        }}
        data-testid="audit-table"
      />
    </>
  );
}
