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
          const seen = new Set(prev.map(keyOf));
          return [...prev, ...page.items.filter((item) => !seen.has(keyOf(item)))];
        });
        setNextCursor(page.nextCursor);
      } catch (err) {
        if (gen === generation.current) setError(toApiError(err));
      } finally {
        if (gen === generation.current) setLoading(false);
      }
    },
    [fetchPage, keyOf],
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

  const upsertItem = useCallback(
    (next: T) => {
      setItems((prev) => {
        const key = keyOf(next);
        const exists = prev.some((item) => keyOf(item) === key);
        return exists ? prev.map((item) => (keyOf(item) === key ? next : item)) : [next, ...prev];
      });
    },
    [keyOf],
  );

  const replaceItem = useCallback(
    (next: T) => setItems((prev) => prev.map((item) => (keyOf(item) === keyOf(next) ? next : item))),
    [keyOf],
  );

  return { items, hasMore: nextCursor !== null, loading, error, reload, loadMore, upsertItem, replaceItem };
}
