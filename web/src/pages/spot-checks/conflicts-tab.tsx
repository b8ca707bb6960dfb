import { App, Button, Card, Form, Input, Modal, Popconfirm, Select, Table } from 'antd';
import { useState } from 'react';
import type { TEntitySummary } from '../../../../src/contracts/entities.ts';
import type { TConflict, TInspector } from '../../../../src/contracts/spot-checks.ts';
import { toApiError } from '../../api/errors.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { RemoteSearchSelect } from '../../components/remote-search-select.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

/** 回避声明: who may not be sent to which market entity; the draw skips these pairs. */
export function ConflictsTab({ inspectors }: { inspectors: TInspector[] }) {
  const { message } = App.useApp();
  const { can } = useAuth();
  const { lang } = useI18n();
  const list = useAsync((signal) => spotChecksApi.conflicts({ signal }), queryKeys.spotChecks.conflicts());
  const [declaring, setDeclaring] = useState(false);
  const remove = async (c: TConflict) => {
    try {
      await spotChecksApi.removeConflict(c.inspectorId, c.entityId);
      message.success('已撤销回避声明');
      list.reload();
    } catch (err) {
      message.error(toApiError(err).detail);
    }
  };
  return (
    <Card
      size="small"
      extra={
        can('spotcheck:write') && (
          <Button onClick={() => setDeclaring(true)} data-testid="add-conflict">
            申报回避
          </Button>
        )
      }
    >
      {list.error && <LoadError error={list.error} />}
      <Table<TConflict>
        rowKey={(c) => `${c.inspectorId}:${c.entityId}`}
        size="small"
        loading={list.loading}
        dataSource={list.data ?? []}
        data-testid="conflicts-table"
        columns={[
          { title: '检查人员', key: 'inspector', render: (_, c) => `${c.inspectorName}（${c.departmentName}）` },
          { title: '市场主体', dataIndex: 'entityName' },
          { title: '统一社会信用代码', dataIndex: 'uscc' },
          { title: '回避理由', dataIndex: 'reason' },
          { title: '申报时间', dataIndex: 'declaredAt', render: (at: string) => formatDateTime(at, lang) },
          ...(can('spotcheck:write')
            ? [
                {
                  title: '操作',
                  key: 'actions',
                  render: (_: unknown, c: TConflict) => (
                    <Popconfirm
                      title={`撤销${c.inspectorName}对${c.entityName}的回避声明？`}
                      onConfirm={() => remove(c)}
                    >
                      <Button type="link" size="small">
                        撤销
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      <DeclareModal
        open={declaring}
        inspectors={inspectors}
        onClose={() => setDeclaring(false)}
        onSaved={list.reload}
      />
    </Card>
  );
}

interface DeclareValues {
  inspectorId: number;
  entityId: number;
  reason: string;
}

function DeclareModal(props: { open: boolean; inspectors: TInspector[]; onClose: () => void; onSaved: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclareValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const save = () =>
    submit(async (v) => {
      await spotChecksApi.declareConflict({ inspectorId: v.inspectorId, entityId: v.entityId, reason: v.reason });
      message.success('已申报回避');
      props.onSaved();
      props.onClose();
    });
  return (
    <Modal
      title="申报回避"
      open={props.open}
      onCancel={props.onClose}
      onOk={save}
      okButtonProps={{ 'data-testid': 'conflict-save' }}
      data-testid="conflict-modal"
      confirmLoading={submitting}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="inspectorId" label="检查人员" rules={[{ required: true, message: '请选择检查人员' }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="conflict-inspector"
            options={props.inspectors
              .filter((i) => i.active)
              .map((i) => ({ value: i.id, label: `${i.name}（${i.departmentName}，${i.stationName ?? '局机关'}）` }))}
          />
        </Form.Item>
        <Form.Item name="entityId" label="市场主体" rules={[{ required: true, message: '请选择市场主体' }]}>
          <EntitySelect />
        </Form.Item>
        <Form.Item
          name="reason"
          label="回避理由"
          rules={[{ required: true, whitespace: true, message: '请填写回避理由' }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="conflict-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const searchEntities = async (q: string, signal: AbortSignal) =>
  (await spotChecksApi.searchEntities(q, { signal })).items;
const entityOption = (e: TEntitySummary) => ({ value: e.id, label: `${e.name}（${e.uscc}，${e.stationName}）` });

/** Finds a registry entity by name or USCC as one types (the registry is far too large to load). */
function EntitySelect({ value, onChange }: { value?: number; onChange?: (v: number | undefined) => void }) {
  return (
    <RemoteSearchSelect
      queryKey={queryKeys.entities.search}
      search={searchEntities}
      toOption={entityOption}
      minChars={2}
      value={value}
      onChange={onChange}
      data-testid="conflict-entity"
      placeholder="输入名称或统一社会信用代码搜索"
      hint="输入至少2个字搜索"
      forbiddenHint="无权查询登记库"
    />
  );
}
