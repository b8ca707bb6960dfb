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
  /** Replaces the row with the same key, or puts a new one (just created) at the top. */
  upsertItem: (item: T) => void;
  /** Replaces the row with the same key; ignores rows no longer listed (a poll answering after a filter change). */
  replaceItem: (item: T) => void;
}

/**
 * A "加载更多" list over a keyset-paginated endpoint. `fetchPage` carries the filters: when it changes
 * (memoise it with useCallback) the list starts again from the first page and older answers are dropped.
 * `keyOf` only identifies rows: it is read through a ref, so an inline arrow (a new function each render) cannot
 * restart the list — it once made 检查与公示 reload in a loop.
 */
export function useKeysetList<T>(
  fetchPage: (cursor?: string) => Promise<KeysetPage<T>>,
  keyOf: (item: T) => string | number,
): KeysetList<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError>();
  const generation = useRef(0);
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;

  const run = useCallback(
    async (cursor: string | undefined, gen: number) => {
      setLoading(true);
      setError(undefined);
      try {
        const page = await fetchPage(cursor);
        if (gen !== generation.current) return;
        setItems((prev) => {
          if (!cursor) return page.items;
          // A row added locally (upsertItem) may come again on a later page.
          const key = keyRef.current;
          const seen = new Set(prev.map(key));
          return [...prev, ...page.items.filter((item) => !seen.has(key(item)))];
        });
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

  const upsertItem = useCallback((next: T) => {
    const keyOfItem = keyRef.current;
    setItems((prev) => {
      const key = keyOfItem(next);
      const exists = prev.some((item) => keyOfItem(item) === key);
      return exists ? prev.map((item) => (keyOfItem(item) === key ? next : item)) : [next, ...prev];
    });
  }, []);

  const replaceItem = useCallback((next: T) => {
    const keyOfItem = keyRef.current;
    setItems((prev) => prev.map((item) => (keyOfItem(item) === keyOfItem(next) ? next : item)));
  }, []);

  return { items, hasMore: nextCursor !== null, loading, error, reload, loadMore, upsertItem, replaceItem };
}
