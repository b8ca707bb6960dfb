import { type QueryKey, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef } from 'react';
import { type ApiError, toApiError } from '../api/errors.ts';
import { unkeyed } from './unkeyed.ts';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/**
 * One read through the query cache: `key` (from api/query-keys.ts, with every parameter `load` uses) names it, so
 * two components asking the same thing share one request and a page visited again shows its rows at once.
 * `load` gets the query's AbortSignal for request(): leaving the page or changing the key cancels the fetch.
 * Without a key the loader's identity is the key (memoise it with useCallback), as before the cache.
 */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, key?: QueryKey): AsyncState<T> {
  const queryClient = useQueryClient();
  const loadRef = useRef(load);
  loadRef.current = load;
  const queryKey = key ?? unkeyed(load);
  const query = useQuery({ queryKey, queryFn: ({ signal }) => loadRef.current(signal) });
  const { refetch } = query;

  const reload = useCallback(() => void refetch(), [refetch]);
  const keyRef = useRef(queryKey);
  keyRef.current = queryKey;
  const setData = useCallback(
    (update: (current: T | undefined) => T | undefined) => queryClient.setQueryData<T>(keyRef.current, update),
    [queryClient],
  );
  return {
    data: query.data,
    // A retry under way hides the last error, as a reload did before.
    error: query.error && !query.isFetching ? toApiError(query.error) : undefined,
    loading: query.isFetching,
    reload,
    setData,
  };
}
