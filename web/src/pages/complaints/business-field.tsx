import { AutoComplete, Form, Input } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { complaintsApi } from '../../api/complaints.ts';
import { isApiError } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n-context.tsx';

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
  const t = useT();
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
              label: `${e.name} (${e.uscc}, ${e.stationName})`,
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
        label={t('complaints.business')}
        extra={registryClosed ? t('complaints.registryClosed') : t('complaints.registryHint')}
      >
        <AutoComplete<string, Option>
          options={options}
          onSearch={onSearch}
          onSelect={onSelect}
          placeholder={t('complaints.businessName')}
          data-testid="intake-business-name"
        />
      </Form.Item>
      <Form.Item name={['business', 'entityId']} hidden>
        <Input />
      </Form.Item>
      <Form.Item name={['business', 'uscc']} label={t('complaints.uscc')}>
        <Input maxLength={18} placeholder={t('complaints.usccPlaceholder')} data-testid="intake-business-uscc" />
      </Form.Item>
      <Form.Item name={['business', 'address']} label={t('complaints.businessAddress')}>
        <Input maxLength={300} placeholder={t('complaints.addressPlaceholder')} data-testid="intake-business-address" />
      </Form.Item>
    </>
  );
}
