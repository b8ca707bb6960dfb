import type { FormRule } from 'antd';
import { passwordProblems } from '../../../../src/domain/password-policy.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';

/** The server's password policy, checked as the admin types; the server checks it again. */
export function passwordRules(t: Translate, username: () => string | undefined): FormRule[] {
  return [
    { required: true, message: t('users.passwordRequired') },
    {
      validator: async (_rule, value: string | undefined) => {
        const problems = value ? passwordProblems(value, username()) : [];
        if (problems.length) throw new Error(problems.join(t('org.listSep')));
      },
    },
  ];
}

export function confirmRules(t: Translate, field: string): FormRule[] {
  return [
    { required: true, message: t('users.confirmRequired') },
    ({ getFieldValue }) => ({
      validator: async (_rule, value: string | undefined) => {
        if (value && value !== getFieldValue(field)) throw new Error(t('users.confirmMismatch'));
      },
    }),
  ];
}
