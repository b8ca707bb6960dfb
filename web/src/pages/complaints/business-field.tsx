import { Form, Input } from 'antd';
import { useCallback, useState } from 'react';
import type { TEntitySummary } from '../../../../src/contracts/entities.ts';
import { complaintsApi } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { RemoteSearchSelect } from '../../components/remote-search-select.tsx';
import { useT } from '../../i18n/i18n-context.tsx';

interface Option {
  value: string;
  label: string;
  entityId: number;
  uscc: string;
  address: string | null;
}

const searchEntities = async (q: string, signal: AbortSignal) =>
  (await complaintsApi.searchEntities(q, { signal })).items;

/**
 * The business named in a complaint: typed as free text, or picked from the entity registry by name.
 * A role without entity:read gets 403 from the search; the field then stays free text.
 */
export function BusinessFields() {
  const t = useT();
  const form = Form.useFormInstance();
  const [registryClosed, setRegistryClosed] = useState(false);
  // Typing again means the earlier pick no longer holds.
  const onType = () => form.setFieldValue(['business', 'entityId'], undefined);
  const onForbidden = useCallback(() => setRegistryClosed(true), []);
  const entityOption = (e: TEntitySummary): Option => ({
    value: e.name,
    label: t('complaints.entityOption', { name: e.name, uscc: e.uscc, station: e.stationName }),
    entityId: e.id,
    uscc: e.uscc,
    address: e.address,
  });

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
        <RemoteSearchSelect
          freeText
          queryKey={queryKeys.entities.search}
          search={searchEntities}
          toOption={entityOption}
          minChars={2}
          onType={onType}
          onForbidden={onForbidden}
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
