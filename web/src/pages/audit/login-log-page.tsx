import { Input, Select, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import type { ZLoginLogEntry } from '../../../../src/contracts/audit.ts';
import { auditApi } from '../../api/audit.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

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

export function LoginLogPage() {
  const { t, lang } = useI18n();
  const [username, setUsername] = useState('');
  const [result, setResult] = useState<string>();
  const query = { username: username || undefined, result, limit: PAGE_SIZE };
  const fetchPage = (cursor?: string, signal?: AbortSignal) => auditApi.logins({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, entryKey, queryKeys.audit.logins(query));

  const columns: TableColumnsType<LoginLogEntry> = [
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
    { title: 'IP', dataIndex: 'ip', render: (ip: string | null) => ip ?? '—' },
    {
      title: t('logins.userAgent'),
      dataIndex: 'userAgent',
      render: (ua: string | null) =>
        ua ? (
          <Typography.Text ellipsis={{ tooltip: ua }} style={{ maxWidth: 360 }}>
            {ua}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.logins')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('logins.usernamePlaceholder')}
          style={{ width: 240 }}
          onSearch={(value) => setUsername(value.trim().toLowerCase())}
        />
        <Select
          allowClear
          placeholder={t('logins.resultPlaceholder')}
          style={{ width: 180 }}
          value={result}
          onChange={setResult}
          options={Object.entries(results).map(([value, r]) => ({ value, label: t(r.label) }))}
        />
      </Space>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <Table<LoginLogEntry>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
        data-testid="logins-table"
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} count={list.items.length} onLoadMore={list.loadMore} />
    </>
  );
}
