import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Table, Upload } from 'antd';
import { useState } from 'react';
import type { TDirective } from '../../../../../src/contracts/equipment-hazards.ts';
import { equipmentHazardsApi } from '../../../api/equipment-hazards.ts';
import { errorDetail } from '../../../components/load-error.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';

const kb = (n: number) => `${Math.max(1, Math.round(n / 1024))} KB`;

/** 整改证据 files of an order: photos and PDF, uploaded until acceptance, each downloadable with its SHA-256. */
export function EvidenceFiles({
  directive: d,
  canWrite,
  onChange,
}: {
  directive: TDirective;
  canWrite: boolean;
  onChange: (files: TDirective['files']) => void;
}) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const add = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      onChange(await equipmentHazardsApi.uploadEvidence(d.id, file));
    } catch (err) {
      setError(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={t('equipmentHazards.evidenceFiles')}
      style={{ marginTop: 16 }}
      extra={
        canWrite &&
        d.canUpload && (
          <Upload
            accept="image/jpeg,image/png,image/heic,image/webp,application/pdf"
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void add(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={busy} data-testid="evidence-upload">
              {t('equipmentHazards.evidenceUpload')}
            </Button>
          </Upload>
        )
      }
    >
      {canWrite && d.canUpload && <p style={{ color: 'rgba(0,0,0,0.45)' }}>{t('equipmentHazards.evidenceHint')}</p>}
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="evidence-error" />}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={d.files}
        data-testid="evidence-files"
        columns={[
          {
            title: t('equipmentHazards.fileName'),
            dataIndex: 'filename',
            render: (name: string, f) => (
              <a href={equipmentHazardsApi.evidenceUrl(d.id, f.id)} target="_blank" rel="noreferrer">
                {name}
              </a>
            ),
          },
          { title: t('equipmentHazards.fileSize'), dataIndex: 'sizeBytes', render: kb },
          { title: t('equipmentHazards.uploadedBy'), dataIndex: 'uploadedByName' },
          { title: t('equipmentHazards.uploadedAt'), dataIndex: 'uploadedAt', render: (v: string) => v.slice(0, 16) },
          { title: 'SHA-256', dataIndex: 'sha256', render: (v: string) => <code>{v.slice(0, 16)}…</code> },
        ]}
      />
    </Card>
  );
}
