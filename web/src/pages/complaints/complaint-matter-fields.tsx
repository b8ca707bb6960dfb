import { Form, Input, InputNumber, TreeSelect } from 'antd';
import type { TUploaded } from '../../api/complaints.ts';
import { useT } from '../../i18n/i18n-context.tsx';
import { AttachmentUpload } from './attachment-upload.tsx';
import type { CategoryNode } from './category-tree.ts';

interface Props {
  /** `intake` (staff) or `portal`: prefixes the test ids. */
  testPrefix: string;
  categoryLabel: string;
  categoryTree: CategoryNode[];
  categoriesLoading: boolean;
  attachmentsLabel: string;
  /** Changing it empties the upload list (after a submission). */
  uploadKey: number;
  upload: (file: File) => Promise<TUploaded>;
  onAttachmentsChange: (tokens: string[]) => void;
}

/** What the matter is about, the same on the staff intake form and the public portal form. */
export function ComplaintMatterFields(p: Props) {
  const t = useT();
  return (
    <>
      <Form.Item name="categoryCode" label={p.categoryLabel}>
        <TreeSelect
          allowClear
          treeData={p.categoryTree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={p.categoriesLoading}
          placeholder={t('complaints.chooseCategory')}
          data-testid={`${p.testPrefix}-category`}
        />
      </Form.Item>
      <Form.Item name="amountYuan" label={t('complaints.amountYuan')}>
        <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid={`${p.testPrefix}-amount`} />
      </Form.Item>
      <Form.Item
        name="description"
        label={t('complaints.description')}
        rules={[{ required: true, min: 10, message: t('complaints.descriptionRequired') }]}
      >
        <Input.TextArea rows={5} maxLength={5000} showCount data-testid={`${p.testPrefix}-description`} />
      </Form.Item>
      <Form.Item label={p.attachmentsLabel}>
        <AttachmentUpload
          key={p.uploadKey}
          upload={p.upload}
          onChange={p.onAttachmentsChange}
          testId={`${p.testPrefix}-attachments`}
        />
      </Form.Item>
    </>
  );
}
