import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import type { TAdverseEvent } from '../../../../src/contracts/cosmetics-devices.ts';
import type { AdverseStatus } from '../../../../src/domain/cosmetics-devices.ts';
import { cdApi, type TAdverseListQuery } from '../../api/cosmetics-devices.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useStatusOptions } from '../../components/status-tag.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useKeysetList } from '../../lib/use-keyset-list.ts';
import { useEventColumns } from './cd-events-table.tsx';
import { ReportEventButton } from './cd-parts.tsx';

type Filters = { status?: AdverseStatus; registrationNo?: string };

/** 不良反应/不良事件报告: newest first, by status or product number; report, and move each through its workflow. */
export function CdEventsPage() {
  const t = useT();
  const canWrite = useAuth().can('drug:write');
  const [filters, setFilters] = useState<Filters>({});
  const query: TAdverseListQuery = {
    status: filters.status,
    registrationNo: filters.registrationNo?.trim() || undefined,
  };
  const list = useKeysetList(
    (cursor, signal) => cdApi.events({ ...query, cursor }, { signal }),
    (e) => e.id,
    ['cd', 'events', 'list', query],
  );
  const columns = useEventColumns(canWrite, list.replaceItem);
  const statusOptions = useStatusOptions('cdAdverse');
  return (
    <>
      <PageHeader title={t('cd.event.title')} />
      <SearchForm<Filters> onSearch={setFilters} onReset={() => setFilters({})} data-testid="cd-events-search">
        <Form.Item name="status" label={t('cd.event.status')}>
          <Select allowClear style={{ minWidth: 120 }} options={statusOptions} data-testid="cd-events-status" />
        </Form.Item>
        <Form.Item name="registrationNo" label={t('cd.event.registrationNo')}>
          <Input allowClear data-testid="cd-events-regno" />
        </Form.Item>
      </SearchForm>
      <ListTable<TAdverseEvent>
        id="cd-events"
        rowKey="id"
        columns={columns}
        source={{ kind: 'keyset', list }}
        actions={canWrite && <ReportEventButton onDone={list.upsertItem} />}
        data-testid="cd-events-table"
      />
    </>
  );
}
