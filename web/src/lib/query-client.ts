import { focusManager, QueryClient } from '@tanstack/react-query';
import { setWriteListener } from '../api/client.ts';
import { isApiError } from '../api/errors.ts';
import { keysAfterWrite } from '../api/query-keys.ts';

const MAX_RETRIES = 2;

/** Retry what may pass on a second try (the server unreachable, a 5xx); a 4xx or a contract error will not. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_RETRIES || !isApiError(error)) return false;
  return error.code === 'NETWORK' || error.status >= 500;
}

/**
 * The app's one cache of server state. Reads stay fresh for 30 s (moving between pages does not refetch), a
 * refocused tab does not refetch (a clerk switching windows all day would reload every table), and every
 * successful write marks its module's reads stale, so open lists and details refetch and show the change.
 */
export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
  setWriteListener((path) => {
    // Another user's session must not see this one's cached rows.
    if (path === '/auth/login' || path === '/auth/logout') {
      client.clear();
      return;
    }
    for (const queryKey of keysAfterWrite(path)) void client.invalidateQueries({ queryKey });
  });
  return client;
}

// A hidden tab counts as unfocused, so polling (refetchInterval without refetchIntervalInBackground) pauses there.
focusManager.setEventListener((setFocused) => {
  const listener = () => setFocused(!document.hidden);
  document.addEventListener('visibilitychange', listener, false);
  return () => document.removeEventListener('visibilitychange', listener);
});

export const queryClient = createQueryClient();
