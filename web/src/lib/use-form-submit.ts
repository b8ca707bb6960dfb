import type { FormInstance } from 'antd';
import { useCallback, useState } from 'react';
import { type ApiError, type FieldError, toApiError } from '../api/errors.ts';
import { applyFieldErrors } from './form-errors.ts';

export interface FormSubmitError {
  error: ApiError;
  /** Field errors no form field could show; the alert lists them. */
  unmatched: FieldError[];
}

/**
 * Validates the form, runs the API call and spreads a problem+json answer over the form: field errors
 * next to their fields, everything else into `failure` for a FormAlert.
 */
export function useFormSubmit<V>(form: FormInstance<V>) {
  const [submitting, setSubmitting] = useState(false);
  const [failure, setFailure] = useState<FormSubmitError>();

  const submit = useCallback(
    async (action: (values: V) => Promise<void>): Promise<boolean> => {
      let values: V;
      try {
        values = await form.validateFields();
      } catch {
        return false;
      }
      setSubmitting(true);
      setFailure(undefined);
      try {
        await action(values);
        return true;
      } catch (err) {
        const error = toApiError(err);
        const unmatched = applyFieldErrors(form, error.errors);
        const shownOnFields = error.errors.length > 0 && unmatched.length === 0;
        if (!shownOnFields) setFailure({ error, unmatched });
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [form],
  );

  const clear = useCallback(() => setFailure(undefined), []);
  return { submit, submitting, failure, clear };
}
