import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Input, Space, Table, type TableColumnsType, Tag, TreeSelect } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import type { TUser } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { LoadMore } from '../../components/load-more.tsx';
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

type Dialog = { kind: 'create' } | { kind: 'edit'; user: TUser } | { kind: 'password'; user: TUser };

export function UsersPage() {
  const { t, lang } = useI18n();
  const { can, me } = useAuth();
  const canWrite = can('org:user:write');
  const refs = useOrgRefs();
  const [unitId, setUnitId] = useState<number>();
  const [q, setQ] = useState('');
  const [withSubUnits, setWithSubUnits] = useState(true);
  const [dialog, setDialog] = useState<Dialog>();
  const [createdIds, setCreatedIds] = useState<number[]>([]);

  const fetchPage = useCallback(
    (cursor?: string) =>
      orgApi.listUsers({
        unitId,
        includeSubUnits: withSubUnits ? 'true' : 'false',
        q: q || undefined,
        cursor,
        limit: PAGE_SIZE,
      }),
    [unitId, withSubUnits, q],
  );
  const list = useKeysetList(fetchPage, userKey);
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
      <PageHeader
        title={t('nav.users')}
        extra={
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
      />
      <Space wrap style={{ marginBottom: 16 }}>
        {unitOptions.length > 0 && (
          <TreeSelect
            allowClear
            treeDefaultExpandAll
            treeData={unitOptions}
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('users.filterUnit')}
            style={{ width: 240 }}
            value={unitId}
            onChange={(value?: number) => setUnitId(value)}
            data-testid="user-filter-unit"
          />
        )}
        {unitOptions.length > 0 && (
          <Checkbox
            checked={withSubUnits}
            onChange={(e) => setWithSubUnits(e.target.checked)}
            data-testid="user-filter-sub-units"
          >
            {t('users.includeSubUnits')}
          </Checkbox>
        )}
        <Input.Search
          allowClear
          placeholder={t('users.searchPlaceholder')}
          style={{ width: 260 }}
          onSearch={(value) => setQ(value.trim())}
          data-testid="user-search"
        />
      </Space>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      {refs.roles.error && <LoadError error={refs.roles.error} onRetry={refs.roles.reload} />}
      <Table<TUser>
        rowKey="id"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        data-testid="users-table"
      />
      <LoadMore hasMore={list.hasMore} loading={list.loading} count={list.items.length} onLoadMore={list.loadMore} />
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
