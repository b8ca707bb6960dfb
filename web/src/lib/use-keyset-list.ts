import { hashKey, type InfiniteData, type QueryKey, useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef, useState } from 'react';
import { type ApiError, toApiError } from '../api/errors.ts';
import { unkeyed } from './unkeyed.ts';

export interface KeysetPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface KeysetList<T, P = KeysetPage<T>> {
  items: T[];
  /** The first page as the server sent it (a total, an estimate flag), once loaded. */
  firstPage: P | undefined;
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

const NO_ROWS: unknown[] = [];

type Pages<P> = InfiniteData<P, string | undefined>;
type ItemOf<P extends KeysetPage<unknown>> = P['items'][number];

/**
 * A "加载更多" list over a keyset-paginated endpoint, cached as one infinite query. `key` (from
 * api/query-keys.ts) carries the filters: a new key starts again from the first page and cancels the old fetch;
 * `fetchPage` is read through a ref, so only the key decides when the list restarts. Without a key the identity
 * of `fetchPage` is the key (memoise it with useCallback). `keyOf` only identifies rows and is read through a ref
 * too, so an inline arrow (a new function each render) cannot restart the list — it once made 检查与公示 reload
 * in a loop.
 */
export function useKeysetList<P extends KeysetPage<unknown>>(
  fetchPage: (cursor: string | undefined, signal: AbortSignal) => Promise<P>,
  keyOf: (item: ItemOf<P>) => string | number,
  key?: QueryKey,
): KeysetList<ItemOf<P>, P> {
  type T = ItemOf<P>;
  const queryClient = useQueryClient();
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const keyOfRef = useRef(keyOf);
  keyOfRef.current = keyOf;
  const queryKey = key ?? unkeyed(fetchPage);
  const queryKeyRef = useRef(queryKey);
  queryKeyRef.current = queryKey;

  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchRef.current(pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const { refetch, fetchNextPage, hasNextPage, isFetching } = query;

  // Rows put on top by upsertItem that the loaded pages do not hold (a new row sorting beyond them): they stay
  // on top through refetches (a write invalidates the list) until the filters change or the user reloads.
  const listHash = hashKey(queryKey);
  const [pinned, setPinned] = useState<{ listHash: string; rows: T[] }>({ listHash, rows: [] });
  const pinnedRows = pinned.listHash === listHash ? pinned.rows : (NO_ROWS as T[]);

  const items = useMemo(() => {
    const key = keyOfRef.current;
    const inPages = new Set<string | number>();
    for (const page of query.data?.pages ?? []) for (const item of page.items) inPages.add(key(item));
    // A row added locally (upsertItem) may come again on a later page: the server's copy wins.
    const seen = new Set<string | number>();
    const out: T[] = pinnedRows.filter((row) => !inPages.has(key(row)));
    for (const row of out) seen.add(key(row));
    for (const page of query.data?.pages ?? []) {
      for (const item of page.items) {
        const k = key(item);
        if (seen.has(k)) continue;
        seen.add(k);
        out.push(item);
      }
    }
    return out;
  }, [query.data, pinnedRows]);

  const reload = useCallback(() => {
    setPinned((p) => ({ listHash: p.listHash, rows: [] }));
    void refetch();
  }, [refetch]);
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching) void fetchNextPage();
  }, [fetchNextPage, hasNextPage, isFetching]);

  const update = useCallback(
    (change: (pages: P[]) => P[]) =>
      queryClient.setQueryData<Pages<P>>(queryKeyRef.current, (data) =>
        data ? { ...data, pages: change(data.pages) } : data,
      ),
    [queryClient],
  );

  const replacePinned = useCallback((next: T, k: string | number) => {
    const key = keyOfRef.current;
    setPinned((p) =>
      p.rows.some((row) => key(row) === k) ? { ...p, rows: p.rows.map((row) => (key(row) === k ? next : row)) } : p,
    );
  }, []);

  const replaceItem = useCallback(
    (next: T) => {
      const key = keyOfRef.current;
      const k = key(next);
      update((pages) =>
        pages.map((page) =>
          page.items.some((item) => key(item) === k)
            ? { ...page, items: page.items.map((item) => (key(item) === k ? next : item)) }
            : page,
        ),
      );
      replacePinned(next, k);
    },
    [update, replacePinned],
  );

  const upsertItem = useCallback(
    (next: T) => {
      const key = keyOfRef.current;
      const k = key(next);
      const data = queryClient.getQueryData<Pages<P>>(queryKeyRef.current);
      if (data?.pages.some((page) => page.items.some((item) => key(item) === k))) {
        replaceItem(next);
        return;
      }
      const hash = hashKey(queryKeyRef.current);
      setPinned((p) => {
        const rows = p.listHash === hash ? p.rows : [];
        return {
          listHash: hash,
          rows: rows.some((row) => key(row) === k) ? rows.map((row) => (key(row) === k ? next : row)) : [next, ...rows],
        };
      });
    },
    [queryClient, replaceItem],
  );

  return {
    items,
    firstPage: query.data?.pages[0],
    hasMore: hasNextPage,
    loading: isFetching,
    error: query.error && !isFetching ? toApiError(query.error) : undefined,
    reload,
    loadMore,
    upsertItem,
    replaceItem,
  };
}
