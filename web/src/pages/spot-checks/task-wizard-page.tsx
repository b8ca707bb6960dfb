import { App, Button, Card, Checkbox, Form, Input, InputNumber, Select, Space, Steps, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { queryKeys } from '../../api/query-keys.ts';
import { spotChecksApi, type TTaskInput } from '../../api/spot-checks.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

const steps = ['计划与名称', '抽查事项', '名录库与比例', '检查人员'];
const stepFields: string[][] = [['planId', 'name'], ['itemIds'], ['poolId', 'ratios'], []];

/** 新建抽查任务: items may come from several departments (a joint 1+N task); ratios per risk class. */
export function TaskWizardPage() {
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
      message.success('任务已创建');
      navigate(`/spot-checks/tasks/${task.id}`);
    });
  const show = (i: number) => ({ display: step === i ? undefined : 'none' });
  return (
    <>
      <PageHeader title="新建抽查任务" />
      {data.error && <LoadError error={data.error} onRetry={data.reload} />}
      <Steps current={step} items={steps.map((title) => ({ title }))} style={{ marginBottom: 16 }} />
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
            <Form.Item name="planId" label="抽查计划" rules={[{ required: true, message: '请选择计划' }]}>
              <Select data-testid="task-plan" options={plans.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
            <Form.Item name="name" label="任务名称" rules={[{ required: true, message: '请填写任务名称' }]}>
              <Input data-testid="task-name" />
            </Form.Item>
          </div>
          <div style={show(1)}>
            <Form.Item
              name="itemIds"
              label="抽查事项（可跨科室选择，形成部门联合抽查）"
              rules={[{ required: true, type: 'array', min: 1, message: '至少选择一个事项' }]}
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
                            {i.level === 'key' ? '（重点）' : ''}
                          </Checkbox>
                        ))}
                    </div>
                  </div>
                ))}
              </Checkbox.Group>
            </Form.Item>
          </div>
          <div style={show(2)}>
            <Form.Item name="poolId" label="检查对象名录库" rules={[{ required: true, message: '请选择名录库' }]}>
              <Select data-testid="task-pool" options={pools.map((p) => ({ value: p.id, label: p.name }))} />
            </Form.Item>
            <Typography.Paragraph type="secondary">
              按信用风险分类的抽查比例（%）；未分类的市场主体按 B 类（一般风险）计。
            </Typography.Paragraph>
            <Space wrap>
              {(['A', 'B', 'C', 'D'] as const).map((c) => (
                <Form.Item key={c} name={['ratios', c]} label={`${c} 类`} rules={[{ required: true, message: '必填' }]}>
                  <InputNumber min={0} max={100} step={1} addonAfter="%" data-testid={`ratio-${c}`} />
                </Form.Item>
              ))}
            </Space>
          </div>
          <div style={show(3)}>
            <Form.Item name="inspectorsPerVisit" label="每户检查人员数">
              <InputNumber min={2} max={6} />
            </Form.Item>
            <Form.Item name="avoidOwnStation" label="回避本所人员" valuePropName="checked">
              <Switch />
            </Form.Item>
          </div>
          <Space>
            {step > 0 && <Button onClick={() => setStep(step - 1)}>上一步</Button>}
            {step < steps.length - 1 && (
              <Button type="primary" onClick={next} data-testid="wizard-next">
                下一步
              </Button>
            )}
            {step === steps.length - 1 && (
              <Button type="primary" loading={submitting} onClick={save} data-testid="wizard-save">
                创建任务
              </Button>
            )}
          </Space>
        </Form>
      </Card>
    </>
  );
}
