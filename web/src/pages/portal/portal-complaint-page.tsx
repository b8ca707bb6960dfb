import { Button, Card, Checkbox, Form, Input, Radio, Result, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { portalApi, type TIntakeResult } from '../../api/complaints.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { toCategoryTree } from '../complaints/category-tree.ts';
import { intakeKindOptions, kindLabel, yuanToFen } from '../complaints/complaint-labels.ts';
import { ComplaintMatterFields } from '../complaints/complaint-matter-fields.tsx';
import { newIdempotencyKey, PortalShell } from './portal-shell.tsx';

interface Values {
  kind: 'complaint' | 'report' | 'inquiry' | 'complaintAndReport';
  person: { name: string; phone: string; confidential?: boolean };
  business?: { name?: string; uscc?: string; address?: string };
  categoryCode?: string;
  amountYuan?: number | null;
  description: string;
}

const blank = (s: string | undefined) => (s?.trim() ? s.trim() : undefined);

export function PortalComplaintPage() {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const [idempotencyKey, setIdempotencyKey] = useState(newIdempotencyKey);
  const [result, setResult] = useState<TIntakeResult>();
  const [phone, setPhone] = useState('');
  const [attachments, setAttachments] = useState<string[]>([]);
  const [uploadKey, setUploadKey] = useState(0);
  const categories = useAsync((signal) => portalApi.categories({ signal }), queryKeys.public.complaintCategories());
  const tree = useMemo(() => toCategoryTree(categories.data ?? []), [categories.data]);

  const onSubmit = () =>
    submit(async (v) => {
      const b = v.business ?? {};
      const business =
        blank(b.uscc) || blank(b.name)
          ? { uscc: blank(b.uscc), name: blank(b.name), address: blank(b.address) }
          : undefined;
      const answer = await portalApi.submit(
        {
          kind: v.kind,
          person: { ...v.person, confidential: v.person.confidential ?? false },
          business,
          categoryCode: v.categoryCode,
          amountFen: yuanToFen(v.amountYuan),
          description: v.description,
          attachments: attachments.length ? attachments : undefined,
        },
        idempotencyKey,
      );
      setPhone(v.person.phone);
      setResult(answer);
    });

  if (result)
    return (
      <PortalShell>
        <Result
          status="success"
          title={t('portal.submitted')}
          subTitle={t('portal.submittedHint')}
          extra={[
            <div key="codes" data-testid="portal-result" style={{ marginBottom: 16 }}>
              {result.items.map((i) => (
                <div key={i.trackingCode}>
                  {t('portal.kindCode', { kind: kindLabel(t, i.kind) })}
                  <Typography.Text copyable strong style={{ fontSize: 20 }} data-testid="portal-tracking-code">
                    {i.trackingCode}
                  </Typography.Text>
                  {t('portal.handledBy', { station: i.stationName })}
                </div>
              ))}
            </div>,
            // Router state, not the query string: the code and phone digits stay out of URLs and server logs.
            <Link
              key="track"
              to="/portal/track"
              state={{ code: result.items[0]?.trackingCode ?? '', last4: phone.slice(-4) }}
            >
              <Button type="primary">{t('portal.trackProgress')}</Button>
            </Link>,
            <Button
              key="again"
              onClick={() => {
                form.resetFields();
                setAttachments([]);
                setUploadKey((k) => k + 1);
                setIdempotencyKey(newIdempotencyKey());
                setResult(undefined);
              }}
            >
              {t('portal.submitAnother')}{' '}
            </Button>,
          ]}
        />
      </PortalShell>
    );

  return (
    <PortalShell>
      <Card title={t('portal.navComplaint')}>
        <FormAlert failure={failure} />
        <Form<Values>
          form={form}
          layout="vertical"
          initialValues={{ kind: 'complaint', person: { confidential: false } }}
        >
          <Form.Item name="kind" label={t('complaints.matterKind')}>
            <Radio.Group options={intakeKindOptions(t)} optionType="button" data-testid="portal-kind" />
          </Form.Item>
          <Form.Item
            name={['person', 'name']}
            label={t('portal.yourName')}
            rules={[{ required: true, message: t('complaints.personNameRequired') }]}
          >
            <Input maxLength={50} data-testid="portal-name" />
          </Form.Item>
          <Form.Item
            name={['person', 'phone']}
            label={t('complaints.personPhone')}
            rules={[{ required: true, pattern: /^1[3-9]\d{9}$/, message: t('complaints.personPhoneRequired') }]}
          >
            <Input maxLength={11} data-testid="portal-phone" />
          </Form.Item>
          <Form.Item name={['person', 'confidential']} valuePropName="checked">
            <Checkbox>{t('portal.keepConfidential')}</Checkbox>
          </Form.Item>
          <Form.Item name={['business', 'name']} label={t('portal.businessName')}>
            <Input maxLength={200} data-testid="portal-business-name" />
          </Form.Item>
          <Form.Item name={['business', 'uscc']} label={t('portal.uscc')}>
            <Input maxLength={18} data-testid="portal-business-uscc" />
          </Form.Item>
          <Form.Item name={['business', 'address']} label={t('complaints.businessAddress')}>
            <Input maxLength={300} placeholder={t('portal.addressExample')} data-testid="portal-business-address" />
          </Form.Item>
          <ComplaintMatterFields
            testPrefix="portal"
            categoryLabel={t('portal.category')}
            categoryTree={tree}
            categoriesLoading={categories.loading}
            attachmentsLabel={t('portal.evidence')}
            uploadKey={uploadKey}
            upload={portalApi.upload}
            onAttachmentsChange={setAttachments}
          />
          <Button type="primary" onClick={onSubmit} loading={submitting} data-testid="portal-submit">
            {t('portal.submit')}{' '}
          </Button>
        </Form>
      </Card>
    </PortalShell>
  );
}
