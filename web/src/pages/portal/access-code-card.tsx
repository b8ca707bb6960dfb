import { Button, Card, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { FormAlert } from '../../components/form-alert.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

/** A portal form's one big submit button, thumb-sized on a phone. */
export function PhoneSubmit(props: { loading: boolean; testId: string; children: ReactNode }) {
  return (
    <Button type="primary" htmlType="submit" block size="large" loading={props.loading} data-testid={props.testId}>
      {props.children}
    </Button>
  );
}

/**
 * The login of a portal page opened with an access code (a pharmacy's key-drug registration, a food business's
 * grades): one code typed on a phone, handed to `onOpen`; a wrong code's answer (path accessCode) shows on the field.
 * The page keeps the code it opened with for its later calls.
 */
export function AccessCodeCard(props: {
  title: string;
  label: string;
  hint: string;
  openLabel: string;
  testIds: { code: string; open: string };
  onOpen: (code: string) => Promise<void>;
}) {
  const [form] = Form.useForm<{ accessCode: string }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  return (
    <Card title={props.title}>
      <FormAlert failure={failure} />
      <Form form={form} layout="vertical" onFinish={() => submit((v) => props.onOpen(v.accessCode.trim()))}>
        <Form.Item name="accessCode" label={props.label} extra={props.hint} rules={[{ required: true }]}>
          <Input size="large" autoComplete="off" autoCapitalize="characters" data-testid={props.testIds.code} />
        </Form.Item>
        <PhoneSubmit loading={submitting} testId={props.testIds.open}>
          {props.openLabel}
        </PhoneSubmit>
      </Form>
    </Card>
  );
}
