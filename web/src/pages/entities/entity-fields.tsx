import type { FormRule } from 'antd';
import { Select } from 'antd';
import { normaliseIdCard, validateIdCard } from '../../../../src/domain/id-card.ts';
import { industryClassOptions } from './entity-refs.ts';

/** ID number checked as typed: the same check digit the server computes, e.g. "第18位校验码应为 X". */
export const idCardRule: FormRule = {
  validator: async (_rule, value?: string) => {
    const id = normaliseIdCard(value ?? '');
    if (!id) return;
    const v = validateIdCard(id);
    if (!v.ok) throw new Error(v.reason);
  },
};

export const phoneRule: FormRule = {
  pattern: /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|400\d{7}|800\d{7})$/,
  message: '电话格式不正确（手机号或带区号的固定电话）',
};

/** 注册资本 is entered in 元 and sent in 分. */
export const fenFromYuan = (yuan: number | null | undefined): number | undefined =>
  yuan === null || yuan === undefined ? undefined : Math.round(yuan * 100);

interface IndustryProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  'data-testid'?: string;
}

/** Searchable over the GB/T 4754-2017 小类 by code or name ("5191" or "五金"). */
export function IndustrySelect({ value, onChange, ...rest }: IndustryProps) {
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: 'label' }}
      options={industryClassOptions}
      value={value}
      onChange={onChange}
      placeholder="输入代码或名称搜索，如 5191 或 五金"
      data-testid={rest['data-testid']}
    />
  );
}
