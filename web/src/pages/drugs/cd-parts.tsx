import { Button, DatePicker, Drawer, Form, Input, Modal, message, Select, Space, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { TAdverseEvent, TCdBusiness } from '../../../../src/contracts/cosmetics-devices.ts';
import type { TEntitySummary } from '../../../../src/contracts/entities.ts';
import {
  type AdverseEventAction,
  type AdverseSeverity,
  adverseEventWorkflow,
  adverseSeverities,
  businessNumberProblem,
  type CdCategory,
  type CdLicenceKind,
  cdCategories,
  cdLicenceKinds,
  productNumberProblem,
} from '../../../../src/domain/cosmetics-devices.ts';
import { complaintsApi } from '../../api/complaints.ts';
import { cdApi } from '../../api/cosmetics-devices.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { RemoteSearchSelect } from '../../components/remote-search-select.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

type T = ReturnType<typeof useT>;

export const categoryOptions = (t: T) =>
  (Object.keys(cdCategories) as CdCategory[]).map((c) => ({ value: c, label: t(`cd.category.${c}`) }));
const kindOptions = (t: T) =>
  (Object.keys(cdLicenceKinds) as CdLicenceKind[]).map((k) => ({ value: k, label: t(`cd.licenceKind.${k}`) }));
const severityOptions = (t: T) =>
  (Object.keys(adverseSeverities) as AdverseSeverity[]).map((s) => ({ value: s, label: t(`cd.severity.${s}`) }));

const severityColour: Record<AdverseSeverity, string> = { general: 'default', serious: 'orange', death: 'red' };
export const SeverityTag = ({ severity }: { severity: AdverseSeverity }) => {
  const t = useT();
  return <Tag color={severityColour[severity]}>{t(`cd.severity.${severity}`)}</Tag>;
};
export const CategoryTag = ({ category }: { category: CdCategory }) => {
  const t = useT();
  return <Tag color={category === 'device' ? 'geekblue' : 'magenta'}>{t(`cd.category.${category}`)}</Tag>;
};
export const licenceKindLabel = (t: T, k: CdLicenceKind) => t(`cd.licenceKind.${k}`);

const searchEntities = async (q: string, signal: AbortSignal) =>
  (await complaintsApi.searchEntities(q, { signal })).items;

type BusinessValues = {
  entityId: number;
  category: CdCategory;
  licenceKind: CdLicenceKind;
  licenceNo: string;
  scope?: string;
};

/** 新增经营者: the licence / 备案 number checked against the domain format before it is sent. */
export function AddBusinessDrawer({ onDone }: { onDone: (b: TCdBusiness) => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<BusinessValues>();
  const { submit, submitting, failure, clear } = useFormSubmit(form);
  const close = () => {
    setOpen(false);
    form.resetFields();
    clear();
  };
  const onSave = () =>
    submit(async (v) => {
      const b = await cdApi.createBusiness(v);
      message.success(t('cd.business.created', { name: b.entityName }));
      onDone(b);
      close();
    });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="cd-business-add">
        {t('cd.business.add')}
      </Button>
      <Drawer
        open={open}
        onClose={close}
        title={t('cd.business.add')}
        destroyOnHidden
        extra={
          <Button type="primary" loading={submitting} onClick={onSave} data-testid="cd-business-save">
            {t('common.save')}
          </Button>
        }
        data-testid="cd-business-drawer"
      >
        <FormAlert failure={failure} />
        <Form<BusinessValues> form={form} layout="vertical" initialValues={{ licenceKind: 'licence' }}>
          <Form.Item
            name="entityId"
            label={t('cd.business.entity')}
            rules={[{ required: true, message: t('cd.business.entityRequired') }]}
          >
            <RemoteSearchSelect
              queryKey={queryKeys.entities.search}
              search={searchEntities}
              toOption={(e: TEntitySummary) => ({ value: e.id, label: `${e.name} (${e.uscc})` })}
              minChars={2}
              placeholder={t('cd.business.entitySearch')}
              hint={t('cd.business.entitySearch')}
              style={{ width: '100%' }}
              data-testid="cd-business-entity"
            />
          </Form.Item>
          <Form.Item
            name="category"
            label={t('cd.business.category')}
            rules={[{ required: true, message: t('cd.business.categoryRequired') }]}
          >
            <Select
              options={categoryOptions(t)}
              onChange={() => form.getFieldValue('licenceNo') && form.validateFields(['licenceNo'])}
              data-testid="cd-business-category"
            />
          </Form.Item>
          <Form.Item
            name="licenceKind"
            label={t('cd.business.licenceKind')}
            rules={[{ required: true, message: t('cd.business.licenceKindRequired') }]}
          >
            <Select
              options={kindOptions(t)}
              onChange={() => form.getFieldValue('licenceNo') && form.validateFields(['licenceNo'])}
              data-testid="cd-business-kind"
            />
          </Form.Item>
          <Form.Item
            name="licenceNo"
            label={t('cd.business.licenceNo')}
            dependencies={['category', 'licenceKind']}
            rules={[
              { required: true, whitespace: true, message: t('cd.business.licenceNoRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const category = getFieldValue('category') as CdCategory | undefined;
                  const kind = getFieldValue('licenceKind') as CdLicenceKind | undefined;
                  if (!value?.trim() || !category || !kind) return;
                  const problem = businessNumberProblem(category, kind, value.trim());
                  if (problem) throw new Error(problem);
                },
              }),
            ]}
          >
            <Input maxLength={60} data-testid="cd-business-no" />
          </Form.Item>
          <Form.Item name="scope" label={t('cd.business.scope')}>
            <Input.TextArea maxLength={500} rows={3} data-testid="cd-business-scope" />
          </Form.Item>
        </Form>
      </Drawer>
    </>
  );
}

