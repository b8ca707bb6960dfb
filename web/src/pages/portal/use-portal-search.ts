import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { errorDetail } from '../../components/load-error.tsx';
import { useT } from '../../i18n/i18n-context.tsx';
import type { MessageKey } from '../../i18n/zh-cn.ts';

/**
 * A portal search page's state: the query lives in the URL (?q=, so a result list can be shared and reloaded),
 * pages append by keyset cursor, and a one-character query is refused with `hintKey` before any request.
 */
export function usePortalSearch<R>(
  fetchPage: (q: string, cursor?: string) => Promise<{ items: R[]; nextCursor: string | null }>,
  hintKey: MessageKey,
) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [text, setText] = useState(q);
  const [rows, setRows] = useState<R[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string>();

  const load = async (cursor?: string) => {
    setLoading(true);
    setError(undefined);
    try {
      const page = await fetchPage(q, cursor);
      setRows((prev) => (cursor ? [...prev, ...page.items] : page.items));
      setNextCursor(page.nextCursor);
    } catch (err) {
      setError(errorDetail(t, err));
    } finally {
      setLoading(false);
    }
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: reload from the first page when the search changes
  useEffect(() => {
    setText(q);
    setRows([]);
    setNextCursor(null);
    if (q) void load();
  }, [q]);

  const search = (value: string) => {
    const v = value.trim();
    if ([...v].length === 1) {
      setError(t(hintKey));
      return;
    }
    setParams(v ? { q: v } : {});
  };

  return { q, text, setText, rows, nextCursor, loading, error, search, loadMore: () => load(nextCursor ?? undefined) };
}
