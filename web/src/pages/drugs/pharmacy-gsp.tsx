import { Button, Form, Input, Modal, Radio, Select, Typography } from 'antd';
import { useState } from 'react';
import type { TGspInspection } from '../../../../src/contracts/pharmacies.ts';
import { pharmacyApi } from '../../api/pharmacies.ts';
import { spotChecksApi } from '../../api/spot-checks.ts';
import { useMe } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';

/**
 * 开始GSP检查: the caller (a registered inspector) and at least one partner from the inspector pool; the API opens a
 * visit on the one visit engine and checks 回避 conflicts (shown on the partners field).
 */
export function StartGspButton({ pharmacyId, onDone }: { pharmacyId: number; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ inspectorIds: number[] }>();
  const { submit, submitting, failure } = useFormSubmit(form);
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="gsp-start">
        {t('gsp.start')}
      </Button>
      <Modal
        open={open}
        title={t('gsp.start')}
        confirmLoading={submitting}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'gsp-start-ok' }}
        destroyOnHidden
        onOk={() =>
          submit(async (v) => {
            await pharmacyApi.startGsp(pharmacyId, v.inspectorIds ?? []);
            setOpen(false);
            onDone();
          })
        }
      >
        <Form form={form} layout="vertical" initialValues={{ inspectorIds: [] }}>
          <FormAlert failure={failure} />
          <Typography.Paragraph type="secondary">{t('gsp.startHint')}</Typography.Paragraph>
          <Form.Item
            name="inspectorIds"
            label={t('gsp.partners')}
            rules={[{ required: true, type: 'array', min: 1, message: t('gsp.partnersRequired') }]}
          >
            <PartnerSelect />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

/** The inspector pool (loaded when the form opens) without the caller, who is always one of the inspectors. */
function PartnerSelect({ value, onChange }: { value?: number[]; onChange?: (v: number[]) => void }) {
  const t = useT();
  const me = useMe();
  const pool = useAsync((signal) => spotChecksApi.inspectors({ signal }), ['spotChecks', 'inspectors']);
  return (
    <Select
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={pool.loading}
      optionFilterProp="label"
      options={(pool.data ?? [])
        .filter((p) => p.active && p.username !== me.user.username)
        .map((p) => ({
          value: p.id,
          label: t('common.withNote', { text: p.name, note: p.stationName ?? p.departmentName }),
        }))}
      data-testid="gsp-partners"
    />
  );
}

interface ResultValues {
  result: 'pass' | 'rectify' | 'fail';
  findings?: string;
}

/**
 * 录入GSP检查结果 (only the inspectors drawn for it may; the API says so otherwise): the conclusion and, unless it
 * passes, the findings. Saving completes the visit and starts its publication clock.
 */
export function GspResultButton({ gsp, onDone }: { gsp: TGspInspection; onDone: () => void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<ResultValues>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const result = Form.useWatch('result', form);
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid={`gsp-result-${gsp.id}`}>
        {t('gsp.record')}
      </Button>
      <Modal
        open={open}
        title={t('gsp.record')}
        confirmLoading={submitting}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'gsp-result-ok' }}
        destroyOnHidden
        onOk={() =>
          submit(async (v) => {
            await pharmacyApi.recordGsp(gsp.id, {
              version: gsp.version,
              result: v.result,
              findings: v.findings?.trim() || undefined,
            });
            setOpen(false);
            onDone();
          })
        }
      >
        <Form form={form} layout="vertical">
          <FormAlert failure={failure} />
          <Form.Item
            name="result"
            label={t('gsp.result')}
            rules={[{ required: true, message: t('gsp.resultRequired') }]}
          >
            <Radio.Group
              options={(['pass', 'rectify', 'fail'] as const).map((r) => ({ value: r, label: t(`gsp.result.${r}`) }))}
              data-testid="gsp-result"
            />
          </Form.Item>
          <Form.Item
            name="findings"
            label={t('gsp.findings')}
            dependencies={['result']}
            rules={[{ required: !!result && result !== 'pass', whitespace: true, message: t('gsp.findingsRequired') }]}
          >
            <Input.TextArea rows={4} maxLength={2000} showCount data-testid="gsp-findings" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
