import { type QueryKey, useQuery } from '@tanstack/react-query';
import { AutoComplete, Select, Spin } from 'antd';
import { type CSSProperties, type ReactNode, useEffect, useRef, useState } from 'react';
import { isApiError } from '../api/errors.ts';

const DEBOUNCE_MS = 300;

export interface SearchOption<V extends string | number> {
  value: V;
  label: ReactNode;
}

interface Props<R, V extends string | number, O extends SearchOption<V>> {
  /** Cache key of one search; the raw rows are cached, so two pickers over one endpoint share answers. */
  queryKey: (text: string) => QueryKey;
  search: (text: string, signal: AbortSignal) => Promise<R[]>;
  toOption: (row: R) => O;
  /** Searches start at this many characters (trimmed). */
  minChars?: number;
  /**
   * Free text (AutoComplete): the typed text is the value and the options only suggest; otherwise (Select)
   * the value is an option's value.
   */
  freeText?: boolean;
  value?: V;
  onChange?: (value: V | undefined) => void;
  onSelect?: (value: V, option: O) => void;
  /** Told of every keystroke, before the debounce (a free-text field drops an earlier pick). */
  onType?: (text: string) => void;
  /** Told once when the search answers 403: the caller's role may not search this list. */
  onForbidden?: () => void;
  /** Options before any search (the label of a value already chosen). */
  initialOptions?: O[];
  /** Shown in an empty dropdown before a search, and after a 403. */
  hint?: ReactNode;
  forbiddenHint?: ReactNode;
  placeholder?: string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * Picks from a list too long to load up front: searches the server as one types (debounced, cached per text,
 * the previous request aborted). One component for users, registry entities and the complaint's business field.
 */
export function RemoteSearchSelect<R, V extends string | number, O extends SearchOption<V>>(props: Props<R, V, O>) {
  const { queryKey, search, toOption, minChars = 1, freeText, onType, onForbidden } = props;
  const [term, setTerm] = useState('');
  const [forbidden, setForbidden] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const query = useQuery({
    queryKey: queryKey(term),
    queryFn: ({ signal }) => search(term, signal),
    enabled: !forbidden && term.length >= minChars,
    // The previous answer stays listed while the next one loads.
    placeholderData: (previous) => previous,
    retry: false,
  });
  useEffect(() => {
    if (isApiError(query.error) && query.error.status === 403 && !forbidden) {
      setForbidden(true);
      onForbidden?.();
    }
  }, [query.error, forbidden, onForbidden]);

  const onSearch = (text: string) => {
    onType?.(text);
    clearTimeout(timer.current);
    const trimmed = text.trim();
    // Too short (or cleared): keep what is listed, as the picker did before the cache.
    if (forbidden || trimmed.length < minChars) return;
    timer.current = setTimeout(() => setTerm(trimmed), DEBOUNCE_MS);
  };

  const options: O[] = query.error ? [] : query.data ? query.data.map(toOption) : (props.initialOptions ?? []);
  const common = {
    options,
    placeholder: props.placeholder,
    style: props.style,
    'data-testid': props['data-testid'],
  };
  if (freeText) {
    return (
      <AutoComplete<V, O>
        {...common}
        value={props.value}
        onChange={(v) => props.onChange?.(v)}
        onSearch={onSearch}
        // antd types the selected value as an element of V (for multiple mode); this picker holds one value.
        onSelect={(v, option) => props.onSelect?.(v as V, option)}
      />
    );
  }
  return (
    <Select<V, O>
      {...common}
      allowClear
      value={props.value}
      onChange={(v) => props.onChange?.(v)}
      onSelect={(v, option) => props.onSelect?.(v as V, option)}
      showSearch={{ filterOption: false, onSearch }}
      notFoundContent={query.isFetching ? <Spin size="small" /> : forbidden ? props.forbiddenHint : props.hint}
    />
  );
}
