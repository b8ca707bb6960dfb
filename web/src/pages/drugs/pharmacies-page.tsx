import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, type TableColumnsType, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { TPharmacySummary } from '../../../../src/contracts/pharmacies.ts';
import { pharmacyApi, pharmacyExportUrl, type TPharmacyListQuery } from '../../api/pharmacies.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { RegisterPharmacyModal } from './pharmacy-form-modal.tsx';
import { LicenceExpiry, RateTag } from './pharmacy-labels.tsx';

type Filters = { q?: string; status?: 'active' | 'closed'; expiring?: boolean };

/** 零售药店: the pharmacies in the caller's stations, their licence and 30-day attendance rate; 登记; XLSX export. */
export function PharmaciesPage() {
  const t = useT();
  const navigate = useNavigate();
  const canWrite = useAuth().can('drug:write');
  const [filters, setFilters] = useState<Filters>({});
  const [registering, setRegistering] = useState(false);
  const query: TPharmacyListQuery = {
    q: filters.q || undefined,
    status: filters.status,
    expiringWithin: filters.expiring ? 90 : undefined,
  };
  const list = useKeysetList(
    (cursor, signal) => pharmacyApi.list({ ...query, cursor }, { signal }),
    (p) => p.id,
    ['pharmacies', 'list', query],
  );
  const columns = useMemo<TableColumnsType<TPharmacySummary>>(
    () => [
      {
        title: t('pharmacy.name'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/drugs/pharmacies/${r.id}`}>{n}</Link>,
      },
      { title: t('pharmacy.licenceNo'), dataIndex: 'licenceNo' },
      {
        title: t('pharmacy.validUntil'),
        dataIndex: 'licenceValidUntil',
        render: (_, r) => <LicenceExpiry validUntil={r.licenceValidUntil} daysLeft={r.licenceDaysLeft} />,
      },
      { title: t('pharmacy.pharmacists'), dataIndex: 'pharmacists' },
      { title: t('pharmacy.rate30'), dataIndex: 'rate30', render: (r: number | null) => <RateTag rate={r} /> },
      {
        title: t('pharmacy.status'),
        dataIndex: 'status',
        render: (s: 'active' | 'closed') => (
          <Tag color={s === 'active' ? 'green' : 'default'}>{t(`pharmacy.status.${s}`)}</Tag>
        ),
      },
      { title: t('pharmacy.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('pharmacy.title')}
        extra={
          canWrite && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="pharmacy-new"
            >
              {t('pharmacyForm.register')}
            </Button>
          )
        }
      />
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="pharmacies-search">
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('pharmacy.search')} data-testid="pharmacies-q" />
        </Form.Item>
        <Form.Item name="expiring" valuePropName="checked">
          <Checkbox>{t('pharmacy.expiringOnly')}</Checkbox>
        </Form.Item>
        <Form.Item name="status" label={t('pharmacy.status')}>
          <Select
            allowClear
            options={(['active', 'closed'] as const).map((s) => ({ value: s, label: t(`pharmacy.status.${s}`) }))}
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TPharmacySummary>
        id="pharmacies"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        exportButton={
          <Button icon={<DownloadOutlined />} href={pharmacyExportUrl(query)} data-testid="pharmacies-export-xlsx">
            {t('common.exportXlsx')}
          </Button>
        }
        data-testid="pharmacies-table"
      />
      {registering && (
        <RegisterPharmacyModal
          onClose={() => setRegistering(false)}
          onDone={(p) => navigate(`/drugs/pharmacies/${p.id}`)}
        />
      )}
    </>
  );
}
