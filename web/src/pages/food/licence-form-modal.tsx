import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import type { TFoodLicence, TFoodLicenceBody } from '../../../../src/contracts/food.ts';
import { foodCategories, foodLicenceKinds } from '../../../../src/domain/food-licence.ts';
import { shanghaiToday } from '../../../../src/domain/shanghai-date.ts';
import { foodApi } from '../../api/food.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { EntityPicker } from '../cases/case-pickers.tsx';
import { categoryLabel, kindLabel } from './food-labels.tsx';

interface Values {
  entityId: number;
  kind: TFoodLicence['kind'];
  licenceNo: string;
  categories: TFoodLicenceBody['categories'];
  issuedOn: Dayjs;
  validUntil?: Dayjs;
}

/**
 * 登记 one licence, filing or registration by hand (the import takes many); with `renews` it records the 延续 of
 * that licence: same holder and kind, and the old one becomes 已延续.
 */
export function LicenceFormModal({
  renews,
  onClose,
  onDone,
}: {
  renews?: TFoodLicence;
  onClose: () => void;
  onDone: (created: TFoodLicence) => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const today = dayjs(shanghaiToday());
  const onOk = () =>
    submit(async (v) => {
      const created = await foodApi.createLicence({
        entityId: renews?.entityId ?? v.entityId,
        kind: renews?.kind ?? v.kind,
        licenceNo: v.licenceNo.trim().toUpperCase(),
        categories: v.categories ?? [],
        issuedOn: v.issuedOn.format('YYYY-MM-DD'),
        validUntil: v.validUntil?.format('YYYY-MM-DD'),
        renews: renews?.id,
      });
      message.success(t('food.licenceForm.done', { no: created.licenceNo }));
      onDone(created);
    });
  return (
    <Modal
      open
      title={renews ? t('food.licenceForm.renewTitle', { no: renews.licenceNo }) : t('food.licenceForm.title')}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      okButtonProps={{ 'data-testid': 'food-licence-form-ok' }}
      destroyOnHidden
      data-testid="food-licence-form"
    >
      <FormAlert failure={failure} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: renews?.kind ?? 'operation', categories: renews?.categories ?? [], issuedOn: today }}
      >
        {!renews && (
          <>
            <Form.Item
              name="entityId"
              label={t('food.licence.entity')}
              rules={[{ required: true, message: t('food.licenceForm.entityRequired') }]}
            >
              <EntityPicker testId="food-licence-entity" />
            </Form.Item>
            <Form.Item name="kind" label={t('food.licence.kind')} rules={[{ required: true }]}>
              <Select
                options={foodLicenceKinds.map((k) => ({ value: k, label: kindLabel(t, k) }))}
                data-testid="food-licence-kind"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="licenceNo"
          label={t('food.licence.no')}
          extra={t('food.licenceForm.noHint')}
          rules={[{ required: true, whitespace: true, message: t('food.licenceForm.noRequired') }]}
        >
          <Input maxLength={60} data-testid="food-licence-no" />
        </Form.Item>
        <Form.Item name="categories" label={t('food.licence.categories')}>
          <Select
            mode="multiple"
            allowClear
            options={foodCategories.map((c) => ({ value: c, label: categoryLabel(t, c) }))}
            data-testid="food-licence-categories"
          />
        </Form.Item>
        <Form.Item
          name="issuedOn"
          label={t('food.licence.issuedOn')}
          rules={[{ required: true, message: t('food.licenceForm.issuedOnRequired') }]}
        >
          <DatePicker disabledDate={(d) => d.isAfter(today, 'day')} data-testid="food-licence-issued-on" />
        </Form.Item>
        <Form.Item name="validUntil" label={t('food.licence.validUntil')} extra={t('food.licenceForm.validHint')}>
          <DatePicker data-testid="food-licence-valid-until" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
