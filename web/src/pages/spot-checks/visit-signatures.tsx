import { FilePdfOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Input, List, Segmented, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { TSignerKind, TVisitSignatures } from '../../../../src/contracts/spot-check-signatures.ts';
import { queryKeys } from '../../api/query-keys.ts';
import { visitSignaturesApi } from '../../api/visit-signatures.ts';
import { errorDetail, LoadError } from '../../components/load-error.tsx';
import { SignaturePad } from '../../components/signature-pad.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useAsync } from '../../lib/use-async.ts';

type Signer = TVisitSignatures['signers'][number];

/**
 * The 检查记录表's signatures on the visit page: who has signed (the entity's representative and each inspector),
 * a pad on which the representative or the inspector signs, and the record as PDF. A result saved afterwards
 * clears them on the server (the query reloads with the visit's other reads).
 */
export function VisitSignatures(props: { visitId: number; complete: boolean }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const sigs = useAsync(
    (signal) => visitSignaturesApi.list(props.visitId, { signal }),
    queryKeys.spotChecks.visitSignatures(props.visitId),
  );
  const [signer, setSigner] = useState<TSignerKind>('entity');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  // A new pad after each saved signature: the next signer starts on a blank one.
  const [round, setRound] = useState(0);
  const s = sigs.data;
  if (sigs.error) return <LoadError error={sigs.error} onRetry={sigs.reload} />;
  if (!s) return null;

  const confirm = async (png: Blob) => {
    if (signer === 'entity' && !name.trim()) return message.warning(t('signature.nameRequired'));
    setBusy(true);
    try {
      const next = await visitSignaturesApi.sign(
        props.visitId,
        png,
        signer,
        signer === 'entity' ? name.trim() : undefined,
      );
      sigs.setData(() => next);
      setRound((r) => r + 1);
      message.success(t('signature.saved'));
    } catch (err) {
      message.error(errorDetail(t, err));
    } finally {
      setBusy(false);
    }
  };

  const role = (x: Signer) => (x.signer === 'entity' ? t('signature.role.entity') : t('signature.role.inspector'));
  return (
    <Card size="small" title={t('signature.title')} style={{ marginBottom: 12 }} data-testid="visit-signatures">
      <List
        size="small"
        dataSource={s.signers}
        rowKey={(x) => `${x.signer}-${x.inspectorId ?? 0}`}
        renderItem={(x) => (
          <List.Item
            data-testid={`signer-${x.inspectorId ?? 'entity'}`}
            extra={x.imageUrl && <img src={x.imageUrl} alt={x.name ?? ''} style={{ height: 36, maxWidth: 120 }} />}
          >
            <List.Item.Meta
              title={x.name ? t('signature.signer', { role: role(x), name: x.name }) : role(x)}
              description={
                x.signed ? (
                  <Tag color="green">{t('signature.signedAt', { time: formatDateTime(x.signedAt, lang) })}</Tag>
                ) : (
                  <Tag>{t('signature.unsigned')}</Tag>
                )
              }
            />
          </List.Item>
        )}
      />
      {s.canSign && !props.complete && (
        <Typography.Paragraph type="secondary">{t('signature.resultsFirst')}</Typography.Paragraph>
      )}
      {s.canSign && props.complete && (
        <Flex vertical gap={8} style={{ marginTop: 8 }}>
          <Segmented<TSignerKind>
            block
            size="large"
            value={signer}
            onChange={setSigner}
            options={[
              { value: 'entity', label: t('signature.as.entity') },
              { value: 'inspector', label: t('signature.as.me') },
            ]}
            data-testid="signer-kind"
          />
          {signer === 'entity' && (
            <Input
              size="large"
              maxLength={50}
              placeholder={t('signature.entityName')}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="signer-name"
            />
          )}
          <Typography.Text type="secondary">{t('signature.hint')}</Typography.Text>
          <SignaturePad key={`${signer}-${round}`} busy={busy} onConfirm={confirm} />
        </Flex>
      )}
      <Button
        size="large"
        block
        icon={<FilePdfOutlined />}
        href={s.recordPdfUrl}
        target="_blank"
        style={{ marginTop: 12 }}
        data-testid="record-pdf"
      >
        {t('signature.recordPdf')}
      </Button>
    </Card>
  );
}
