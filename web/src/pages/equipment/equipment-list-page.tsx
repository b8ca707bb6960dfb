import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Grid, Input, List, Select, Space, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TEquipment } from '../../../../src/contracts/equipment.ts';
import { equipmentStatuses } from '../../../../src/domain/equipment-workflow.ts';
import { equipmentApi, type TEquipmentListQuery } from '../../api/equipment.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { LoadMore } from '../../components/load-more.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { EquipmentFormModal } from './equipment-form-modal.tsx';
import { EquipmentImportButton } from './equipment-import-button.tsx';
import { Flags, InspectionCell, statusLabel } from './equipment-labels.tsx';

type Filters = {
  q?: string;
  category?: string;
  status?: TEquipmentListQuery['status'];
  inspectionState?: TEquipmentListQuery['inspectionState'];
  maintenanceOverdue?: boolean;
};

/** 特种设备台账 and, with `due`, the 检验到期 list (应报检 + 超期未检, soonest first); cards on a phone. */
function EquipmentList({ due }: { due: boolean }) {
  const t = useT();
  const canWrite = useAuth().can('equipment:write');
  const navigate = useNavigate();
  const phone = !Grid.useBreakpoint().md;
  const [filters, setFilters] = useState<Filters>(due ? { inspectionState: 'dueOrOverdue' } : {});
  const [adding, setAdding] = useState(false);
  const categories = useAsync((signal) => equipmentApi.categories({ signal }), ['equipment', 'categories']);
  const query: Omit<TEquipmentListQuery, 'cursor'> = {
    q: filters.q || undefined,
    category: filters.category,
    status: filters.status,
    inspectionState: filters.inspectionState,
    maintenanceOverdue: filters.maintenanceOverdue ? 'true' : undefined,
  };
  const list = useKeysetList(
    (cursor, signal) => equipmentApi.list({ ...query, cursor }, { signal }),
    (e) => e.id,
    ['equipment', 'list', query],
  );
  const columns = useMemo<TableColumnsType<TEquipment>>(
    () => [
      {
        title: t('equipment.code'),
        dataIndex: 'equipmentCode',
        render: (c: string, r) => <Link to={`/equipment/registry/${r.id}`}>{c}</Link>,
      },
      { title: t('equipment.category'), dataIndex: 'categoryName' },
      { title: t('equipment.registrationNo'), dataIndex: 'registrationNo', render: (n: string | null) => n ?? '—' },
      { title: t('equipment.entity'), dataIndex: 'entityName' },
      { title: t('equipment.address'), dataIndex: 'address' },
      {
        title: t('equipment.status'),
        dataIndex: 'status',
        render: (s: string, r) => (
          <>
            {statusLabel(t, s)} <Flags t={t} e={r} />
          </>
        ),
      },
      {
        title: t('equipment.nextDue'),
        dataIndex: 'nextInspectionDue',
        render: (_, r) => <InspectionCell t={t} e={r} />,
      },
      { title: t('equipment.lastMaintained'), dataIndex: 'lastMaintainedOn', render: (d: string | null) => d ?? '—' },
      { title: t('equipment.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t(due ? 'equipment.due.title' : 'equipment.list.title')}
        extra={
          <Space wrap>
            {canWrite && !due && (
              <Button type="primary" onClick={() => setAdding(true)} data-testid="equipment-add">
                {t('equipment.form.add')}
              </Button>
            )}
            {canWrite && <EquipmentImportButton what="inspections" onDone={() => list.reload()} />}
            {canWrite && <EquipmentImportButton what="maintenance" onDone={() => list.reload()} />}
            <Button icon={<DownloadOutlined />} href={equipmentApi.exportUrl(query)} data-testid="equipment-export">
              {t('equipment.export')}
            </Button>
          </Space>
        }
      />
      {adding && (
        <EquipmentFormModal onClose={() => setAdding(false)} onDone={(e) => navigate(`/equipment/registry/${e.id}`)} />
      )}
      <SearchForm<Filters>
        initialValues={due ? { inspectionState: 'dueOrOverdue' } : undefined}
        onSearch={(f) => setFilters(due ? { inspectionState: 'dueOrOverdue', ...f } : f)}
        onReset={() => setFilters(due ? { inspectionState: 'dueOrOverdue' } : {})}
        data-testid="equipment-search"
      >
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('equipment.list.search')} />
        </Form.Item>
        <Form.Item name="inspectionState" label={t('equipment.inspectionState')}>
          <Select
            allowClear
            data-testid="equipment-filter-state"
            options={(['due', 'overdue', 'dueOrOverdue'] as const).map((s) => ({
              value: s,
              label: t(`equipment.stateFilter.${s}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('equipment.category')}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(categories.data ?? []).map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('equipment.status')}>
          <Select allowClear options={equipmentStatuses.map((s) => ({ value: s, label: statusLabel(t, s) }))} />
        </Form.Item>
        <Form.Item name="maintenanceOverdue" valuePropName="checked">
          <Checkbox data-testid="equipment-filter-maintenance">{t('equipment.flag.maintenance')}</Checkbox>
        </Form.Item>
      </SearchForm>
      {phone ? (
        <>
          <List
            dataSource={list.items}
            loading={list.loading}
            data-testid="equipment-cards"
            renderItem={(e) => (
              <Card size="small" style={{ marginBottom: 8 }} data-testid="equipment-card">
                <Link to={`/equipment/registry/${e.id}`}>{e.equipmentCode}</Link> · {e.categoryName}
                <div>{e.entityName}</div>
                <div>{e.address}</div>
                <div>
                  {statusLabel(t, e.status)} <Flags t={t} e={e} /> <InspectionCell t={t} e={e} />
                </div>
              </Card>
            )}
          />
          <LoadMore
            hasMore={list.hasMore}
            loading={list.loading}
            onLoadMore={list.loadMore}
            count={list.items.length}
          />
        </>
      ) : (
        <ListTable<TEquipment>
          id={due ? 'equipment-due' : 'equipment'}
          rowKey="id"
          columns={columns}
          source={{ kind: 'keyset', list }}
          data-testid="equipment-table"
        />
      )}
    </>
  );
}

export const EquipmentListPage = () => <EquipmentList due={false} />;
export const EquipmentDuePage = () => <EquipmentList due />;
