import { Alert, Button } from 'antd';
import type { ApiError } from '../api/errors.ts';
import { useT } from '../i18n/i18n-context.tsx';

/** A failed load: the server's title and Chinese detail, with a retry. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  return (
    <Alert
      type="error"
      showIcon
      title={error.title}
      description={error.detail}
      style={{ marginBottom: 16 }}
      action={
        onRetry && (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )
      }
    />
  );
}
