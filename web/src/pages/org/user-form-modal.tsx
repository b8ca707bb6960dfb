import { App, DatePicker, Form, Input, Modal, Select, TreeSelect } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import type { TRole, TUser } from '../../../../src/contracts/org.ts';
import { ZUserCreate } from '../../../../src/contracts/org.ts';
import { orgApi } from '../../api/org.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { zodRule } from '../../lib/zod-rule.ts';
import { confirmRules, passwordRules } from './password-rules.ts';
import { toUnitOptions, type UnitNode } from './unit-tree.ts';
import { canAssignRole } from './use-org-refs.ts';

interface Values {
  username: string;
  displayName: string;
  unitId: number;
  roleIds: number[];
  phone?: string;
  enforcementCredentialNo?: string;
  enforcementCredentialExpiresOn?: Dayjs | null;
  password: string;
  confirm: string;
}

interface Props {
  /** Absent: create a new user. */
  user?: TUser;
  unitTree: UnitNode[];
  roles: TRole[];
  onClose: () => void;
  onSaved: (user: TUser) => void;
}

export function UserFormModal({ user, unitTree, roles, onClose, onSaved }: Props) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const unitOptions = useMemo(
    () => toUnitOptions(unitTree, (name) => t('units.inactiveName', { name })),
    [unitTree, t],
  );
  const roleOptions = useMemo(
    () => roles.map((r) => ({ value: r.id, label: r.name, disabled: !canAssignRole(me, r) })),
    [roles, me],
  );

  const onOk = () =>
    submit(async (v) => {
      const phone = v.phone?.trim() ? v.phone.trim() : null;
      const credentialNo = v.enforcementCredentialNo?.trim() || null;
      const common = {
        displayName: v.displayName,
        unitId: v.unitId,
        roleIds: v.roleIds,
        phone,
        enforcementCredentialNo: credentialNo,
        enforcementCredentialExpiresOn: credentialNo
          ? (v.enforcementCredentialExpiresOn?.format('YYYY-MM-DD') ?? null)
          : null,
      };
      const saved = user
        ? await orgApi.updateUser(user.id, { ...common, version: user.version })
        : await orgApi.createUser({ ...common, username: v.username, password: v.password });
      message.success(user ? t('common.saved') : t('users.created', { name: saved.displayName }));
      onSaved(saved);
    });

  return (
    <Modal
      open
      title={user ? t('users.edit', { name: user.displayName }) : t('users.create')}
      okText={t('common.save')}
      onOk={onOk}
      onCancel={onClose}
      confirmLoading={submitting}
      mask={{ closable: false }}
      okButtonProps={{ 'data-testid': 'user-form-ok' }}
      data-testid="user-form-modal"
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        autoComplete="off"
        initialValues={
          user && {
            displayName: user.displayName,
            unitId: user.unitId,
            roleIds: user.roleIds,
            phone: user.phone ?? '',
            enforcementCredentialNo: user.enforcementCredentialNo ?? '',
            enforcementCredentialExpiresOn: user.enforcementCredentialExpiresOn
              ? dayjs(user.enforcementCredentialExpiresOn)
              : null,
          }
        }
      >
        {!user && (
          <Form.Item
            name="username"
            label={t('users.username')}
            extra={t('users.usernameHint')}
            rules={[{ required: true, message: t('users.usernameRequired') }, zodRule(ZUserCreate.shape.username)]}
          >
            <Input data-testid="user-username" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, message: t('users.displayNameRequired') }, zodRule(ZUserCreate.shape.displayName)]}
        >
          <Input data-testid="user-display-name" />
        </Form.Item>
        <Form.Item name="unitId" label={t('users.unit')} rules={[{ required: true, message: t('users.unitRequired') }]}>
          <TreeSelect
            treeData={unitOptions}
            treeDefaultExpandAll
            showSearch={{ treeNodeFilterProp: 'title' }}
            placeholder={t('users.unitPlaceholder')}
            data-testid="user-unit"
          />
        </Form.Item>
        <Form.Item
          name="roleIds"
          label={t('users.roles')}
          rules={[{ required: true, message: t('users.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            options={roleOptions}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="user-roles"
          />
        </Form.Item>
        <Form.Item name="phone" label={t('users.phone')} rules={[zodRule(ZUserCreate.shape.phone)]}>
          <Input data-testid="user-phone" />
        </Form.Item>
        {/* 行政执法证: the form fields carry the API's names, so its field errors land on them. */}
        <Form.Item
          name="enforcementCredentialNo"
          label={t('users.credentialNo')}
          extra={t('users.credentialHint')}
          rules={[zodRule(ZUserCreate.shape.enforcementCredentialNo)]}
        >
          <Input maxLength={40} data-testid="user-credential-no" />
        </Form.Item>
        <Form.Item
          name="enforcementCredentialExpiresOn"
          label={t('users.credentialExpiresOn')}
          dependencies={['enforcementCredentialNo']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                getFieldValue('enforcementCredentialNo')?.trim() && !value
                  ? Promise.reject(new Error(t('users.credentialBoth')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <DatePicker data-testid="user-credential-expires" />
        </Form.Item>
        {!user && (
          <>
            <Form.Item
              name="password"
              label={t('users.password')}
              extra={t('users.passwordHint')}
              rules={passwordRules(t, () => form.getFieldValue('username'))}
            >
              <Input.Password autoComplete="new-password" data-testid="user-password" />
            </Form.Item>
            <Form.Item
              name="confirm"
              label={t('users.confirm')}
              dependencies={['password']}
              rules={confirmRules(t, 'password')}
            >
              <Input.Password autoComplete="new-password" data-testid="user-confirm" />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
