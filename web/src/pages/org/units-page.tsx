import { ReloadOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Table, type TableColumnsType, Tag, Tooltip } from 'antd';
import { useMemo, useState } from 'react';
import type { orgUnitKinds } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ColumnSettingsButton } from '../../components/list-page/column-settings.tsx';
import { useColumnSettings } from '../../components/list-page/use-column-settings.ts';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { type UnitDialog, UnitFormModal } from './unit-form-modal.tsx';
import { buildUnitTree, parentIdsOf, type UnitNode } from './unit-tree.ts';

const kindColors: Record<keyof typeof orgUnitKinds, string> = {
  bureau: 'blue',
  department: 'purple',
  station: 'green',
  centre: 'orange',
};

export function UnitsPage() {
  const t = useT();
  const { can } = useAuth();
  const canWrite = can('org:unit:write');
  const { data, error, loading, reload } = useAsync((signal) => orgApi.listUnits({ signal }), queryKeys.org.units());
  const tree = useMemo(() => buildUnitTree(data ?? []), [data]);
  const [collapsed, setCollapsed] = useState<number[]>([]);
  const expanded = useMemo(() => parentIdsOf(tree).filter((id) => !collapsed.includes(id)), [tree, collapsed]);
  const [dialog, setDialog] = useState<UnitDialog>();

  const columns: TableColumnsType<UnitNode> = [
    { title: t('units.name'), dataIndex: 'name' },
    { title: t('units.code'), dataIndex: 'code' },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      render: (kind: UnitNode['kind']) => <Tag color={kindColors[kind]}>{t(`unitKind.${kind}`)}</Tag>,
    },
    {
      title: t('units.regionCodes'),
      dataIndex: 'regionCodes',
      render: (codes: string[]) => (codes.length ? codes.map((c) => <Tag key={c}>{c}</Tag>) : '—'),
    },
    { title: t('units.sortOrder'), dataIndex: 'sortOrder' },
    {
      title: t('units.active'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <Tag color="green">{t('units.enabled')}</Tag> : <Tag>{t('units.disabled')}</Tag>,
    },
  ];
  if (canWrite) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, unit) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setDialog({ mode: 'create', parent: unit })}>
            {t('units.addChild')}
          </Button>
          <Button type="link" size="small" onClick={() => setDialog({ mode: 'edit', unit })}>
            {t('common.edit')}
          </Button>
        </Space>
      ),
    });
  }

  const settings = useColumnSettings('units', columns);

  return (
    <>
      <PageHeader title={t('nav.units')} />
      {/* The organisation is a tree, not a list: the toolbar of the list pages, no pager (every unit is shown). */}
      <Flex justify="flex-end" gap={8} style={{ marginBottom: 12 }}>
        <Tooltip title={t('common.refresh')}>
          <Button
            icon={<ReloadOutlined />}
            onClick={reload}
            loading={loading}
            aria-label={t('common.refresh')}
            data-testid="units-refresh"
          />
        </Tooltip>
        <ColumnSettingsButton
          columns={columns}
          hidden={settings.hidden}
          onChange={settings.setHidden}
          data-testid="units-columns"
        />
      </Flex>
      {error && <LoadError error={error} onRetry={reload} />}
      <Table<UnitNode>
        rowKey="id"
        columns={settings.visibleColumns}
        dataSource={tree}
        loading={loading}
        pagination={false}
        size="middle"
        scroll={{ x: 'max-content' }}
        expandable={{
          expandedRowKeys: expanded,
          onExpand: (open, unit) =>
            setCollapsed((ids) => (open ? ids.filter((id) => id !== unit.id) : [...ids, unit.id])),
        }}
        data-testid="units-table"
      />
      {dialog && (
        <UnitFormModal
          dialog={dialog}
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
