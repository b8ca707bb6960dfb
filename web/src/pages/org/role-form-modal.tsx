import { App, Form, Input, Modal, Select } from 'antd';
import type { TRole } from '../../../../src/contracts/org.ts';
import { ZRoleCreate } from '../../../../src/contracts/org.ts';
import { type DataScope, dataScopes, type Permission } from '../../../../src/contracts/permissions.ts';
import { orgApi } from '../../api/org.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { PermissionPicker } from './permission-picker.tsx';

interface Values {
  code: string;
  name: string;
  dataScope: DataScope;
  permissions: Permission[];
}

interface Props {
  /** Absent: create a new role. */
  role?: TRole;
  onClose: () => void;
  onSaved: () => void;
}

export function RoleFormModal({ role, onClose, onSaved }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);

  const onOk = () =>
    submit(async ({ code, name, dataScope, permissions }) => {
      if (role) await orgApi.updateRole(role.id, { name, dataScope, permissions, version: role.version });
      else await orgApi.createRole({ code, name, dataScope, permissions });
      message.success(t('common.saved'));
      onSaved();
    });

  return (
    <Modal
      open
      width={860}
      title={role ? t('roles.edit', { name: role.name }) : t('roles.create')}
      okText={t('common.save')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={submitting}
      mask={{ closable: false }}
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={role ? { ...role } : { dataScope: 'unit_and_below', permissions: [] }}
      >
        {!role && (
          <Form.Item
            name="code"
            label={t('roles.code')}
            extra={t('roles.codeHint')}
            rules={[{ required: true, message: t('roles.codeRequired') }, zodRule(ZRoleCreate.shape.code)]}
          >
            <Input />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('roles.name')}
          rules={[{ required: true, message: t('roles.nameRequired') }, zodRule(ZRoleCreate.shape.name)]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="dataScope"
          label={t('roles.dataScope')}
          extra={t('roles.dataScopeHint')}
          rules={[{ required: true }]}
        >
          <Select
            options={(Object.keys(dataScopes) as DataScope[]).map((s) => ({ value: s, label: t(`scope.${s}`) }))}
          />
        </Form.Item>
        <Form.Item name="permissions" label={t('roles.permissions')}>
          <PermissionPicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}
