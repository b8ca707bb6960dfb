import { Alert, Button } from 'antd';
import { type ApiError, toApiError } from '../api/errors.ts';
import { type Translate, useT } from '../i18n/i18n-context.tsx';

/**
 * Title and detail of an error in the interface language. Problems the server sends keep its (Chinese) text; the
 * stand-ins the client makes when no problem came back (web/src/api/errors.ts: NETWORK, CONTRACT, HTTP, CLIENT) are
 * named by their code here.
 */
export function errorText(t: Translate, error: ApiError): { title: string; detail: string } {
  if (error.status === 0 && error.code === 'NETWORK')
    return { title: t('apiError.NETWORK.title'), detail: t('apiError.NETWORK.detail') };
  if (error.status === 0 && error.code === 'CONTRACT')
    return { title: t('apiError.CONTRACT.title'), detail: t('apiError.CONTRACT.detail', { path: error.detail }) };
  if (error.code === 'HTTP') return { title: error.title, detail: t('apiError.HTTP.detail', { status: error.status }) };
  if (error.status === 0 && error.code === 'CLIENT') return { title: t('apiError.CLIENT.title'), detail: error.detail };
  return { title: error.title, detail: error.detail };
}

/** The detail of any thrown value in the interface language: what a toast or an inline message shows. */
export const errorDetail = (t: Translate, err: unknown): string => errorText(t, toApiError(err)).detail;

/** A failed load: the server's title and detail, with a retry. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const t = useT();
  const { title, detail } = errorText(t, error);
  return (
    <Alert
      type="error"
      showIcon
      title={title}
      description={detail}
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
