import { Alert } from 'antd';
import { useT } from '../i18n/i18n-context.tsx';
import type { FormSubmitError } from '../lib/use-form-submit.ts';
import { errorText } from './load-error.tsx';

/** What a failed submit could not show next to a field: the detail, or the leftover field messages. */
export function FormAlert({ failure }: { failure: FormSubmitError | undefined }) {
  const t = useT();
  if (!failure) return null;
  const { error, unmatched } = failure;
  const description =
    unmatched.length > 0
      ? unmatched
          .map((e) => (e.path ? t('common.fieldMessage', { field: e.path, message: e.message }) : e.message))
          .join(t('common.messageSeparator'))
      : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid="form-error"
      title={errorText(t, error).detail}
      description={description}
      style={{ marginBottom: 16 }}
    />
  );
}
