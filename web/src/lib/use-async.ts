import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/errors.ts';

export interface AsyncState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  setData: (update: (current: T | undefined) => T | undefined) => void;
}

/** Runs `load` on mount and whenever it changes (memoise it with useCallback); stale answers are dropped. */
export function useAsync<T>(load: () => Promise<T>): AsyncState<T> {
  const [data, setDataState] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const current = ++generation.current;
    setLoading(true);
    setError(undefined);
    load().then(
      (value) => {
        if (current !== generation.current) return;
        setDataState(value);
        setLoading(false);
      },
      (err: unknown) => {
        if (current !== generation.current) return;
        setError(toApiError(err));
        setLoading(false);
      },
    );
  }, [load]);

  useEffect(() => {
    reload();
  }, [reload]);

  const setData = useCallback((update: (current: T | undefined) => T | undefined) => setDataState(update), []);
  return { data, error, loading, reload, setData };
}
