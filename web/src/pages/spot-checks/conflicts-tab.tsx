import { App, Button, Form, Input, Modal, Popconfirm, Select, type TableColumnsType } from 'antd';
import { useState } from 'react';
import type { TEntitySummary } from '../../../../src/contracts/entities.ts';
import type { TConflict, TInspector } from '../../../../src/contracts/spot-checks.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { ListTable } from '../../components/list-page/list-table.tsx';
import { errorDetail } from '../../components/load-error.tsx';
import { RemoteSearchSelect } from '../../components/remote-search-select.tsx';
import { useI18n, useT } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

/** Conflicts of interest: who may not be sent to which market entity; the draw skips these pairs. */
export function ConflictsTab({ inspectors }: { inspectors: TInspector[] }) {
  const { message } = App.useApp();
  const { can } = useAuth();
  const { t, lang } = useI18n();
  const list = useAsync((signal) => spotChecksApi.conflicts({ signal }), queryKeys.spotChecks.conflicts());
  const [declaring, setDeclaring] = useState(false);
  const remove = async (c: TConflict) => {
    try {
      await spotChecksApi.removeConflict(c.inspectorId, c.entityId);
      message.success(t('spot.conflict.removed'));
      list.reload();
    } catch (err) {
      message.error(errorDetail(t, err));
    }
  };
  const columns: TableColumnsType<TConflict> = [
    {
      title: t('spot.inspectors'),
      key: 'inspector',
      render: (_, c) => t('spot.withDepartment', { name: c.inspectorName, department: c.departmentName }),
    },
    { title: t('spot.entity'), dataIndex: 'entityName' },
    { title: t('entities.uscc'), dataIndex: 'uscc' },
    { title: t('spot.conflict.reason'), dataIndex: 'reason' },
    { title: t('spot.conflict.declaredAt'), dataIndex: 'declaredAt', render: (at: string) => formatDateTime(at, lang) },
    ...(can('spotcheck:write')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, c: TConflict) => (
              <Popconfirm
                title={t('spot.conflict.removeConfirm', { inspector: c.inspectorName, entity: c.entityName })}
                onConfirm={() => remove(c)}
              >
                <Button type="link" size="small">
                  {t('spot.conflict.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ];
  return (
    <>
      <ListTable<TConflict>
        id="spot-conflicts"
        rowKey={(c) => `${c.inspectorId}:${c.entityId}`}
        size="small"
        columns={columns}
        source={{ kind: 'all', items: list.data ?? [], loading: list.loading, error: list.error, reload: list.reload }}
        actions={
          can('spotcheck:write') && (
            <Button onClick={() => setDeclaring(true)} data-testid="add-conflict">
              {t('spot.conflict.declare')}
            </Button>
          )
        }
        data-testid="conflicts-table"
      />
      <DeclareModal
        open={declaring}
        inspectors={inspectors}
        onClose={() => setDeclaring(false)}
        onSaved={list.reload}
      />
    </>
  );
}

interface DeclareValues {
  inspectorId: number;
  entityId: number;
  reason: string;
}

function DeclareModal(props: { open: boolean; inspectors: TInspector[]; onClose: () => void; onSaved: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclareValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const save = () =>
    submit(async (v) => {
      await spotChecksApi.declareConflict({ inspectorId: v.inspectorId, entityId: v.entityId, reason: v.reason });
      message.success(t('spot.conflict.declared'));
      props.onSaved();
      props.onClose();
    });
  return (
    <Modal
      title={t('spot.conflict.declare')}
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
        <Form.Item
          name="inspectorId"
          label={t('spot.inspectors')}
          rules={[{ required: true, message: t('spot.conflict.inspectorRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="conflict-inspector"
            options={props.inspectors
              .filter((i) => i.active)
              .map((i) => ({
                value: i.id,
                label: t('spot.inspectorOption', {
                  name: i.name,
                  department: i.departmentName,
                  station: i.stationName ?? t('spot.bureau'),
                }),
              }))}
          />
        </Form.Item>
        <Form.Item
          name="entityId"
          label={t('spot.entity')}
          rules={[{ required: true, message: t('spot.conflict.entityRequired') }]}
        >
          <EntitySelect />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('spot.conflict.reason')}
          rules={[{ required: true, whitespace: true, message: t('spot.conflict.reasonRequired') }]}
        >
          <Input.TextArea rows={2} maxLength={500} data-testid="conflict-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

const searchEntities = async (q: string, signal: AbortSignal) =>
  (await spotChecksApi.searchEntities(q, { signal })).items;

/** Finds a registry entity by name or USCC as one types (the registry is far too large to load). */
function EntitySelect({ value, onChange }: { value?: number; onChange?: (v: number | undefined) => void }) {
  const t = useT();
  return (
    <RemoteSearchSelect
      queryKey={queryKeys.entities.search}
      search={searchEntities}
      toOption={(e: TEntitySummary) => ({
        value: e.id,
        label: t('spot.entityOption', { name: e.name, uscc: e.uscc, station: e.stationName }),
      })}
      minChars={2}
      value={value}
      onChange={onChange}
      data-testid="conflict-entity"
      placeholder={t('spot.entitySearch')}
      hint={t('spot.entitySearchMin')}
      forbiddenHint={t('spot.entitySearchForbidden')}
    />
  );
}
