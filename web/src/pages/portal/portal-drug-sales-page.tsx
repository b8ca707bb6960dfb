import { Card, Form, Input, InputNumber, List, message, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TPortalPharmacy } from '../../../../src/contracts/drug-sales.ts';
import { drugPortalApi } from '../../api/drug-sales.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { AccessCodeCard, PhoneSubmit } from './access-code-card.tsx';
import { PortalShell } from './portal-shell.tsx';

type SaleForm = {
  drugName: string;
  quantity: number;
  buyerName: string;
  idNumber: string;
  phone: string;
  temperature?: number;
};

/** The counter's form: one sale of a watched drug; errors (an ID number's check digit) show on their fields. */
function SaleFormCard(props: { code: string; data: TPortalPharmacy; onDone: () => void }) {
  const t = useT();
  const [form] = Form.useForm<SaleForm>();
  const { submit, submitting, failure } = useFormSubmit(form);
  return (
    <Card title={`${props.data.entityName} · ${props.data.today}`} style={{ marginTop: 16 }}>
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ quantity: 1 }}
        onFinish={() =>
          submit(async (v) => {
            await drugPortalApi.register({ ...v, accessCode: props.code });
            form.resetFields();
            props.onDone();
          })
        }
      >
        <Form.Item name="drugName" label={t('drugSales.drug')} rules={[{ required: true }]}>
          <Select
            showSearch
            data-testid="drug-portal-drug"
            options={props.data.watchList.map((w) => ({ value: w.name, label: `${w.name} (${w.drugClass})` }))}
          />
        </Form.Item>
        <Form.Item name="quantity" label={t('drugSales.quantity')} rules={[{ required: true }]}>
          <InputNumber min={1} max={999} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="buyerName" label={t('drugSales.buyer')} rules={[{ required: true }]}>
          <Input maxLength={30} data-testid="drug-portal-name" />
        </Form.Item>
        <Form.Item name="idNumber" label={t('drugSales.idNumber')} rules={[{ required: true }]}>
          <Input maxLength={18} autoComplete="off" data-testid="drug-portal-id" />
        </Form.Item>
        <Form.Item name="phone" label={t('drugSales.phone')} rules={[{ required: true }]}>
          <Input maxLength={20} inputMode="tel" data-testid="drug-portal-phone" />
        </Form.Item>
        <Form.Item name="temperature" label={t('drugSales.temperature')}>
          <InputNumber min={34} max={43} step={0.1} style={{ width: '100%' }} data-testid="drug-portal-temperature" />
        </Form.Item>
        <PhoneSubmit loading={submitting} testId="drug-portal-submit">
          {t('drugPortal.register')}
        </PhoneSubmit>
      </Form>
    </Card>
  );
}

/** 药店重点药品购药登记 (phone first, no login): the pharmacy's access code → the sale form and its latest entries. */
export function PortalDrugSalesPage() {
  const t = useT();
  const [code, setCode] = useState('');
  const [data, setData] = useState<TPortalPharmacy>();
  const [api, holder] = message.useMessage();
  const load = async (c: string) => {
    setData(await drugPortalApi.open(c));
    setCode(c);
  };
  return (
    <PortalShell>
      {holder}
      <AccessCodeCard
        title={t('drugPortal.title')}
        label={t('drugPortal.code')}
        hint={t('drugPortal.codeHint')}
        openLabel={t('drugPortal.open')}
        testIds={{ code: 'drug-portal-code', open: 'drug-portal-open' }}
        onOpen={load}
      />
      {data && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <SaleFormCard
            code={code}
            data={data}
            onDone={() => {
              void api.success(t('drugPortal.registered'));
              void load(code);
            }}
          />
          <Card title={t('drugPortal.recent')} size="small">
            <List
              size="small"
              dataSource={data.recent}
              data-testid="drug-portal-recent"
              renderItem={(r) => (
                <List.Item>
                  <Typography.Text>
                    {r.soldOn} {r.drugName} · {r.buyerName} {r.idNumber}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Space>
      )}
    </PortalShell>
  );
}
