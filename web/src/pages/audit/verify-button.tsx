import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import type { TAuditVerify } from '../../../../src/contracts/audit.ts';
import { auditApi } from '../../api/audit.ts';
import { type ApiError, toApiError } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n-context.tsx';

/** Recomputes the whole hash chain on the server and shows whether any row was altered, removed or inserted. */
export function VerifyButton() {
  const t = useT();
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<TAuditVerify | ApiError>();

  const verify = async () => {
    setRunning(true);
    try {
      setResult(await auditApi.verify());
    } catch (err) {
      setResult(toApiError(err));
    } finally {
      setRunning(false);
    }
  };

  const body = () => {
    if (!result) return null;
    if ('detail' in result) return <Alert type="error" showIcon title={result.title} description={result.detail} />;
    if (result.ok) {
      return (
        <Alert
          type="success"
          showIcon
          title={t('audit.verifyOk', { count: result.checked })}
          data-testid="verify-result"
        />
      );
    }
    const broken = result.firstBroken;
    return (
      <>
        <Alert
          type="error"
          showIcon
          title={t('audit.verifyBroken', { count: result.checked })}
          style={{ marginBottom: 12 }}
          data-testid="verify-result"
        />
        {broken && (
          <Descriptions
            size="small"
            column={1}
            bordered
            items={[
              { key: 'id', label: t('audit.brokenId'), children: broken.id },
              { key: 'reason', label: t('audit.brokenReason'), children: broken.reason },
              { key: 'expected', label: t('audit.expectedHash'), children: <code>{broken.expectedHash}</code> },
              { key: 'stored', label: t('audit.storedHash'), children: <code>{broken.storedHash}</code> },
            ]}
          />
        )}
      </>
    );
  };

  return (
    <>
      <Button icon={<SafetyCertificateOutlined />} loading={running} onClick={verify} data-testid="verify-chain">
        {t('audit.verify')}
      </Button>
      <Modal
        open={result !== undefined}
        title={t('audit.verifyTitle')}
        footer={null}
        onCancel={() => setResult(undefined)}
        width={640}
      >
        {body()}
      </Modal>
    </>
  );
}
