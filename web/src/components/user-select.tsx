import type { CSSProperties } from 'react';
import type { TUser } from '../../../src/contracts/org.ts';
import { orgApi } from '../api/org.ts';
import { queryKeys } from '../api/query-keys.ts';
import { useT } from '../i18n/i18n-context.tsx';
import { RemoteSearchSelect } from './remote-search-select.tsx';

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  /** The label of the value already chosen (nothing is loaded up front, so it has no option yet). */
  initialOption?: { value: number; label: string };
}

const searchUsers = async (q: string, signal: AbortSignal) =>
  (await orgApi.listUsers({ q, limit: 20 }, { signal })).items;

/** Picks a user by searching /org/users as one types (the list can be long, so nothing loads up front). */
export function UserSelect({ value, onChange, placeholder, style, initialOption }: Props) {
  const t = useT();
  return (
    <RemoteSearchSelect
      queryKey={queryKeys.org.userSearch}
      search={searchUsers}
      toOption={(u: TUser) => ({ value: u.id, label: t('common.nameWithId', { name: u.displayName, id: u.username }) })}
      value={value}
      onChange={onChange}
      placeholder={placeholder}
      style={style}
      initialOptions={initialOption ? [initialOption] : undefined}
      hint={t('common.typeToSearch')}
    />
  );
}
