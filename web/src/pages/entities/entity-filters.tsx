import { DatePicker, Form, Input, type InputProps, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import type { EntityFilters } from '../../api/entities.ts';
import { SearchForm } from '../../components/list-page/search-form.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { industryPrefixOptions, statusOptions, typeOptions } from './entity-refs.ts';

interface Props {
  value: EntityFilters;
  onChange: (next: EntityFilters) => void;
  stations: { value: number; label: string }[];
}

type Values = Omit<EntityFilters, 'establishedFrom' | 'establishedTo'> & {
  established?: [Dayjs | null, Dayjs | null] | null;
};

const ISO = 'YYYY-MM-DD';

const toValues = (f: EntityFilters): Values => ({
  ...f,
  established:
    f.establishedFrom || f.establishedTo
      ? [f.establishedFrom ? dayjs(f.establishedFrom) : null, f.establishedTo ? dayjs(f.establishedTo) : null]
      : null,
});

const toFilters = ({ established, ...v }: Values): EntityFilters => ({
  q: v.q?.trim() || undefined,
  type: v.type,
  status: v.status,
  stationId: v.stationId,
  industryCode: v.industryCode,
  establishedFrom: established?.[0]?.format(ISO),
  establishedTo: established?.[1]?.format(ISO),
});

/** The keyword box; the test id sits on a wrapper, as on the other search boxes, so tests reach the input inside. */
function KeywordInput(props: InputProps) {
  return (
    <span data-testid="entity-search">
      <Input allowClear {...props} />
    </span>
  );
}

/**
 * The search form above the list. The filters in effect live in the URL (the page owns them); the form shows
 * them, also after the back button, and applies a change on Search or Enter.
 */
export function EntityFiltersBar({ value, onChange, stations }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    form.resetFields();
    form.setFieldsValue(toValues(value));
  }, [form, value]);
  return (
    <SearchForm<Values>
      form={form}
      onSearch={(v) => onChange(toFilters(v))}
      onReset={() => onChange({})}
      collapsedCount={3}
      data-testid="entity-search-form"
    >
      <Form.Item name="q" label={t('common.search')}>
        <KeywordInput placeholder={t('entities.searchPlaceholder')} />
      </Form.Item>
      <Form.Item name="type" label={t('entities.type')}>
        <Select allowClear options={typeOptions(t)} data-testid="entity-filter-type" />
      </Form.Item>
      <Form.Item name="status" label={t('entities.status')}>
        <Select allowClear options={statusOptions(t)} data-testid="entity-filter-status" />
      </Form.Item>
      {stations.length > 0 && (
        <Form.Item name="stationId" label={t('entities.station')}>
          <Select allowClear options={stations} data-testid="entity-filter-station" />
        </Form.Item>
      )}
      <Form.Item name="industryCode" label={t('entities.industry')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          options={industryPrefixOptions}
          data-testid="entity-filter-industry"
        />
      </Form.Item>
      <Form.Item name="established" label={t('entities.establishedOn')}>
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          style={{ width: '100%' }}
          placeholder={[t('entities.establishedFrom'), t('entities.establishedTo')]}
        />
      </Form.Item>
    </SearchForm>
  );
}
