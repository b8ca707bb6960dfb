import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Steps, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi, type TTaskInput } from '../../api/spot-checks.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

const steps: MessageKey[] = [
  'spot.wizard.step.plan',
  'spot.wizard.step.items',
  'spot.wizard.step.pool',
  'spot.wizard.step.inspectors',
];
const stepFields: string[][] = [['planId', 'name'], ['itemIds'], ['poolId', 'ratios'], []];

/** A new inspection task: items may come from several departments (a joint 1+N task); ratios per risk class. */
export function TaskWizardPage() {
  const t = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<TTaskInput>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const [step, setStep] = useState(0);
  const data = useAsync(
    (signal) =>
      Promise.all([spotChecksApi.plans({ signal }), spotChecksApi.items({ signal }), spotChecksApi.pools({ signal })]),
    queryKeys.spotChecks.wizardRefs(),
  );
  const [plans, items, pools] = data.data ?? [[], [], []];
  const departments = [...new Set(items.map((i) => i.departmentName))];
  const next = async () => {
    await form.validateFields(stepFields[step]);
    setStep(step + 1);
  };
  const save = () =>
    submit(async (v) => {
      const task = await spotChecksApi.createTask(v);
      message.success(t('spot.task.created'));
      navigate(`/spot-checks/tasks/${task.id}`);
    });
  const show = (i: number) => ({ display: step === i ? undefined : 'none' });
  return (
    <>
      <PageHeader title={t('spot.task.new')} />
      {data.error && <LoadError error={data.error} onRetry={data.reload} />}
      <Steps current={step} items={steps.map((key) => ({ title: t(key) }))} style={{ marginBottom: 16 }} />
      <FormAlert failure={failure} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{
            ratios: { A: 3, B: 5, C: 10, D: 20 },
            inspectorsPerVisit: 2,
            avoidOwnStation: true,
            itemIds: [],
          }}
        >
          <div style={show(0)}>
            <Form.Item
              name="planId"
              label={t('spot.wizard.plan')}
              rules={[{ required: true, message: t('spot.wizard.planRequired') }]}
            >
              <Select data-testid="task-plan" options={plans.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
            <Form.Item
              name="name"
              label={t('spot.wizard.name')}
              rules={[{ required: true, message: t('spot.wizard.nameRequired') }]}
            >
              <Input data-testid="task-name" />
            </Form.Item>
          </div>
          <div style={show(1)}>
            <Form.Item
              name="itemIds"
              label={t('spot.wizard.items')}
              rules={[{ required: true, type: 'array', min: 1, message: t('spot.wizard.itemsRequired') }]}
            >
              <Checkbox.Group style={{ width: '100%' }}>
                {departments.map((d) => (
                  <div key={d} style={{ marginBottom: 8 }}>
                    <Typography.Text strong>{d}</Typography.Text>
                    <div>
                      {items
                        .filter((i) => i.departmentName === d)
                        .map((i) => (
                          <Checkbox key={i.id} value={i.id} data-testid={`item-${i.code}`}>
                            {i.name}
                            {i.level === 'key' ? t('spot.wizard.keySuffix') : ''}
                          </Checkbox>
                        ))}
                    </div>
                  </div>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </div>
          <div style={show(2)}>
            <Form.Item
              name="poolId"
              label={t('spot.wizard.pool')}
              rules={[{ required: true, message: t('spot.wizard.poolRequired') }]}
            >
              <Select data-testid="task-pool" options={pools.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
            <Typography.Paragraph type="secondary">{t('spot.wizard.ratiosHint')}</Typography.Paragraph>
            <Space wrap>
              {(['A', 'B', 'C', 'D'] as const).map((c) => (
                <Form.Item
                  key={c}
                  name={['ratios', c]}
                  label={t('spot.wizard.ratioClass', { riskClass: c })}
                  rules={[{ required: true, message: t('spot.wizard.ratioRequired') }]}
                >
                  <InputNumber min={0} max={100} step={1} addonAfter="%" data-testid={`ratio-${c}`} />
                </Form.Item>
              ))}
            </Space>
          </div>
          <div style={show(3)}>
            <Form.Item name="inspectorsPerVisit" label={t('spot.wizard.perVisit')}>
              <InputNumber min={2} max={6} />
            </Form.Item>
            <Form.Item name="avoidOwnStation" label={t('spot.wizard.avoidOwnStation')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </div>
          <Space>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>{t('spot.wizard.prev')}</Button>}
            {step < steps.length - 1 && (
              <Button type="primary" onClick={next} data-testid="wizard-next">
                {t('spot.wizard.next')}
              </Button>
            )}
            {step === steps.length - 1 && (
              <Button type="primary" loading={submitting} onClick={save} data-testid="wizard-save">
                {t('spot.wizard.create')}
              </Button>
            )}
          </Space>
        </Form>
      </Card>
    </>
  );
}
