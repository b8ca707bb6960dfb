import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TComplaintDetail } from '../../../../src/contracts/complaints.ts';
import { attachmentUrl, complaintsApi } from '../../api/complaints.ts';
import { errorDetail } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import { formatBytes } from './attachment-upload.tsx';

/** Evidence on the item: name, size and SHA-256 with a download link; handlers add files here. */
export function ComplaintAttachmentsCard({
  item,
  canAdd,
  onChanged,
}: {
  item: TComplaintDetail;
  canAdd: boolean;
  onChanged: (updated: TComplaintDetail) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const add = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      onChanged(await complaintsApi.addAttachment(item.id, file));
    } catch (err) {
      setError(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={t('complaints.attachments')}
      size="small"
      style={{ marginTop: 16 }}
      data-testid="complaint-attachments"
      extra={
        canAdd && (
          <Upload
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void add(file);
              return false;
            }}
          >
            <Button size="small" icon={<UploadOutlined />} loading={busy} data-testid="attachment-add">
              {t('complaints.addAttachment')}{' '}
            </Button>
          </Upload>
        )
      }
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} />}
      {item.attachments.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('complaints.noAttachments')} />
      ) : (
        <List
          size="small"
          dataSource={item.attachments}
          renderItem={(a) => (
            <List.Item key={a.id}>
              <List.Item.Meta
                title={
                  <Typography.Link href={attachmentUrl(item.id, a.id)} target="_blank" rel="noopener">
                    {a.filename}
                  </Typography.Link>
                }
                description={
                  <>
                    {formatBytes(a.sizeBytes)} ·{' '}
                    <Typography.Text type="secondary" copyable={{ text: a.sha256 }} style={{ fontSize: 12 }}>
                      SHA-256 {a.sha256}
                    </Typography.Text>
                  </>
                }
              />
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
