import { Button, Card, Checkbox, DatePicker, Form, Input, Result, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { complaintsApi, type TIntakeResult } from '../../api/complaints.ts';
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
  const categories = useAsync(complaintsApi.categories);
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
        title="登记成功"
        subTitle={
          <Space orientation="vertical" data-testid="intake-result">
            {result.items.map((i) => (
              <span key={i.id}>
                {kindLabel(t, i.kind)} 查询码 <Link to={`/complaints/${i.id}`}>{i.trackingCode}</Link> → {i.stationName}
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
            继续登记
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
          <Form.Item name="kind" label="事项类型" rules={[{ required: true }]}>
            <Select options={intakeKindOptions(t)} data-testid="intake-kind" />
          </Form.Item>
          <Form.Item name="channel" label="来源渠道" rules={[{ required: true }]}>
            <Select options={staffChannelOptions(t)} data-testid="intake-channel" />
          </Form.Item>
          <Form.Item name={['person', 'name']} label="姓名" rules={[{ required: true, message: '请填写姓名' }]}>
            <Input maxLength={50} data-testid="intake-person-name" />
          </Form.Item>
          <Form.Item
            name={['person', 'phone']}
            label="手机号码"
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: '请填写11位手机号码' }]}
          >
            <Input maxLength={11} data-testid="intake-person-phone" />
          </Form.Item>
          <Form.Item name={['person', 'idNumber']} label="身份证号">
            <Input maxLength={18} placeholder="可不填" />
          </Form.Item>
          <Form.Item name={['person', 'confidential']} label="要求保密" valuePropName="checked">
            <Checkbox>举报人信息保密</Checkbox>
          </Form.Item>
          <BusinessFields />
          <ComplaintMatterFields
            testPrefix="intake"
            categoryLabel="商品和服务类别"
            categoryTree={tree}
            categoriesLoading={categories.loading}
            attachmentsLabel="附件"
            uploadKey={uploadKey}
            upload={complaintsApi.upload}
            onAttachmentsChange={setAttachments}
          />
          <Form.Item name="receivedOn" label="接收日期" extra="不填为今天；补录来信时填写收信日期">
            <DatePicker />
          </Form.Item>
          <Form.Item wrapperCol={{ offset: 6 }}>
            <Button type="primary" onClick={onSubmit} loading={submitting} data-testid="intake-submit">
              登记
            </Button>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
