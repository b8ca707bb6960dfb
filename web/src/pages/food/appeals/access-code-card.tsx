import { Alert, App, Button, Card, Typography } from 'antd';
import { useState } from 'react';
import type { TAccessCodeIssued } from '../../../../../src/contracts/food-appeals.ts';
import { foodAppealsApi } from '../../../api/food-appeals.ts';
import { errorDetail } from '../../../components/load-error.tsx';
import { useT } from '../../../i18n/i18n-context.tsx';

/**
 * 经营者访问码: issued here to print on the grade notice; the portal's appeal, reply and re-rating forms need it.
 * Only its hash is stored, so it is shown once; issuing again retires the old one.
 */
export function AccessCodeCard({ businessId }: { businessId: number }) {
  const t = useT();
  const { message, modal } = App.useApp();
  const [issued, setIssued] = useState<TAccessCodeIssued>();
  const [busy, setBusy] = useState(false);
  const issue = () =>
    modal.confirm({
      title: t('foodAppeals.code.confirm'),
      okButtonProps: { 'data-testid': 'access-code-confirm' } as Record<`data-${string}`, string>,
      onOk: async () => {
        setBusy(true);
        try {
          setIssued(await foodAppealsApi.issueCode(businessId));
        } catch (err) {
          message.error(errorDetail(t, err));
        } finally {
          setBusy(false);
        }
      },
    });
  return (
    <Card
      title={t('foodAppeals.code.title')}
      extra={
        <Button type="primary" loading={busy} onClick={issue} data-testid="access-code-issue">
          {t('foodAppeals.code.issue')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary">{t('foodAppeals.code.hint')}</Typography.Paragraph>
      {issued && (
        <Alert
          type="success"
          showIcon
          title={
            <Typography.Text copyable strong style={{ fontSize: 20 }} data-testid="access-code">
              {issued.code}
            </Typography.Text>
          }
          description={t('foodAppeals.code.once')}
        />
      )}
    </Card>
  );
}
