import { DatePicker, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { EntityFilters } from '../../api/entities.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { industryPrefixOptions, statusOptions, typeOptions } from './entity-refs.ts';

interface Props {
  value: EntityFilters;
  onChange: (next: EntityFilters) => void;
  stations: { value: number; label: string }[];
}

const ISO = 'YYYY-MM-DD';

/** Filters above the list; every change reloads from the first page (the list's fetch depends on them). */
export function EntityFiltersBar({ value, onChange, stations }: Props) {
  const t = useT();
  const set = (patch: EntityFilters) => onChange({ ...value, ...patch });
  const range =
    value.establishedFrom || value.establishedTo
      ? ([
          value.establishedFrom ? dayjs(value.establishedFrom) : null,
          value.establishedTo ? dayjs(value.establishedTo) : null,
        ] as [Dayjs | null, Dayjs | null])
      : null;
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        allowClear
        placeholder={t('entities.searchPlaceholder')}
        style={{ width: 300 }}
        defaultValue={value.q}
        // Remounted when the URL's q changes (back button), so the box shows the search in effect.
        key={value.q ?? ''}
        onSearch={(q) => set({ q: q.trim() || undefined })}
        data-testid="entity-search"
      />
      <Select
        allowClear
        placeholder={t('entities.type')}
        options={typeOptions(t)}
        style={{ width: 150 }}
        value={value.type}
        onChange={(type) => set({ type })}
        data-testid="entity-filter-type"
      />
      <Select
        allowClear
        placeholder={t('entities.status')}
        options={statusOptions(t)}
        style={{ width: 140 }}
        value={value.status}
        onChange={(status) => set({ status })}
        data-testid="entity-filter-status"
      />
      {stations.length > 0 && (
        <Select
          allowClear
          placeholder={t('entities.station')}
          options={stations}
          style={{ width: 170 }}
          value={value.stationId}
          onChange={(stationId?: number) => set({ stationId })}
          data-testid="entity-filter-station"
        />
      )}
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('entities.industry')}
        options={industryPrefixOptions}
        style={{ width: 220 }}
        value={value.industryCode}
        onChange={(industryCode?: string) => set({ industryCode })}
        data-testid="entity-filter-industry"
      />
      <DatePicker.RangePicker
        allowEmpty={[true, true]}
        placeholder={[t('entities.establishedFrom'), t('entities.establishedTo')]}
        value={range}
        onChange={(dates) => set({ establishedFrom: dates?.[0]?.format(ISO), establishedTo: dates?.[1]?.format(ISO) })}
      />
    </Space>
  );
}
