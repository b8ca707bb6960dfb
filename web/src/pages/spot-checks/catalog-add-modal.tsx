import { App, Form, Input, Modal, Select } from 'antd';
import type { TInspector } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { UserSelect } from '../../components/user-select.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

const typeOptions = [
  { value: 'enterprise', label: '企业' },
  { value: 'individualBusiness', label: '个体工商户' },
  { value: 'farmerCooperative', label: '农民专业合作社' },
];

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
  types?: ('enterprise' | 'individualBusiness' | 'farmerCooperative')[];
  stationIds?: number[];
  industryPrefix?: string;
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
        await spotChecksApi.createPool({
          name: v.name,
          filter: { types: v.types, stationIds: v.stationIds, industryPrefix: v.industryPrefix || undefined },
        });
      message.success('已保存');
      props.onSaved();
      props.onClose();
    });
  const title = { item: '新增抽查事项', inspector: '新增检查人员', pool: '新增检查对象名录库' };
  return (
    <Modal
      title={edited ? '修改检查人员' : props.what && title[props.what]}
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
          edited && {
            name: edited.name,
            departmentId: edited.departmentId,
            stationId: edited.stationId ?? undefined,
            qualifications: edited.qualifications.join('\n'),
            userId: edited.userId ?? undefined,
          }
        }
      >
        <Form.Item name="name" label="名称" rules={[{ required: true, message: '请填写' }]}>
          <Input />
        </Form.Item>
        {props.what === 'item' && (
          <>
            <Form.Item name="code" label="编号" rules={[{ required: true, message: '请填写' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="departmentId" label="科室" rules={[{ required: true, message: '请选择' }]}>
              <Select options={options(props.departments)} />
            </Form.Item>
            <Form.Item name="level" label="类别" initialValue="general">
              <Select
                options={[
                  { value: 'general', label: '一般' },
                  { value: 'key', label: '重点' },
                ]}
              />
            </Form.Item>
            <Form.Item name="legalBasis" label="法律依据" rules={[{ required: true, message: '请填写' }]}>
              <Input />
            </Form.Item>
            <Form.Item name="checklist" label="检查要点（每行一条）">
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {props.what === 'inspector' && (
          <>
            <Form.Item name="departmentId" label="科室" rules={[{ required: true, message: '请选择' }]}>
              <Select options={options(props.departments)} />
            </Form.Item>
            <Form.Item name="stationId" label="所在所（局机关不选）">
              <Select allowClear options={options(props.stations)} />
            </Form.Item>
            <Form.Item name="qualifications" label="资格（每行一条）">
              <Input.TextArea rows={2} />
            </Form.Item>
            {props.canPickUser && (
              <Form.Item name="userId" label="关联系统账号" extra="可不填；关联后该人员登录即可看到分派给自己的检查">
                <UserSelect
                  placeholder="输入姓名或用户名搜索"
                  initialOption={edited?.userId ? { value: edited.userId, label: edited.username ?? '' } : undefined}
                />
              </Form.Item>
            )}
          </>
        )}
        {props.what === 'pool' && (
          <>
            <Form.Item name="types" label="主体类型">
              <Select mode="multiple" options={typeOptions} />
            </Form.Item>
            <Form.Item name="stationIds" label="管辖所">
              <Select mode="multiple" options={options(props.stations)} />
            </Form.Item>
            <Form.Item name="industryPrefix" label="行业代码前缀">
              <Input placeholder="如 62（餐饮业）" />
            </Form.Item>
            <p>默认只含存续（在业）的市场主体。</p>
          </>
        )}
      </Form>
    </Modal>
  );
}
