import { Select, Spin } from 'antd';
import { type CSSProperties, useEffect, useRef, useState } from 'react';
import { orgApi } from '../api/org.ts';
import { useT } from '../i18n/i18n-context.tsx';

interface Props {
  value?: number;
  onChange?: (value: number | undefined) => void;
  placeholder?: string;
  style?: CSSProperties;
  /** The label of the value already chosen (nothing is loaded up front, so it has no option yet). */
  initialOption?: { value: number; label: string };
}

/** Picks a user by searching /org/users as one types (the list can be long, so nothing loads up front). */
export function UserSelect({ value, onChange, placeholder, style, initialOption }: Props) {
  const t = useT();
  const [options, setOptions] = useState<{ value: number; label: string }[]>(initialOption ? [initialOption] : []);
  const [searching, setSearching] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const latest = useRef('');

  useEffect(() => () => clearTimeout(timer.current), []);

  const onSearch = (text: string) => {
    clearTimeout(timer.current);
    latest.current = text;
    if (!text.trim()) return;
    timer.current = setTimeout(() => {
      setSearching(true);
      orgApi
        .listUsers({ q: text.trim(), limit: 20 })
        .then((page) => {
          if (latest.current !== text) return;
          setOptions(
            page.items.map((u) => ({
              value: u.id,
              label: t('common.nameWithId', { name: u.displayName, id: u.username }),
            })),
          );
        })
        .catch(() => setOptions([]))
        .finally(() => setSearching(false));
    }, 300);
  };

  return (
    <Select
      allowClear
      value={value}
      onChange={onChange}
      options={options}
      placeholder={placeholder}
      style={style}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={searching ? <Spin size="small" /> : t('common.typeToSearch')}
    />
  );
}
