import { App, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { TProductCategory, TProductSettings } from '../../../../src/contracts/product-quality.ts';
import { ZCodeParams } from '../../../../src/contracts/product-quality.ts';
import { productApi } from '../../api/product-quality.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { zodRule } from '../../lib/zod-rule.ts';

type Values = Omit<TProductCategory, 'code'> & { code: string };

/**
 * Adds a product category (its code is fixed once saved) or edits one: name, 涉安类, risk grade (which sets the
 * sampling interval of the graded plan), sort order, active. The API answers with the whole settings.
 */
export function CategoryFormModal({
  category,
  settings,
  onClose,
  onSaved,
}: {
  category?: TProductCategory;
  settings: TProductSettings;
  onClose: () => void;
  onSaved: (next: TProductSettings) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const taken = new Set(settings.categories.map((c) => c.code));
  const nextSort = Math.max(0, ...settings.categories.map((c) => c.sort)) + 10;
  const onOk = () =>
    submit(async ({ code, ...body }) => {
      const next = await productApi.saveCategory(category?.code ?? code.trim(), body);
      message.success(t('product.settings.saved', { name: body.name }));
      onSaved(next);
    });
  return (
    <Modal
      open
      title={category ? t('product.settings.categoryEdit') : t('product.settings.categoryAdd')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'category-form-ok' }}
      destroyOnHidden
      data-testid="category-form"
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        initialValues={category ?? { safetyRelated: true, riskGrade: 'B', sort: nextSort, active: true }}
      >
        <Form.Item
          name="code"
          label={t('product.settings.categoryCode')}
          extra={category ? undefined : t('product.settings.categoryCodeHint')}
          rules={
            category
              ? []
              : [
                  { required: true, whitespace: true },
                  zodRule(ZCodeParams.shape.code),
                  {
                    validator: async (_, v: string | undefined) => {
                      if (v && taken.has(v.trim())) throw new Error(t('product.settings.categoryCodeTaken'));
                    },
                  },
                ]
          }
        >
          <Input maxLength={40} disabled={!!category} data-testid="category-code" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('product.settings.categoryName')}
          rules={[{ required: true, whitespace: true }]}
        >
          <Input maxLength={60} data-testid="category-name" />
        </Form.Item>
        <Form.Item name="riskGrade" label={t('product.settings.riskGrade')} rules={[{ required: true }]}>
          <Select
            options={settings.grades.map((g) => ({
              value: g.grade,
              label: `${g.grade} ${g.label} · ${t('product.settings.months', { n: g.intervalMonths })}`,
            }))}
            data-testid="category-grade"
          />
        </Form.Item>
        <Form.Item name="safetyRelated" label={t('product.settings.safety')} valuePropName="checked">
          <Switch data-testid="category-safety" />
        </Form.Item>
        <Form.Item name="sort" label={t('product.settings.sort')} rules={[{ required: true }]}>
          <InputNumber min={0} max={10_000} precision={0} data-testid="category-sort" />
        </Form.Item>
        <Form.Item name="active" label={t('product.settings.active')} valuePropName="checked">
          <Switch data-testid="category-active" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
