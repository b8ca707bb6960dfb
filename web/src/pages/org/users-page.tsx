import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, type InputProps, Space, type TableColumnsType, Tag, TreeSelect } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { TUser } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime, maskPhone } from '../../lib/format.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { ResetPasswordModal } from './reset-password-modal.tsx';
import { toUnitOptions } from './unit-tree.ts';
import { canManageUser, useOrgRefs } from './use-org-refs.ts';
import { UserActions } from './user-actions.tsx';
import { UserFormModal } from './user-form-modal.tsx';

const PAGE_SIZE = 20;
const userKey = (u: TUser) => u.id;

interface Filters {
  q?: string;
  unitId?: number;
  includeSubUnits?: boolean;
}

/** The keyword box; the test id sits on a wrapper so tests reach the input inside. */
function KeywordInput(props: InputProps) {
  return (
    <span data-testid="user-search">
      <Input allowClear {...props} />
    </span>
  );
}

type Dialog = { kind: 'create' } | { kind: 'edit'; user: TUser } | { kind: 'password'; user: TUser };

/** ?q= (the header search's user hit) fills the keyword; another ?q= starts the list afresh. */
export function UsersPage() {
  const [params] = useSearchParams();
  const linked = params.get('q')?.trim() || undefined;
  return <UsersList key={linked ?? ''} linked={linked} />;
}

function UsersList({ linked }: { linked?: string }) {
  const { t, lang } = useI18n();
  const { can, me } = useAuth();
  const canWrite = can('org:user:write');
  const refs = useOrgRefs();
  const [filters, setFilters] = useState<Filters>({ includeSubUnits: true, q: linked });
  const [dialog, setDialog] = useState<Dialog>();
  const [createdIds, setCreatedIds] = useState<number[]>([]);

  const query = {
    unitId: filters.unitId,
    includeSubUnits: filters.includeSubUnits === false ? 'false' : 'true',
    q: filters.q,
    limit: PAGE_SIZE,
  } as const;
  const fetchPage = (cursor?: string, signal?: AbortSignal) => orgApi.listUsers({ ...query, cursor }, { signal });
  const list = useKeysetList(fetchPage, userKey, queryKeys.org.users(query));
  const unitOptions = useMemo(
    () => toUnitOptions(refs.tree, (name) => t('units.inactiveName', { name })),
    [refs.tree, t],
  );

  const columns: TableColumnsType<TUser> = [
    {
      title: t('users.username'),
      dataIndex: 'username',
      render: (username: string, u) => (
        <Space size={4}>
          {username}
          {createdIds.includes(u.id) && <Tag color="blue">{t('users.new')}</Tag>}
        </Space>
      ),
    },
    { title: t('users.displayName'), dataIndex: 'displayName' },
    { title: t('users.unit'), dataIndex: 'unitName' },
    {
      title: t('users.roles'),
      dataIndex: 'roleIds',
      render: (ids: number[]) => ids.map((id) => <Tag key={id}>{refs.roleById.get(id)?.name ?? `#${id}`}</Tag>),
    },
    { title: t('users.phone'), dataIndex: 'phone', render: (phone: string | null) => maskPhone(phone) },
    {
      title: t('users.status'),
      key: 'status',
      render: (_, u) => (
        <Space size={4}>
          {u.active ? <Tag color="green">{t('users.active')}</Tag> : <Tag>{t('users.inactive')}</Tag>}
          {u.locked && <Tag color="red">{t('users.locked')}</Tag>}
        </Space>
      ),
    },
    { title: t('common.createdAt'), dataIndex: 'createdAt', render: (at: string) => formatDateTime(at, lang) },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, u) => (
        <UserActions
          user={u}
          manageable={!me || canManageUser(me, u, refs.roleById)}
          onEdit={() => setDialog({ kind: 'edit', user: u })}
          onResetPassword={() => setDialog({ kind: 'password', user: u })}
          onChanged={list.upsertItem}
        />
      ),
    });
  }

  const onSaved = (user: TUser) => {
    if (dialog?.kind === 'create') setCreatedIds((ids) => [...ids, user.id]);
    list.upsertItem(user);
    setDialog(undefined);
  };

  return (
    <>
      <PageHeader title={t('nav.users')} />
      <SearchForm<Filters>
        initialValues={{ includeSubUnits: true, q: linked }}
        onSearch={(v) => setFilters({ ...v, q: v.q?.trim() || undefined })}
        data-testid="user-search-form"
      >
        <Form.Item name="q" label={t('common.search')}>
          <KeywordInput placeholder={t('users.searchPlaceholder')} />
        </Form.Item>
        {unitOptions.length > 0 && (
          <Form.Item name="unitId" label={t('users.unit')}>
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              treeData={unitOptions}
              showSearch={{ treeNodeFilterProp: 'title' }}
              placeholder={t('users.filterUnit')}
              data-testid="user-filter-unit"
            />
          </Form.Item>
        )}
        {unitOptions.length > 0 && (
          <Form.Item name="includeSubUnits" valuePropName="checked" label={t('users.includeSubUnits')}>
            <Checkbox data-testid="user-filter-sub-units" />
          </Form.Item>
        )}
      </SearchForm>
      {refs.roles.error && <LoadError error={refs.roles.error} onRetry={refs.roles.reload} />}
      <ListTable<TUser>
        id="users"
        rowKey="id"
        columns={columns}
        // Users page with a cursor and no count: "load more".
        source={{ kind: 'keyset', list }}
        actions={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'create' })}
              data-testid="user-create"
            >
              {t('users.create')}
            </Button>
          )
        }
        data-testid="users-table"
      />
      {(dialog?.kind === 'create' || dialog?.kind === 'edit') && (
        <UserFormModal
          user={dialog.kind === 'edit' ? dialog.user : undefined}
          unitTree={refs.scopedTree}
          roles={refs.roles.data ?? []}
          onClose={() => setDialog(undefined)}
          onSaved={onSaved}
        />
      )}
      {dialog?.kind === 'password' && (
        <ResetPasswordModal
          user={dialog.user}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            // The reset bumps the row version; fetch it so a later edit is not refused as stale.
            orgApi.getUser(dialog.user.id).then(list.upsertItem, list.reload);
            setDialog(undefined);
          }}
        />
      )}
    </>
  );
}
