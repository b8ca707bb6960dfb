import type { FormRule } from 'antd';
import { Select } from 'antd';
import { normaliseIdCard, validateIdCard } from '../../../../src/domain/id-card.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { industryClassOptions } from './entity-refs.ts';

/** ID number checked as typed: the same check digit the server computes, e.g. "the 18th character should be X". */
export const idCardRule: FormRule = {
  validator: async (_rule, value?: string) => {
    const id = normaliseIdCard(value ?? '');
    if (!id) return;
    const v = validateIdCard(id);
    if (!v.ok) throw new Error(v.reason);
  },
};

export const phoneRule = (t: Translate): FormRule => ({
  pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400\d{7}|800\d{7})$/,
  message: t('entities.phoneInvalid'),
});

/** Registered capital is entered in yuan and sent in fen. */
export const fenFromYuan = (yuan: number | null | undefined): number | undefined =>
  yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100);

interface IndustryProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  'data-testid'?: string;
}

/** Searchable over the GB/T 4754-2017 classes by code or name. */
export function IndustrySelect({ value, onChange, ...rest }: IndustryProps) {
  const t = useT();
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={industryClassOptions}
      value={value}
      onChange={onChange}
      placeholder={t('entities.industrySearch')}
      data-testid={rest['data-testid']}
    />
  );
}
