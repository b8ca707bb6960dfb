import { App, Form, Input, Modal, Select } from 'antd';
import { type TInspector, ZPoolFilter } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { UserSelect } from '../../components/user-select.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { cleanPoolFilter, initialPoolFilter, PoolFilterFields, type PoolFilterValues } from './pool-filter-fields.tsx';

const titles: Record<'item' | 'inspector' | 'pool', MessageKey> = {
  item: 'spot.item.newTitle',
  inspector: 'spot.inspector.newTitle',
  pool: 'spot.pool.newTitle',
};

type Option = { id: number; name: string };
interface AddValues {
  name: string;
  code?: string;
  departmentId?: number;
  stationId?: number;
  level?: 'general' | 'key';
  legalBasis?: string;
  checklist?: string;
  qualifications?: string;
  filter?: PoolFilterValues;
  userId?: number;
}
export function AddModal(props: {
  what: 'item' | 'inspector' | 'pool' | undefined;
  onClose: () => void;
  onSaved: () => void;
  departments: Option[];
  stations: Option[];
  /** Only a caller who may read users searches them for the account link. */
  canPickUser: boolean;
  /** The inspector being edited (the inspector form then saves changes instead of adding). */
  inspector?: TInspector;
}) {
  const t = useT();
  const edited = props.inspector;
  const { message } = App.useApp();
  const [form] = Form.useForm<AddValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const options = (list: Option[]) => list.map((o) => ({ value: o.id, label: o.name }));
  const lines = (s?: string) =>
    (s ?? '')
      .split('\n')
      .map((x) => x.trim())
      .filter(Boolean);
  const save = () =>
    submit(async (v: AddValues) => {
      if (props.what === 'item')
        await spotChecksApi.createItem({
          name: v.name,
          code: v.code ?? '',
          departmentId: v.departmentId,
          level: v.level ?? 'general',
          legalBasis: v.legalBasis ?? '',
          checklist: lines(v.checklist),
        });
      if (props.what === 'inspector') {
        const body = {
          name: v.name,
          departmentId: v.departmentId,
          stationId: v.stationId ?? null,
          qualifications: lines(v.qualifications),
          // Without the picker (no org:user:read) an edit keeps the link it found.
          userId: props.canPickUser ? (v.userId ?? null) : (edited?.userId ?? null),
        };
        if (edited) await spotChecksApi.updateInspector(edited.id, { ...body, active: edited.active });
        else await spotChecksApi.createInspector(body);
      }
      if (props.what === 'pool')
        // The fields and the JSON view were checked already; parsing again sends exactly the contract's shape.
        await spotChecksApi.createPool({ name: v.name, filter: ZPoolFilter.parse(cleanPoolFilter(v.filter)) });
      message.success(t('common.saved'));
      props.onSaved();
      props.onClose();
    });
  return (
    <Modal
      title={edited ? t('spot.inspector.editTitle') : props.what && t(titles[props.what])}
      open={!!props.what}
      onCancel={props.onClose}
      onOk={save}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          props.what === 'pool'
            ? { filter: initialPoolFilter }
            : edited && {
                name: edited.name,
                departmentId: edited.departmentId,
                stationId: edited.stationId ?? undefined,
                qualifications: edited.qualifications.join('\n'),
                userId: edited.userId ?? undefined,
              }
        }
      >
        <Form.Item
          name="name"
          label={t('spot.form.name')}
          rules={[{ required: true, message: t('spot.form.required') }]}
        >
          <Input />
        </Form.Item>
        {props.what === 'item' && (
          <>
            <Form.Item
              name="code"
              label={t('spot.item.code')}
              rules={[{ required: true, message: t('spot.form.required') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              name="departmentId"
              label={t('spot.department')}
              rules={[{ required: true, message: t('spot.form.choose') }]}
            >
              <Select options={options(props.departments)} />
            </Form.Item>
            <Form.Item name="level" label={t('spot.item.level')} initialValue="general">
              <Select
                options={[
                  { value: 'general', label: t('spot.level.general') },
                  { value: 'key', label: t('spot.level.key') },
                ]}
              />
            </Form.Item>
            <Form.Item
              name="legalBasis"
              label={t('spot.item.legalBasis')}
              rules={[{ required: true, message: t('spot.form.required') }]}
            >
              <Input />
            </Form.Item>
            <Form.Item name="checklist" label={t('spot.item.checklistLines')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {props.what === 'inspector' && (
          <>
            <Form.Item
              name="departmentId"
              label={t('spot.department')}
              rules={[{ required: true, message: t('spot.form.choose') }]}
            >
              <Select options={options(props.departments)} />
            </Form.Item>
            <Form.Item name="stationId" label={t('spot.inspector.stationOptional')}>
              <Select allowClear options={options(props.stations)} />
            </Form.Item>
            <Form.Item name="qualifications" label={t('spot.inspector.qualificationLines')}>
              <Input.TextArea rows={2} />
            </Form.Item>
            {props.canPickUser && (
              <Form.Item name="userId" label={t('spot.inspector.user')} extra={t('spot.inspector.userHint')}>
                <UserSelect
                  placeholder={t('common.typeToSearch')}
                  initialOption={edited?.userId ? { value: edited.userId, label: edited.username ?? '' } : undefined}
                />
              </Form.Item>
            )}
          </>
        )}
        {props.what === 'pool' && <PoolFilterFields form={form} stations={props.stations} />}
      </Form>
    </Modal>
  );
}
