import { Form, Input, Modal } from 'antd';
import type { TListing } from '../../../../src/contracts/credit.ts';
import { creditApi } from '../../api/credit.ts';
import { FormAlert } from '../../components/form-alert.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { useFormSubmit } from '../../lib/use-form-submit.ts';
import { creditListLabel } from './credit-labels.ts';

interface Values {
  applicantName: string;
  applicationText: string;
}

export function RepairApplyModal({
  listing,
  onClose,
  onDone,
}: {
  listing: TListing;
  onClose: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { submit, submitting, failure } = useFormSubmit(form);
  const onOk = () =>
    submit(async (v) => {
      await creditApi.applyRepair({ listingId: listing.id, ...v });
      onDone();
    });
  return (
    <Modal
      open
      title={t('credit.repairApplyTitle', { list: creditListLabel(t, listing.list) })}
      onCancel={onClose}
      onOk={onOk}
      confirmLoading={submitting}
      destroyOnHidden
    >
      <FormAlert failure={failure} />
      <Form<Values> form={form} layout="vertical">
        <Form.Item
          name="applicantName"
          label={t('credit.applicant')}
          rules={[{ required: true, message: t('credit.applicantRequired') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="applicationText"
          label={t('credit.applicationText')}
          rules={[{ required: true, min: 2, message: t('credit.applicationTextRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