type EventValues = {
  businessId: number;
  productName: string;
  registrationNo: string;
  severity: AdverseSeverity;
  description: string;
  occurredOn: Dayjs;
};

/** 报告不良事件: for one business (its detail page) or one picked from the list; the product number checked. */
export function ReportEventButton({
  business,
  onDone,
}: {
  business?: TCdBusiness;
  onDone: (e: TAdverseEvent) => void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<EventValues>();
  const { submit, submitting, failure, clear } = useFormSubmit(form);
  // The business picked from the search-as-you-type list: its category decides which product numbers fit.
  const [picked, setPicked] = useState<TCdBusiness>();
  const categoryOf = (id: number | undefined) => (business?.id === id ? business : picked)?.category;
  const close = () => {
    setOpen(false);
    form.resetFields();
    clear();
  };
  const onSave = () =>
    submit(async (v) => {
      const e = await cdApi.report({ ...v, occurredOn: v.occurredOn.format('YYYY-MM-DD') });
      message.success(t('cd.event.reported'));
      onDone(e);
      close();
    });
  return (
    <>
      <Button type="primary" onClick={() => setOpen(true)} data-testid="cd-event-add">
        {t('cd.event.report')}
      </Button>
      <Modal
        open={open}
        title={business ? `${t('cd.event.report')} · ${business.entityName}` : t('cd.event.report')}
        onCancel={close}
        onOk={onSave}
        confirmLoading={submitting}
        okButtonProps={{ 'data-testid': 'cd-event-save' }}
        destroyOnHidden
        data-testid="cd-event-modal"
      >
        <FormAlert failure={failure} />
        <Form<EventValues>
          form={form}
          layout="vertical"
          initialValues={{ businessId: business?.id, severity: 'general', occurredOn: dayjs() }}
        >
          <Form.Item
            name="businessId"
            label={t('cd.event.business')}
            hidden={!!business}
            rules={[{ required: true, message: t('cd.event.businessRequired') }]}
          >
            <RemoteSearchSelect
              queryKey={(q) => ['cd', 'businesses', 'search', q]}
              search={(q, signal) => cdApi.searchBusinesses(q, { signal })}
              toOption={(b: TCdBusiness) => ({
                value: b.id,
                label: `${b.entityName} · ${t(`cd.category.${b.category}`)} · ${b.licenceNo}`,
                business: b,
              })}
              onSelect={(_, o) => setPicked(o.business)}
              minChars={2}
              placeholder={t('cd.business.searchHint')}
              hint={t('cd.business.searchHint')}
              style={{ width: '100%' }}
              data-testid="cd-event-business"
            />
          </Form.Item>
          <Form.Item
            name="productName"
            label={t('cd.event.productName')}
            rules={[{ required: true, whitespace: true, message: t('cd.event.productNameRequired') }]}
          >
            <Input maxLength={200} data-testid="cd-event-product" />
          </Form.Item>
          <Form.Item
            name="registrationNo"
            label={t('cd.event.registrationNo')}
            dependencies={['businessId']}
            rules={[
              { required: true, whitespace: true, message: t('cd.event.registrationNoRequired') },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const category = categoryOf(getFieldValue('businessId') as number | undefined);
                  if (!value?.trim() || !category) return;
                  const problem = productNumberProblem(category, value.trim());
                  if (problem) throw new Error(problem);
                },
              }),
            ]}
          >
            <Input maxLength={60} data-testid="cd-event-regno" />
          </Form.Item>
          <Form.Item
            name="severity"
            label={t('cd.event.severity')}
            rules={[{ required: true, message: t('cd.event.severityRequired') }]}
          >
            <Select options={severityOptions(t)} data-testid="cd-event-severity" />
          </Form.Item>
          <Form.Item
            name="occurredOn"
            label={t('cd.event.occurredOn')}
            rules={[{ required: true, message: t('cd.event.occurredOnRequired') }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              disabledDate={(d) => d.isAfter(dayjs(), 'day')}
              data-testid="cd-event-date"
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={t('cd.event.description')}
            rules={[{ required: true, whitespace: true, message: t('cd.event.descriptionRequired') }]}
          >
            <Input.TextArea maxLength={4000} rows={4} data-testid="cd-event-description" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

const actionsFrom = (status: TAdverseEvent['status']) =>
  (Object.keys(adverseEventWorkflow) as AdverseEventAction[]).filter((a) =>
    (adverseEventWorkflow[a].from as readonly string[]).includes(status),
  );

/** The transitions the workflow table allows from the report's status; a note where the table requires one. */
export function EventActions({ event, onDone }: { event: TAdverseEvent; onDone: (e: TAdverseEvent) => void }) {
  const t = useT();
  const [action, setAction] = useState<AdverseEventAction>();
  const [form] = Form.useForm<{ note?: string }>();
  const { submit, submitting, failure, clear } = useFormSubmit(form);
  const close = () => {
    setAction(undefined);
    form.resetFields();
    clear();
  };
  const needsNote = action ? (adverseEventWorkflow[action].requires as readonly string[]).includes('note') : false;
  const onOk = () =>
    submit(async (v) => {
      if (!action) return;
      const e = await cdApi.transition(event.id, { action, note: v.note?.trim() || undefined, version: event.version });
      message.success(t('cd.event.done', { action: t(`cd.action.${action}`) }));
      onDone(e);
      close();
    });
  return (
    <>
      <Space size={4} wrap>
        {actionsFrom(event.status).map((a) => (
          <Button key={a} size="small" onClick={() => setAction(a)} data-testid={`cd-event-${a}-${event.id}`}>
            {t(`cd.action.${a}`)}
          </Button>
        ))}
      </Space>
      <Modal
        open={!!action}
        title={action ? `${t(`cd.action.${action}`)} · ${event.productName}` : undefined}
        onCancel={close}
        onOk={onOk}
        confirmLoading={submitting}
        okButtonProps={{ 'data-testid': 'cd-event-action-ok' }}
        destroyOnHidden
        data-testid="cd-event-action-modal"
      >
        <FormAlert failure={failure} />
        <Form form={form} layout="vertical">
          <Form.Item
            name="note"
            label={t('cd.event.note')}
            rules={needsNote ? [{ required: true, whitespace: true, message: t('cd.event.noteRequired') }] : []}
          >
            <Input.TextArea maxLength={1000} rows={3} data-testid="cd-event-note" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
