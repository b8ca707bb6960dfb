import { AutoComplete, Form, type FormInstance, type FormRule, Input, Select, Tabs } from 'antd';
import { useState } from 'react';
import type { TEntityStatus, TEntityType } from '../../../../src/contracts/entities.ts';
import { ZPoolFilter } from '../../../../src/contracts/spot-checks.ts';
import type { z } from '../../../../src/contracts/zod.ts';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { industryPrefixOptions, statusOptions, typeOptions } from '../entities/entity-refs.ts';

export type PoolFilterInput = z.input<typeof ZPoolFilter>;

/** The form's view of a pool filter (every field optional while it is being edited). */
export interface PoolFilterValues {
  types?: TEntityType[];
  stationIds?: number[];
  industryPrefix?: string;
  regionPrefix?: string;
  statuses?: TEntityStatus[];
}

/** Only what was chosen, in the contract's shape: what is saved and what the JSON view shows. */
export function cleanPoolFilter(v: PoolFilterValues | undefined): PoolFilterInput {
  const filter: PoolFilterInput = {};
  if (v?.types?.length) filter.types = v.types;
  if (v?.stationIds?.length) filter.stationIds = v.stationIds;
  const industry = v?.industryPrefix?.trim().toUpperCase();
  if (industry) filter.industryPrefix = industry;
  const region = v?.regionPrefix?.trim();
  if (region) filter.regionPrefix = region;
  if (v?.statuses) filter.statuses = v.statuses;
  return filter;
}

/** A field checked with the contract's own schema; the message is ours, so it is in the reader's language. */
const contractRule = (schema: z.ZodType, message: string): FormRule => ({
  validator: async (_rule, value: unknown) => {
    if (value === undefined || value === null || value === '') return;
    if (!schema.safeParse(value).success) throw new Error(message);
  },
});

/** The whole filter as JSON, parsed and checked with ZPoolFilter; the first issue names its field. */
function parseFilterJson(t: Translate, text: string): { filter?: PoolFilterInput; error?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: t('spot.pool.jsonInvalid') };
  }
  const parsed = ZPoolFilter.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    // The contract's messages are Chinese; the fields the form knows get the reader's language.
    const known = fieldMessages[field];
    const detail = `${issue?.path.join('.') || '(root)'}: ${known ? t(known) : (issue?.message ?? '')}`;
    return { error: t('spot.pool.filterInvalid', { detail }) };
  }
  return { filter: parsed.data };
}

const fieldMessages: Record<string, MessageKey> = {
  industryPrefix: 'spot.pool.industryPrefixInvalid',
  regionPrefix: 'spot.pool.regionPrefixInvalid',
  statuses: 'spot.pool.statusesRequired',
};

const jsonOf = (values: PoolFilterValues | undefined) => JSON.stringify(cleanPoolFilter(values), null, 2);

/**
 * The entity-pool filter inside a pool form, under the field `filter`: a form over every field ZPoolFilter
 * allows, and the raw JSON as the advanced view. Both edit the same form values: a valid JSON edit is
 * copied into the fields, and switching views rewrites the JSON from the fields, so a hidden view never
 * holds a stale or invalid filter.
 */
export function PoolFilterFields({ form, stations }: { form: FormInstance; stations: { id: number; name: string }[] }) {
  const t = useT();
  const [view, setView] = useState('form');
  const switchTo = (next: string) => {
    form.setFieldValue('filterJson', jsonOf(form.getFieldValue('filter')));
    setView(next);
  };
  const onJsonChange = (text: string) => {
    const { filter } = parseFilterJson(t, text);
    if (filter) form.setFieldValue('filter', { ...emptyFilter, ...filter });
  };
  return (
    <Tabs
      size="small"
      activeKey={view}
      onChange={switchTo}
      items={[
        {
          key: 'form',
          label: t('spot.pool.form'),
          forceRender: true,
          children: (
            <>
              <Form.Item name={['filter', 'types']} label={t('spot.pool.types')}>
                <Select mode="multiple" allowClear options={typeOptions(t)} placeholder={t('spot.pool.any')} />
              </Form.Item>
              <Form.Item name={['filter', 'stationIds']} label={t('spot.pool.stations')}>
                <Select
                  mode="multiple"
                  allowClear
                  placeholder={t('spot.pool.any')}
                  options={stations.map((s) => ({ value: s.id, label: s.name }))}
                />
              </Form.Item>
              <Form.Item
                name={['filter', 'industryPrefix']}
                label={t('spot.pool.industryPrefix')}
                extra={t('spot.pool.industryPrefixHint')}
                normalize={(v?: string) => v?.toUpperCase()}
                rules={[contractRule(ZPoolFilter.shape.industryPrefix, t('spot.pool.industryPrefixInvalid'))]}
              >
                <AutoComplete
                  allowClear
                  options={industryPrefixOptions}
                  placeholder={t('spot.pool.any')}
                  showSearch={{
                    filterOption: (input, option) =>
                      String(option?.label ?? '')
                        .toUpperCase()
                        .includes(input.toUpperCase()),
                  }}
                  data-testid="pool-industry"
                />
              </Form.Item>
              <Form.Item
                name={['filter', 'regionPrefix']}
                label={t('spot.pool.regionPrefix')}
                rules={[contractRule(ZPoolFilter.shape.regionPrefix, t('spot.pool.regionPrefixInvalid'))]}
              >
                <Input allowClear placeholder={t('spot.pool.regionPrefixPlaceholder')} data-testid="pool-region" />
              </Form.Item>
              <Form.Item
                name={['filter', 'statuses']}
                label={t('spot.pool.statuses')}
                extra={t('spot.pool.statusesHint')}
                rules={[{ required: true, type: 'array', min: 1, message: t('spot.pool.statusesRequired') }]}
              >
                <Select mode="multiple" options={statusOptions(t)} data-testid="pool-statuses" />
              </Form.Item>
            </>
          ),
        },
        {
          key: 'json',
          label: t('spot.pool.advanced'),
          children: (
            <Form.Item
              name="filterJson"
              extra={t('spot.pool.advancedHint')}
              rules={[
                {
                  validator: async (_rule, text?: string) => {
                    const { error } = parseFilterJson(t, text ?? '');
                    if (error) throw new Error(error);
                  },
                },
              ]}
            >
              <Input.TextArea
                rows={8}
                spellCheck={false}
                style={{ fontFamily: 'monospace' }}
                onChange={(e) => onJsonChange(e.target.value)}
                data-testid="pool-json"
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );
}

/** Fields a JSON edit leaves out are cleared in the form, not kept from before. */
const emptyFilter: PoolFilterValues = {
  types: undefined,
  stationIds: undefined,
  industryPrefix: undefined,
  regionPrefix: undefined,
  statuses: undefined,
};

export const initialPoolFilter: PoolFilterValues = { statuses: ['active'] };
