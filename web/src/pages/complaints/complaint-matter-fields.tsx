import { Form, Input, InputNumber, TreeSelect } from 'antd';
import type { TUploaded } from '../../api/complaints.ts';
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
  return (
    <>
      <Form.Item name="categoryCode" label={p.categoryLabel}>
        <TreeSelect
          allowClear
          treeData={p.categoryTree}
          showSearch={{ treeNodeFilterProp: 'title' }}
          loading={p.categoriesLoading}
          placeholder="选择类别"
          data-testid={`${p.testPrefix}-category`}
        />
      </Form.Item>
      <Form.Item name="amountYuan" label="涉及金额（元）">
        <InputNumber min={0} precision={2} style={{ width: 200 }} data-testid={`${p.testPrefix}-amount`} />
      </Form.Item>
      <Form.Item
        name="description"
        label="事由"
        rules={[{ required: true, min: 10, message: '请至少用10个字说明事由' }]}
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
