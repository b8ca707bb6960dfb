import { Form, Input, Radio } from 'antd';
import { useT } from '../../i18n/i18n-context.tsx';
import { EntityPicker } from './case-pickers.tsx';

/** The form fields PartyFields fills (both the 提请立案 and the 简易程序 forms name them so). */
export interface PartyValues {
  partyKind: 'organisation' | 'person';
  entityId?: number;
  partyName: string;
  partyIdNo?: string;
  partyUscc?: string;
  partyAddress?: string;
}

/**
 * 当事人: a business picked from the register (its name, USCC and address filled in) or typed in, or a person
 * with an ID number (both procedures require it). `testId` prefixes the fields' test ids; `buttons` draws the
 * kind as large buttons (the phone form).
 */
export function PartyFields({ testId, buttons = false }: { testId: string; buttons?: boolean }) {
  const t = useT();
  const form = Form.useFormInstance<PartyValues>();
  const kind = Form.useWatch('partyKind', form) ?? 'organisation';
  // A registry entity is the party as registered: the case takes its name, USCC and address, not typed over.
  const entityId = Form.useWatch('entityId', form);
  const registered =
    kind === 'organisation' && entityId != null ? { disabled: true, placeholder: t('cases.partyFromRegistry') } : {};
  return (
    <>
      <Form.Item name="partyKind" label={t('cases.partyKind')}>
        <Radio.Group
          optionType={buttons ? 'button' : 'default'}
          buttonStyle={buttons ? 'solid' : undefined}
          options={[
            { value: 'organisation', label: t('cases.partyKind.organisation') },
            { value: 'person', label: t('cases.partyKind.person') },
          ]}
          data-testid={`${testId}-party-kind`}
        />
      </Form.Item>
      {kind === 'organisation' && (
        <Form.Item name="entityId" label={t('cases.partyEntity')} extra={t('cases.partyEntityHint')}>
          <EntityPicker
            testId={`${testId}-entity`}
            onPicked={(e) =>
              form.setFieldsValue({ partyName: e.name, partyUscc: e.uscc, partyAddress: e.address ?? undefined })
            }
          />
        </Form.Item>
      )}
      <Form.Item
        name="partyName"
        label={t('cases.partyName')}
        rules={[{ required: true, whitespace: true, message: t('cases.partyNameRequired') }]}
      >
        <Input maxLength={200} {...registered} data-testid={`${testId}-party-name`} />
      </Form.Item>
      {kind === 'person' ? (
        <Form.Item
          name="partyIdNo"
          label={t('cases.partyIdNo')}
          rules={[{ required: true, whitespace: true, message: t('cases.partyIdNoRequired') }]}
        >
          <Input maxLength={18} data-testid={`${testId}-party-id`} />
        </Form.Item>
      ) : (
        <Form.Item name="partyUscc" label={t('cases.partyUscc')}>
          <Input maxLength={18} {...registered} data-testid={`${testId}-party-uscc`} />
        </Form.Item>
      )}
      <Form.Item name="partyAddress" label={t('cases.partyAddress')}>
        <Input maxLength={300} {...registered} data-testid={`${testId}-party-address`} />
      </Form.Item>
    </>
  );
}
