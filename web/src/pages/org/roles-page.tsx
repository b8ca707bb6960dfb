import { PlusOutlined } from '@ant-design/icons';
import { Button, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import type { TRole } from '../../../../src/contracts/org.ts';
import type { DataScope, Permission } from '../../../../src/contracts/permissions.ts';
import { orgApi } from '../../api/org.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { permissionLabel } from './permission-label.ts';
import { RoleFormModal } from './role-form-modal.tsx';

/** The server refuses edits to this role so that someone can always administer the system. */
const LOCKED_ROLE = 'admin';

export function RolesPage() {
  const t = useT();
  const { can } = useAuth();
  const canWrite = can('org:role:write');
  const { data, error, loading, reload } = useAsync((signal) => orgApi.listRoles({ signal }), queryKeys.org.roles());
  const [dialog, setDialog] = useState<{ role?: TRole }>();

  const columns: TableColumnsType<TRole> = [
    { title: t('roles.code'), dataIndex: 'code' },
    {
      title: t('roles.name'),
      dataIndex: 'name',
      render: (name: string, role) => (
        <>
          {name} {role.builtin && <Tag>{t('roles.builtin')}</Tag>}
        </>
      ),
    },
    { title: t('roles.dataScope'), dataIndex: 'dataScope', render: (s: DataScope) => t(`scope.${s}`) },
    {
      title: t('roles.permissions'),
      dataIndex: 'permissions',
      render: (list: Permission[]) => (
        <Tooltip title={list.map((p) => permissionLabel(t, p)).join(t('org.listSep'))}>
          <span>{t('roles.permissionCount', { count: list.length })}</span>
        </Tooltip>
      ),
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, role) =>
        role.code === LOCKED_ROLE ? (
          <Tooltip title={t('roles.adminLocked')}>
            <Button type="link" size="small" disabled>
              {t('common.edit')}
            </Button>
          </Tooltip>
        ) : (
          <Button type="link" size="small" onClick={() => setDialog({ role })}>
            {t('common.edit')}
          </Button>
        ),
    });
  }

  return (
    <>
      <PageHeader title={t('nav.roles')} />
      <ListTable<TRole>
        id="roles"
        rowKey="id"
        columns={columns}
        // All roles come in one answer: the count is free, so the table shows a total.
        source={{ kind: 'all', items: data ?? [], loading, error, reload }}
        actions={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setDialog({})}>
              {t('roles.create')}
            </Button>
          )
        }
        data-testid="roles-table"
      />
      {dialog && (
        <RoleFormModal
          role={dialog.role}
          onClose={() => setDialog(undefined)}
          onSaved={() => {
            setDialog(undefined);
            reload();
          }}
        />
      )}
    </>
  );
}
