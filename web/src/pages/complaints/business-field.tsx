import { AutoComplete, Form, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { complaintsApi } from '../../api/complaints.ts';
import { isApiError } from '../../api/errors.ts';

interface Option {
  value: string;
  label: string;
  entityId: number;
  uscc: string;
  address: string | null;
}

/**
 * The business named in a complaint: typed as free text, or picked from the entity registry by name.
 * A role without entity:read gets 403 from the search; the field then stays free text.
 */
export function BusinessFields() {
  const form = Form.useFormInstance();
  const [options, setOptions] = useState<Option[]>([]);
  const [registryClosed, setRegistryClosed] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const onSearch = (text: string) => {
    clearTimeout(timer.current);
    // Typing again means the earlier pick no longer holds.
    form.setFieldValue(['business', 'entityId'], undefined);
    if (registryClosed || text.trim().length < 2) return;
    timer.current = setTimeout(() => {
      complaintsApi.searchEntities(text.trim()).then(
        (page) =>
          setOptions(
            page.items.map((e) => ({
              value: e.name,
              label: `${e.name}（${e.uscc}，${e.stationName}）`,
              entityId: e.id,
              uscc: e.uscc,
              address: e.address,
            })),
          ),
        (err: unknown) => {
          if (isApiError(err) && err.status === 403) setRegistryClosed(true);
          setOptions([]);
        },
      );
    }, 300);
  };

  const onSelect = (_: string, option: Option) => {
    form.setFieldValue(['business', 'entityId'], option.entityId);
    form.setFieldValue(['business', 'uscc'], option.uscc);
    if (option.address) form.setFieldValue(['business', 'address'], option.address);
  };

  return (
    <>
      <Form.Item
        name={['business', 'name']}
        label="被投诉（举报）经营者"
        extra={registryClosed ? '无权查询登记库，请直接填写名称' : '输入名称可从登记库选择，也可直接填写'}
      >
        <AutoComplete<string, Option>
          options={options}
          onSearch={onSearch}
          onSelect={onSelect}
          placeholder="经营者名称"
          data-testid="intake-business-name"
        />
      </Form.Item>
      <Form.Item name={['business', 'entityId']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={['business', 'uscc']} label="统一社会信用代码">
        <Input maxLength={18} placeholder="18位，可不填" data-testid="intake-business-uscc" />
      </Form.Item>
      <Form.Item name={['business', 'address']} label="经营地址">
        <Input maxLength={300} placeholder="用于确定管辖所" data-testid="intake-business-address" />
      </Form.Item>
    </>
  );
}
