import { Button, Checkbox, Form, Input, Select, Space, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TFoodLicence } from '../../../../src/contracts/food.ts';
import { foodLicenceKinds } from '../../../../src/domain/food-licence.ts';
import { foodApi, type TLicenceQuery } from '../../api/food.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { categoryLabel, ExpiryCell, kindLabel, statusLabel } from './food-labels.tsx';
import { FoodImportButton } from './import-button.tsx';
import { LicenceFormModal } from './licence-form-modal.tsx';

type Filters = { q?: string; kind?: TLicenceQuery['kind']; status?: TLicenceQuery['status']; expiring?: boolean };

/** 食品许可: licences, filings and registrations in the caller's stations; "expiring soon" sorts by expiry. */
export function FoodLicencesPage() {
  const t = useT();
  const canWrite = useAuth().can('food:write');
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [adding, setAdding] = useState(false);
  const query: TLicenceQuery = {
    q: filters.q || undefined,
    kind: filters.kind,
    status: filters.status,
    expiringWithin: filters.expiring ? 90 : undefined,
  };
  const list = useKeysetList(
    (cursor, signal) => foodApi.licences({ ...query, cursor }, { signal }),
    (l) => l.id,
    ['food', 'licences', query],
  );
  const columns = useMemo<TableColumnsType<TFoodLicence>>(
    () => [
      {
        title: t('food.licence.no'),
        dataIndex: 'licenceNo',
        render: (n: string, r) => <Link to={`/food/licences/${r.id}`}>{n}</Link>,
      },
      {
        title: t('food.licence.entity'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/entities/${r.entityId}`}>{n}</Link>,
      },
      { title: t('food.licence.kind'), dataIndex: 'kind', render: (k: string) => kindLabel(t, k) },
      {
        title: t('food.licence.categories'),
        dataIndex: 'categories',
        render: (cs: string[]) => cs.map((c) => categoryLabel(t, c)).join(', ') || '—',
      },
      { title: t('food.licence.issuedOn'), dataIndex: 'issuedOn' },
      {
        title: t('food.licence.validUntil'),
        dataIndex: 'validUntil',
        render: (_, r) => <ExpiryCell t={t} validUntil={r.validUntil} daysLeft={r.daysLeft} />,
      },
      { title: t('food.licence.status'), dataIndex: 'status', render: (s: string) => statusLabel(t, s) },
      { title: t('food.licence.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('food.licences.title')}
        extra={
          canWrite && (
            <Space>
              <Button type="primary" onClick={() => setAdding(true)} data-testid="food-licence-add">
                {t('food.licenceForm.add')}
              </Button>
              <FoodImportButton what="licences" onDone={() => list.reload()} />
            </Space>
          )
        }
      />
      {adding && (
        <LicenceFormModal onClose={() => setAdding(false)} onDone={(l) => navigate(`/food/licences/${l.id}`)} />
      )}
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="food-licences-search">
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('food.licences.search')} />
        </Form.Item>
        <Form.Item name="expiring" valuePropName="checked">
          <Checkbox data-testid="food-expiring">{t('food.licences.expiringOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="kind" label={t('food.licence.kind')}>
          <Select allowClear options={foodLicenceKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))} />
        </Form.Item>
        <Form.Item name="status" label={t('food.licence.status')}>
          <Select
            allowClear
            options={(['active', 'renewed', 'revoked', 'cancelled'] as const).map((s) => ({
              value: s,
              label: statusLabel(t, s),
            }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TFoodLicence>
        id="food-licences"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="food-licences-table"
      />
    </>
  );
}
