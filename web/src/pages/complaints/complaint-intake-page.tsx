import { Button, Card, Checkbox, DatePicker, Form, Input, Result, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { complaintsApi, type TIntakeResult } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { BusinessFields } from './business-field.tsx';
import { toCategoryTree } from './category-tree.ts';
import { intakeKindOptions, kindLabel, staffChannelOptions, yuanToFen } from './complaint-labels.ts';
import { ComplaintMatterFields } from './complaint-matter-fields.tsx';

interface IntakeValues {
  kind: 'complaint' | 'report' | 'inquiry' | 'complaintAndReport';
  channel: 'phone' | 'letter' | 'visit';
  person: { name: string; phone: string; idNumber?: string; confidential?: boolean };
  business?: { entityId?: number; uscc?: string; name?: string; address?: string };
  categoryCode?: string;
  amountYuan?: number | null;
  description: string;
  receivedOn?: Dayjs;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

export function ComplaintIntakePage() {
  const t = useT();
  const [form] = Form.useForm<IntakeValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const categories = useAsync((signal) => complaintsApi.categories({ signal }), queryKeys.complaints.categories());
  const tree = useMemo(() => toCategoryTree(categories.data ?? []), [categories.data]);
  const [result, setResult] = useState<TIntakeResult>();
  const [attachments, setAttachments] = useState<string[]>([]);
  const [uploadKey, setUploadKey] = useState(0);

  const onSubmit = () =>
    submit(async (v) => {
      const b = v.business ?? {};
      const business = b.entityId
        ? { entityId: Number(b.entityId) }
        : blank(b.uscc) || blank(b.name)
          ? { uscc: blank(b.uscc), name: blank(b.name), address: blank(b.address) }
          : undefined;
      setResult(
        await complaintsApi.intake({
          kind: v.kind,
          channel: v.channel,
          person: { ...v.person, idNumber: blank(v.person.idNumber), confidential: v.person.confidential ?? false },
          business,
          categoryCode: v.categoryCode,
          amountFen: yuanToFen(v.amountYuan),
          description: v.description,
          receivedOn: v.receivedOn?.format('YYYY-MM-DD'),
          attachments: attachments.length ? attachments : undefined,
        }),
      );
    });

  if (result)
    return (
      <Result
        status="success"
        title={t('complaints.intakeDone')}
        subTitle={
          <Space orientation="vertical" data-testid="intake-result">
            {result.items.map((i) => (
              <span key={i.id}>
                {kindLabel(t, i.kind)} {t('complaints.trackingCode')}{' '}
                <Link to={`/complaints/${i.id}`}>{i.trackingCode}</Link> → {i.stationName}
              </span>
            ))}
          </Space>
        }
        extra={
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              setAttachments([]);
              setUploadKey((k) => k + 1);
              setResult(undefined);
            }}
          >
            {t('complaints.intakeAnother')}{' '}
          </Button>
        }
      />
    );

  return (
    <>
      <PageHeader title={t('nav.complaintsNew')} />
      {categories.error && <LoadError error={categories.error} onRetry={categories.reload} />}
      <Card style={{ maxWidth: 880 }}>
        <FormAlert failure={failure} />
        <Form<IntakeValues>
          form={form}
          layout="horizontal"
          labelCol={{ span: 6 }}
          wrapperCol={{ span: 16 }}
          initialValues={{ kind: 'complaint', channel: 'phone', person: { confidential: false } }}
        >
          <Form.Item name="kind" label={t('complaints.matterKind')} rules={[{ required: true }]}>
            <Select options={intakeKindOptions(t)} data-testid="intake-kind" />
          </Form.Item>
          <Form.Item name="channel" label={t('complaints.sourceChannel')} rules={[{ required: true }]}>
            <Select options={staffChannelOptions(t)} data-testid="intake-channel" />
          </Form.Item>
          <Form.Item
            name={['person', 'name']}
            label={t('complaints.personName')}
            rules={[{ required: true, message: t('complaints.personNameRequired') }]}
          >
            <Input maxLength={50} data-testid="intake-person-name" />
          </Form.Item>
          <Form.Item
            name={['person', 'phone']}
            label={t('complaints.personPhone')}
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('complaints.personPhoneRequired') }]}
          >
            <Input maxLength={11} data-testid="intake-person-phone" />
          </Form.Item>
          <Form.Item name={['person', 'idNumber']} label={t('complaints.idNumber')}>
            <Input maxLength={18} placeholder={t('complaints.optional')} />
          </Form.Item>
          <Form.Item
            name={['person', 'confidential']}
            label={t('complaints.wantsConfidential')}
            valuePropName="checked"
          >
            <Checkbox>{t('complaints.confidentialReporter')}</Checkbox>
          </Form.Item>
          <BusinessFields />
          <ComplaintMatterFields
            testPrefix="intake"
            categoryLabel={t('complaints.goodsCategory')}
            categoryTree={tree}
            categoriesLoading={categories.loading}
            attachmentsLabel={t('complaints.attachments')}
            uploadKey={uploadKey}
            upload={complaintsApi.upload}
            onAttachmentsChange={setAttachments}
          />
          <Form.Item name="receivedOn" label={t('complaints.receivedDate')} extra={t('complaints.receivedDateHint')}>
            <DatePicker />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Button type="primary" onClick={onSubmit} loading={submitting} data-testid="intake-submit">
              {t('complaints.register')}{' '}
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
