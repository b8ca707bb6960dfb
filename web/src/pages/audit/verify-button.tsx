import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Modal } from 'antd';
import { useState } from 'react';
import type { TAuditVerify } from '../../../../src/contracts/audit.ts';
import { auditApi } from '../../api/audit.ts';
import { type ApiError, toApiError } from '../../api/errors.ts';
import { useT } from '../../i18n/i18n-context.tsx';

/**
 * Recomputes the whole hash chain on the server and compares it with the keyed checkpoints: shows whether any row
 * was altered, removed or inserted, and whether the tail was cut or the chain rewritten past a checkpoint.
 */
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
    return (
      <>
        {chain(result)}
        {checkpoints(result.checkpoints)}
        {result.warnings.map((w) => (
          <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 12 }} data-testid="verify-warning" />
        ))}
      </>
    );
  };

  const chain = (r: TAuditVerify) => {
    const broken = r.firstBroken;
    if (!broken)
      return (
        <Alert type="success" showIcon title={t('audit.verifyOk', { count: r.checked })} data-testid="verify-result" />
      );
    return (
      <>
        <Alert
          type="error"
          showIcon
          title={t('audit.verifyBroken', { count: r.checked })}
          style={{ marginBottom: 12 }}
          data-testid="verify-result"
        />
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
      </>
    );
  };

  // Keyed checkpoints of the chain head: what the chain alone cannot show (a deleted tail, a re-hashed rewrite).
  const checkpoints = (c: TAuditVerify['checkpoints']) => {
    if (c.ok && !c.newest) return null;
    if (c.ok && c.newest)
      return (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          data-testid="verify-checkpoints"
          title={t('audit.checkpointsOk', {
            count: c.checked,
            id: c.newest.id,
            auditId: c.newest.auditId,
            at: new Date(c.newest.at).toLocaleString(),
            uncovered: c.uncovered,
          })}
        />
      );
    return (
      <Alert
        type="error"
        showIcon
        style={{ marginTop: 12 }}
        data-testid="verify-checkpoints"
        title={t('audit.checkpointsBroken', { count: c.problemCount })}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 20 }}>
            {c.problems.map((p) => (
              <li key={`${p.checkpointId}-${p.reason}`}>{p.reason}</li>
            ))}
          </ul>
        }
      />
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
