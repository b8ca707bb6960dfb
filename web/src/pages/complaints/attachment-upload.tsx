import { UploadOutlined } from '@ant-design/icons';
import { Button, List, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { TUploaded } from '../../api/complaints.ts';
import { errorDetail } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';

export const formatBytes = (n: number) =>
  n < 1024 ? `${n} B` : n < 1024 * 1024 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

/**
 * Evidence for a submission being filled in: each file is uploaded as soon as it is chosen, and the form
 * submits the tokens (the server links them to the new item). Used by the staff intake and the portal.
 */
export function AttachmentUpload({
  upload,
  onChange,
  testId,
}: {
  upload: (file: File) => Promise<TUploaded>;
  onChange: (tokens: string[]) => void;
  testId: string;
}) {
  const t = useT();
  const [files, setFiles] = useState<TUploaded[]>([]);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const add = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const uploaded = await upload(file);
      const next = [...files, uploaded];
      setFiles(next);
      onChange(next.map((f) => f.token));
    } catch (err) {
      setError(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  const remove = (token: string) => {
    const next = files.filter((f) => f.token !== token);
    setFiles(next);
    onChange(next.map((f) => f.token));
  };

  return (
    <div data-testid={testId}>
      <Upload
        showUploadList={false}
        disabled={busy || files.length >= 10}
        beforeUpload={(file) => {
          void add(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('complaints.addAttachments')}{' '}
        </Button>
      </Upload>
      {error && (
        <Typography.Text type="danger" data-testid={`${testId}-error`}>
          {error}
        </Typography.Text>
      )}
      {files.length > 0 && (
        <List
          size="small"
          dataSource={files}
          renderItem={(f) => (
            <List.Item
              key={f.token}
              actions={[
                <Typography.Link key="remove" onClick={() => remove(f.token)}>
                  {t('complaints.removeFile')}{' '}
                </Typography.Link>,
              ]}
            >
              {f.filename} ({formatBytes(f.sizeBytes)})
              <Typography.Text type="secondary" code style={{ marginLeft: 8 }}>
                SHA-256 {f.sha256.slice(0, 12)}…
              </Typography.Text>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
