import { Form, Input, Select, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { TCdBusiness } from '../../../../src/contracts/cosmetics-devices.ts';
import type { CdCategory } from '../../../../src/domain/cosmetics-devices.ts';
import { cdApi, type TCdBusinessListQuery } from '../../api/cosmetics-devices.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { AddBusinessDrawer, CategoryTag, categoryOptions, licenceKindLabel } from './cd-parts.tsx';

type Filters = { q?: string; category?: CdCategory };

/**
 * 两品一械经营者: the cosmetics and medical-device businesses in the caller's stations, searched by a fragment of the
 * name, the licence / 备案 number or the USCC; 新增 with a number check.
 */
export function CdBusinessesPage() {
  const t = useT();
  const canWrite = useAuth().can('drug:write');
  const [filters, setFilters] = useState<Filters>({});
  const query: TCdBusinessListQuery = { q: filters.q?.trim() || undefined, category: filters.category };
  const list = useKeysetList(
    (cursor, signal) => cdApi.businesses({ ...query, cursor }, { signal }),
    (b) => b.id,
    ['cd', 'businesses', 'list', query],
  );
  const columns = useMemo<TableColumnsType<TCdBusiness>>(
    () => [
      {
        title: t('cd.business.entity'),
        dataIndex: 'entityName',
        render: (n: string, r) => <Link to={`/drugs/cd-businesses/${r.id}`}>{n}</Link>,
      },
      {
        title: t('cd.business.category'),
        dataIndex: 'category',
        render: (c: CdCategory) => <CategoryTag category={c} />,
      },
      { title: t('cd.business.licenceKind'), dataIndex: 'licenceKind', render: (k) => licenceKindLabel(t, k) },
      { title: t('cd.business.licenceNo'), dataIndex: 'licenceNo' },
      { title: t('cd.business.adverseEvents'), dataIndex: 'adverseEvents' },
      { title: t('cd.business.station'), dataIndex: 'stationName' },
    ],
    [t],
  );
  return (
    <>
      <PageHeader title={t('cd.business.title')} />
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="cd-businesses-search">
        <Form.Item name="q" label={t('cd.business.search')}>
          <Input
            allowClear
            maxLength={60}
            placeholder={t('cd.business.searchHint')}
            style={{ minWidth: 220 }}
            data-testid="cd-businesses-q"
          />
        </Form.Item>
        <Form.Item name="category" label={t('cd.business.category')}>
          <Select
            allowClear
            style={{ minWidth: 140 }}
            options={categoryOptions(t)}
            data-testid="cd-businesses-category"
          />
        </Form.Item>
      </SearchForm>
      <ListTable<TCdBusiness>
        id="cd-businesses"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        actions={canWrite && <AddBusinessDrawer onDone={list.upsertItem} />}
        data-testid="cd-businesses-table"
      />
    </>
  );
}
