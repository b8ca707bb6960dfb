import type { Permission } from '../../../../src/contracts/permissions.ts';
import type { Translate } from '../../i18n/i18n-context.tsx';

/** A permission's name in the reader's language (the contract's label is Chinese): the `permission.<code>` key. */
export const permissionLabel = (t: Translate, permission: Permission): string => t(`permission.${permission}`);
