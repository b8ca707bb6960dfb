import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { z } from 'zod';
import { orgUnitKinds, type TOrgUnit, ZOrgUnitCreate, ZRegionCode } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { type Translate, useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { zodRule } from '../../lib/zod-rule.ts';

type Kind = keyof typeof orgUnitKinds;
interface Values {
  code: string;
  name: string;
  kind: Kind;
  regionCodes: string[];
  sortOrder: number;
  active: boolean;
}

export type UnitDialog = { mode: 'create'; parent: TOrgUnit } | { mode: 'edit'; unit: TOrgUnit };

interface Props {
  dialog: UnitDialog;
  onClose: () => void;
  onSaved: () => void;
}

const regionCodesRule = (t: Translate) => ({
  validator: async (_rule: unknown, value: string[] | undefined) => {
    for (const code of value ?? []) {
      const result = ZRegionCode.safeParse(code);
      if (!result.success)
        throw new Error(t('units.regionCodeInvalid', { code, detail: result.error.issues[0]?.message ?? '' }));
    }
  },
});

export function UnitFormModal({ dialog, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const editing = dialog.mode === 'edit' ? dialog.unit : undefined;

  const initialValues: Partial<Values> = editing
    ? { ...editing }
    : { kind: 'station', regionCodes: [], sortOrder: 0, active: true };

  const onOk = () =>
    submit(async (v) => {
      const body = { name: v.name, kind: v.kind, regionCodes: v.regionCodes, sortOrder: v.sortOrder };
      if (editing) {
        await orgApi.updateUnit(editing.id, { ...body, active: v.active, version: editing.version });
      } else if (dialog.mode === 'create') {
        const create: z.input<typeof ZOrgUnitCreate> = { ...body, parentId: dialog.parent.id, code: v.code };
        await orgApi.createUnit(create);
      }
      message.success(t('common.saved'));
      onSaved();
    });

  return (
    <Modal
      open
      title={
        editing
          ? t('units.edit', { name: editing.name })
          : t('units.createUnder', { name: dialog.mode === 'create' ? dialog.parent.name : '' })
      }
      okText={t('common.save')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={submitting}
      mask={{ closable: false }}
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" initialValues={initialValues} autoComplete="off">
        {!editing && (
          <Form.Item
            name="code"
            label={t('units.code')}
            extra={t('units.codeHint')}
            rules={[{ required: true, message: t('units.codeRequired') }, zodRule(ZOrgUnitCreate.shape.code)]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, message: t('units.nameRequired') }, zodRule(ZOrgUnitCreate.shape.name)]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
          <Select options={Object.keys(orgUnitKinds).map((k) => ({ value: k, label: t(`unitKind.${k as Kind}`) }))} />
        </Form.Item>
        <Form.Item
          name="regionCodes"
          label={t('units.regionCodes')}
          extra={t('units.regionCodesHint')}
          rules={[regionCodesRule(t)]}
        >
          <Select mode="tags" tokenSeparators={[',', '\uff0c', ' ']} open={false} suffixIcon={null} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('units.sortOrder')}>
          <InputNumber min={0} max={100000} precision={0} />
        </Form.Item>
        {editing && (
          <Form.Item name="active" label={t('units.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
