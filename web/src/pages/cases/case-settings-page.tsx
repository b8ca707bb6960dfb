import { App, Button, Card, Col, Form, InputNumber, Row, Select, Spin } from 'antd';
import { useMemo } from 'react';
import { type CaseSettings, defaultCaseSettings } from '../../../../src/domain/case-settings.ts';
import type { ApprovalStep } from '../../../../src/domain/case-workflow.ts';
import { casesApi, type TCaseSettings } from '../../api/cases.ts';
import { orgApi } from '../../api/org.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { useAuth } from '../../auth/auth-context.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadError } from '../../components/load-error.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useAsync } from '../../lib/use-async.ts';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { approvalStepLabel, areaLabel, penaltyKindOptions, penaltyKinds, yuanToFen } from './case-labels.ts';

const steps = Object.keys(defaultCaseSettings.approvalChains) as ApprovalStep[];
const areas = [
  'food',
  'drug',
  'special_equipment',
  'product_quality',
  'pricing',
  'advertising',
  'trademark',
  'unlicensed',
  'registration',
  'consumer',
  'competition',
  'other',
];
/** Money fields: shown in yuan, stored in fen. */
const moneyPaths = [
  ['summaryFineLimitFen', 'person'],
  ['summaryFineLimitFen', 'organisation'],
  ['hearingThresholdFen', 'person'],
  ['hearingThresholdFen', 'organisation'],
  ['majorCase', 'fineFen'],
  ['majorCase', 'caseValueFen'],
  ['collective', 'fineFen'],
  ['disclosureLowFineFen'],
] as const;

type Tree = Record<string, unknown>;
function mapMoney(settings: Tree, f: (n: number) => number): Tree {
  const out = structuredClone(settings);
  for (const path of moneyPaths) {
    let node = out as Tree;
    for (const k of path.slice(0, -1)) node = (node[k] ?? {}) as Tree;
    const last = path.at(-1) as string;
    if (typeof node[last] === 'number') node[last] = f(node[last] as number);
  }
  return out;
}

/** 办案设置 (case:settings): thresholds and approval chains, a form over the settings JSON. */
export function CaseSettingsPage() {
  const t = useT();
  const { can } = useAuth();
  const { message } = App.useApp();
  const [form] = Form.useForm<Tree>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const current = useAsync((signal) => casesApi.settings({ signal }), queryKeys.caseRefs.settings());
  const roles = useAsync(
    (signal) => (can('org:role:read') ? orgApi.listRoles({ signal }) : Promise.resolve([])),
    queryKeys.org.roles(can('org:role:read')),
  );
  const roleOptions = useMemo(
    () => (roles.data ?? []).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` })),
    [roles.data],
  );
  const initial = useMemo(
    () =>
      current.data
        ? mapMoney({ ...defaultCaseSettings, ...current.data.settings } as unknown as Tree, (fen) => fen / 100)
        : undefined,
    [current.data],
  );

  if (current.error) return <LoadError error={current.error} onRetry={current.reload} />;
  if (!current.data || !initial) return <Spin />;
  const version = current.data.version;

  const onSave = () =>
    submit(async (v) => {
      const merged = { ...(initial as Tree), ...v } as Tree;
      const saved = await casesApi.saveSettings(
        mapMoney(merged, (y) => yuanToFen(y)) as unknown as TCaseSettings,
        version,
      );
      current.setData(() => saved);
      message.success(t('common.saved'));
    });

  const money = (name: (string | number)[], label: string) => (
    <Form.Item name={name} label={label} rules={[{ required: true }]}>
      <InputNumber min={0} precision={2} suffix={t('cases.yuan')} style={{ width: '100%' }} />
    </Form.Item>
  );

  return (
    <>
      <PageHeader
        title={t('nav.caseSettings')}
        extra={
          <Button type="primary" loading={submitting} onClick={onSave} data-testid="case-settings-save">
            {t('common.save')}
          </Button>
        }
      />
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        initialValues={initial as CaseSettings & Tree}
        data-testid="case-settings-form"
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('cases.settings.summary')}>
              {money(['summaryFineLimitFen', 'person'], t('cases.settings.person'))}
              {money(['summaryFineLimitFen', 'organisation'], t('cases.settings.organisation'))}
              <Form.Item name="summaryFilingDays" label={t('cases.settings.filingDays')} rules={[{ required: true }]}>
                <InputNumber min={1} max={30} />
              </Form.Item>
              <Form.Item
                name="summaryFilingRoles"
                label={t('cases.settings.filingRoles')}
                rules={[{ required: true, type: 'array', min: 1, message: t('cases.settings.chainRequired') }]}
              >
                <Select mode="tags" options={roleOptions} data-testid="summary-filing-roles" />
              </Form.Item>
            </Card>
            <Card size="small" title={t('cases.settings.hearing')} style={{ marginTop: 16 }}>
              {money(['hearingThresholdFen', 'person'], t('cases.settings.person'))}
              {money(['hearingThresholdFen', 'organisation'], t('cases.settings.organisation'))}
            </Card>
            <Card size="small" title={t('cases.settings.major')} style={{ marginTop: 16 }}>
              {money(['majorCase', 'fineFen'], t('cases.settings.fine'))}
              {money(['majorCase', 'caseValueFen'], t('cases.settings.caseValue'))}
              <Form.Item name={['majorCase', 'penaltyKinds']} label={t('cases.settings.penaltyKinds')}>
                <Select mode="multiple" options={penaltyKindOptions(t, penaltyKinds)} />
              </Form.Item>
            </Card>
            <Card size="small" title={t('cases.settings.collective')} style={{ marginTop: 16 }}>
              {money(['collective', 'fineFen'], t('cases.settings.fine'))}
              <Form.Item name={['collective', 'penaltyKinds']} label={t('cases.settings.penaltyKinds')}>
                <Select mode="multiple" options={penaltyKindOptions(t, penaltyKinds)} />
              </Form.Item>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={t('cases.settings.chains')}>
              {steps.map((step) => (
                <Form.Item
                  key={step}
                  name={['approvalChains', step]}
                  label={approvalStepLabel(t, step)}
                  rules={[{ required: true, type: 'array', min: 1, message: t('cases.settings.chainRequired') }]}
                >
                  <Select mode="tags" options={roleOptions} data-testid={`chain-${step}`} />
                </Form.Item>
              ))}
            </Card>
            <Card size="small" title={t('cases.settings.disclosure')} style={{ marginTop: 16 }}>
              {money(['disclosureLowFineFen'], t('cases.settings.lowFine'))}
              <Form.Item name="seriousListAreas" label={t('cases.settings.seriousAreas')}>
                <Select mode="multiple" options={areas.map((a) => ({ value: a, label: areaLabel(t, a) }))} />
              </Form.Item>
              <Form.Item
                name="limitationWarningDays"
                label={t('cases.settings.limitationDays')}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={365} />
              </Form.Item>
            </Card>
          </Col>
        </Row>
      </Form>
    </>
  );
}
