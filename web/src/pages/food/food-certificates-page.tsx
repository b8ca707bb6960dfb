import { Checkbox, Form, Input, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { THealthCertificate } from '../../../../src/contracts/food.ts';
import { foodApi, type TCertificateQuery } from '../../api/food.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { ExpiryCell } from './food-labels.tsx';
import { FoodImportButton } from './import-button.tsx';

type Filters = { q?: string; expiring?: boolean };

/** 从业人员健康证: the staff of the food businesses in reach; expired ones flagged, "expiring soon" first. */
export function FoodCertificatesPage() {
  const t = useT();
  const canWrite = useAuth().can('food:write');
  const [filters, setFilters] = useState<Filters>({});
  const query: TCertificateQuery = { q: filters.q || undefined, expiringWithin: filters.expiring ? 30 : undefined };
  const list = useKeysetList(
    (cursor, signal) => foodApi.certificates({ ...query, cursor }, { signal }),
    (c) => c.id,
    ['food', 'certificates', query],
  );
  const columns = useMemo<TableColumnsType<THealthCertificate>>(
    () => [
      { title: t('food.certificate.staffName'), dataIndex: 'staffName' },
      { title: t('food.certificate.no'), dataIndex: 'certificateNo' },
      {
        title: t('food.licence.entity'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/entities/${r.entityId}`}>{n}</Link>,
      },
      { title: t('food.licence.issuedOn'), dataIndex: 'issuedOn' },
      {
        title: t('food.licence.validUntil'),
        dataIndex: 'validUntil',
        render: (_, r) => <ExpiryCell t={t} validUntil={r.validUntil} daysLeft={r.daysLeft} />,
      },
      {
        title: t('food.licence.status'),
        dataIndex: 'status',
        render: (s: string) => t(`food.certificate.status.${s}` as MessageKey),
      },
      { title: t('food.licence.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader
        title={t('food.certificates.title')}
        extra={canWrite && <FoodImportButton what="certificates" onDone={() => list.reload()} />}
      />
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="food-certificates-search">
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('food.certificates.search')} />
        </Form.Item>
        <Form.Item name="expiring" valuePropName="checked">
          <Checkbox>{t('food.licences.expiringOnly').replace('90', '30')}</Checkbox>
        </Form.Item>
      </SearchForm>
      <ListTable<THealthCertificate>
        id="food-certificates"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="food-certificates-table"
      />
    </>
  );
}
