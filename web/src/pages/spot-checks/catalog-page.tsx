import { App, Button, Card, Form, Input, Modal, Select, Table, Tabs, Tag } from 'antd';
import { useCallback, useState } from 'react';
import type { TCheckItem, TInspector, TPool } from '../../../../src/contracts/spot-checks.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { UserSelect } from '../../components/user-select.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { ConflictsTab } from './conflicts-tab.tsx';

const typeOptions = [
  { value: 'enterprise', label: '企业' },
  { value: 'individualBusiness', label: '个体工商户' },
  { value: 'farmerCooperative', label: '农民专业合作社' },
];

/** 抽查事项清单、执法检查人员名录库、检查对象名录库. */
export function SpotCheckCatalogPage() {
  const ref = useAsync(useCallback(() => spotChecksApi.reference(), []));
  const items = useAsync(useCallback(() => spotChecksApi.items(), []));
  const inspectors = useAsync(useCallback(() => spotChecksApi.inspectors(), []));
  const pools = useAsync(useCallback(() => spotChecksApi.pools(), []));
  const [adding, setAdding] = useState<'item' | 'inspector' | 'pool'>();
  const { can } = useAuth();
  const error = ref.error ?? items.error ?? inspectors.error ?? pools.error;
  const add = (what: 'item' | 'inspector' | 'pool', label: string) =>
    can('spotcheck:write') && (
      <Button onClick={() => setAdding(what)} data-testid={`add-${what}`}>
        {label}
      </Button>
    );
  return (
    <>
      <PageHeader title="抽查事项与名录库" />
      {error && <LoadError error={error} />}
      <Tabs
        items={[
          {
            key: 'items',
            label: '抽查事项清单',
            children: (
              <Card size="small" extra={add('item', '新增事项')}>
                <Table<TCheckItem>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={items.loading}
                  dataSource={items.data ?? []}
                  columns={[
                    { title: '编号', dataIndex: 'code' },
                    { title: '事项', dataIndex: 'name' },
                    { title: '科室', dataIndex: 'departmentName' },
                    {
                      title: '类别',
                      dataIndex: 'level',
                      render: (l: string) => (l === 'key' ? <Tag color="red">重点</Tag> : <Tag>一般</Tag>),
                    },
                    { title: '法律依据', dataIndex: 'legalBasis' },
                    { title: '检查要点', dataIndex: 'checklist', render: (c: string[]) => c.join('；') },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'inspectors',
            label: `执法检查人员（${inspectors.data?.length ?? 0}）`,
            children: (
              <Card size="small" extra={add('inspector', '新增人员')}>
                <Table<TInspector>
                  rowKey="id"
                  size="small"
                  loading={inspectors.loading}
                  dataSource={inspectors.data ?? []}
                  columns={[
                    { title: '姓名', dataIndex: 'name' },
                    { title: '科室', dataIndex: 'departmentName' },
                    { title: '所在所', dataIndex: 'stationName', render: (s: string | null) => s ?? '局机关' },
                    {
                      title: '资格',
                      dataIndex: 'qualifications',
                      render: (q: string[]) => q.map((x) => <Tag key={x}>{x}</Tag>),
                    },
                    { title: '账号', dataIndex: 'username', render: (u: string | null) => u ?? '—' },
                  ]}
                />
              </Card>
            ),
          },
          {
            key: 'conflicts',
            label: '回避声明',
            children: <ConflictsTab inspectors={inspectors.data ?? []} />,
          },
          {
            key: 'pools',
            label: '检查对象名录库',
            children: (
              <Card size="small" extra={add('pool', '新增名录库')}>
                <Table<TPool>
                  rowKey="id"
                  size="small"
                  pagination={false}
                  loading={pools.loading}
                  dataSource={pools.data ?? []}
                  columns={[
                    { title: '名称', dataIndex: 'name' },
                    { title: '筛选条件', key: 'filter', render: (_, p) => <code>{JSON.stringify(p.filter)}</code> },
                    { title: '当前规模', key: 'size', render: (_, p) => <PoolSize id={p.id} /> },
                  ]}
                />
              </Card>
            ),
          },
        ]}
      />
      <AddModal
        what={adding}
        onClose={() => setAdding(undefined)}
        departments={ref.data?.departments ?? []}
        stations={ref.data?.stations ?? []}
        canPickUser={can('org:user:read')}
        onSaved={() => {
          items.reload();
          inspectors.reload();
          pools.reload();
        }}
      />
    </>
  );
}

function PoolSize({ id }: { id: number }) {
  const [text, setText] = useState<string>();
  return text ? (
    <span>{text}</span>
  ) : (
    <Button
      size="small"
      onClick={() =>
        spotChecksApi
          .previewPool(id)
          .then((p) =>
            setText(
              `${p.size} 户（A ${p.byClass.A} / B ${p.byClass.B} / C ${p.byClass.C} / D ${p.byClass.D}；未分类 ${p.unclassified} 计入B）`,
            ),
          )
      }
    >
      统计
    </Button>
  );
}

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
function AddModal(props: {
  what: 'item' | 'inspector' | 'pool' | undefined;
  onClose: () => void;
  onSaved: () => void;
  departments: Option[];
  stations: Option[];
  /** Only a caller who may read users searches them for the account link. */
  canPickUser: boolean;
}) {
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
      if (props.what === 'inspector')
        await spotChecksApi.createInspector({
          name: v.name,
          departmentId: v.departmentId,
          stationId: v.stationId ?? null,
          qualifications: lines(v.qualifications),
          userId: v.userId ?? null,
        });
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
      title={props.what && title[props.what]}
      open={!!props.what}
      onCancel={props.onClose}
      onOk={save}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" preserve={false}>
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
                <UserSelect placeholder="输入姓名或用户名搜索" />
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
