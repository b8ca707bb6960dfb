import { Form, Input, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TFoodBusiness } from '../../../../src/contracts/food.ts';
import { foodApi } from '../../api/food.ts';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';

/** 食品经营者: the food businesses in the caller's stations, each opening its 档案. */
export function FoodBusinessesPage() {
  const t = useT();
  const [q, setQ] = useState<string>();
  const list = useKeysetList(
    (cursor, signal) => foodApi.businesses({ q, cursor }, { signal }),
    (b) => b.id,
    ['food', 'businesses', q],
  );
  const columns = useMemo<TableColumnsType<TFoodBusiness>>(
    () => [
      {
        title: t('food.licence.entity'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/food/businesses/${r.id}`}>{n}</Link>,
      },
      { title: t('food.business.uscc'), dataIndex: 'uscc' },
      { title: t('food.licence.station'), dataIndex: 'stationName' },
      { title: t('food.entity.inspector'), dataIndex: 'inspectorName', render: (n: string | null) => n ?? '—' },
      { title: t('food.business.activeLicences'), dataIndex: 'activeLicences' },
      { title: t('food.business.activeCertificates'), dataIndex: 'activeCertificates' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('nav.foodBusinesses')} />
      <SearchForm<{ q?: string }>
        onSearch={(v) => setQ(v.q?.trim() || undefined)}
        onReset={() => setQ(undefined)}
        data-testid="food-businesses-search"
      >
        <Form.Item name="q" label={t('common.search')}>
          <Input allowClear placeholder={t('food.business.search')} />
        </Form.Item>
      </SearchForm>
      <ListTable<TFoodBusiness>
        id="food-businesses"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        data-testid="food-businesses-table"
      />
    </>
  );
}
