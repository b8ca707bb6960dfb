import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/errors.ts';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface KeysetList<T> {
  items: T[];
  hasMore: boolean;
  loading: boolean;
  error: ApiError | undefined;
  reload: () => void;
  loadMore: () => void;
  updateItem: (match: (item: T) => boolean, next: T) => void;
}

/**
 * A "加载更多" list over a keyset-paginated endpoint. `fetchPage` carries the filters: when it changes
 * (memoise it with useCallback) the list starts again from the first page and older answers are dropped.
 */
export function useKeysetList<T>(fetchPage: (cursor?: string) => Promise<KeysetPage<T>>): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const generation = useRef(0);

  const run = useCallback(
    async (cursor: string | undefined, gen: number) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await fetchPage(cursor);
        if (gen !== generation.current) return;
        setItems((prev) => (cursor ? [...prev, ...page.items] : page.items));
        setNextCursor(page.nextCursor);
      } catch (err) {
        if (gen === generation.current) setError(toApiError(err));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [fetchPage],
  );

  const reload = useCallback(() => {
    generation.current++;
    void run(undefined, generation.current);
  }, [run]);

  useEffect(() => {
    reload();
  }, [reload]);

  const loadMore = useCallback(() => {
    if (nextCursor) void run(nextCursor, generation.current);
  }, [run, nextCursor]);

  const updateItem = useCallback((match: (item: T) => boolean, next: T) => {
    setItems((prev) => prev.map((item) => (match(item) ? next : item)));
  }, []);

  return { items, hasMore: nextCursor !== null, loading, error, reload, loadMore, updateItem };
}
