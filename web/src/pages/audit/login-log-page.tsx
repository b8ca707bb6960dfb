import { Form, Input, Select, type TableColumnsType, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { z } from 'zod';
import type { ZLoginLogEntry } from '../../../../src/contracts/audit.ts';
import { auditApi } from '../../api/audit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { parseUserAgent } from '../../lib/user-agent.ts';

type LoginLogEntry = z.infer<typeof ZLoginLogEntry>;

const PAGE_SIZE = 50;
const entryKey = (e: LoginLogEntry) => e.id;

/** The results the server records (src/modules/auth/repo.ts); colours say how worrying each one is. */
const results: Record<string, { label: MessageKey; color: string }> = {
  success: { label: 'loginResult.success', color: 'green' },
  bad_password: { label: 'loginResult.bad_password', color: 'orange' },
  unknown_user: { label: 'loginResult.unknown_user', color: 'orange' },
  locked: { label: 'loginResult.locked', color: 'red' },
  inactive: { label: 'loginResult.inactive', color: 'red' },
  timeout: { label: 'loginResult.timeout', color: 'default' },
  logout: { label: 'loginResult.logout', color: 'blue' },
};

/** Browser or OS from the user agent, the full header one hover away. */
function AgentPart({ ua, part }: { ua: string | null; part: 'browser' | 'os' }) {
  const value = parseUserAgent(ua)[part];
  if (!ua) return <>—</>;
  return (
    <Typography.Text ellipsis={{ tooltip: ua }} style={{ maxWidth: 220 }}>
      {value ?? '—'}
    </Typography.Text>
  );
}

interface Filters {
  username?: string;
  result?: string;
}

export function LoginLogPage() {
  const { t, lang } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const query = { ...filters, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => auditApi.logins({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, entryKey, queryKeys.audit.logins(query));

  const columns = useMemo<TableColumnsType<LoginLogEntry>>(
    () => [
      { title: t('audit.time'), dataIndex: 'at', width: 180, render: (at: string) => formatDateTime(at, lang) },
      { title: t('logins.username'), dataIndex: 'username' },
      {
        title: t('logins.result'),
        dataIndex: 'result',
        render: (r: string) => {
          const known = results[r];
          return <Tag color={known?.color}>{known ? t(known.label) : r}</Tag>;
        },
      },
      { title: t('logins.ip'), dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
      {
        title: t('logins.browser'),
        key: 'browser',
        render: (_, e) => <AgentPart ua={e.userAgent} part="browser" />,
      },
      { title: t('logins.os'), key: 'os', render: (_, e) => <AgentPart ua={e.userAgent} part="os" /> },
    ],
    [t, lang],
  );

  return (
    <>
      <PageHeader title={t('nav.logins')} />
      <SearchForm<Filters>
        onSearch={(v) => setFilters({ username: v.username?.trim().toLowerCase() || undefined, result: v.result })}
        data-testid="logins-search-form"
      >
        <Form.Item name="username" label={t('logins.username')}>
          <Input allowClear placeholder={t('logins.usernamePlaceholder')} />
        </Form.Item>
        <Form.Item name="result" label={t('logins.result')}>
          <Select
            allowClear
            placeholder={t('logins.resultPlaceholder')}
            options={Object.entries(results).map(([value, r]) => ({ value, label: t(r.label) }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<LoginLogEntry>
        id="logins"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        size="small"
        data-testid="logins-table"
      />
    </>
  );
}
