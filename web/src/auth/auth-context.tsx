import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import type { TMe } from '../../../src/contracts/auth.ts';
import type { Permission } from '../../../src/contracts/permissions.ts';
import { authApi } from '../api/auth.ts';
import { setCsrfToken, setUnauthenticatedHandler } from '../api/client.ts';
import { type ApiError, isApiError, toApiError } from '../api/errors.ts';

interface AuthValue {
  me: TMe | null;
  /** True until the first /auth/me answer: whether a session exists is not known yet. */
  checking: boolean;
  /** Set when the probe failed for a reason other than "not signed in" (server down). */
  /** Why the session probe failed, other than 401 (the server down, a proxy error page). */
  probeError: ApiError | null;
  /** Why the session ended under the user's feet (idle timeout, account disabled), for the login page. */
  endedReason: string | null;
  login: (username: string, password: string) => Promise<TMe>;
  logout: () => Promise<void>;
  can: (permission: Permission) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

export const loginPath = (next: string) =>
  next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login';

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe | null>(null);
  const [checking, setChecking] = useState(true);
  const [probeError, setProbeError] = useState<ApiError | null>(null);
  const [endedReason, setEndedReason] = useState<string | null>(null);
  const navigate = useNavigate();

  const accept = useCallback((value: TMe | null) => {
    setCsrfToken(value?.csrfToken ?? '');
    setMe(value);
  }, []);

  useEffect(() => {
    authApi
      .me()
      .then(accept, (err: unknown) => {
        accept(null);
        if (!isApiError(err) || err.status !== 401) setProbeError(toApiError(err));
      })
      .finally(() => setChecking(false));
  }, [accept]);

  useEffect(() => {
    // Any API call answered 401 means the session ended (idle timeout, logout elsewhere, account disabled).
    // RequireAuth then sends the user to /login, keeping the path to come back to.
    setUnauthenticatedHandler((detail) => {
      setEndedReason(detail);
      accept(null);
    });
    return () => setUnauthenticatedHandler(undefined);
  }, [accept]);

  const login = useCallback(
    async (username: string, password: string) => {
      const value = await authApi.login({ username, password });
      setProbeError(null);
      setEndedReason(null);
      accept(value);
      return value;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      accept(null);
      navigate('/login', { replace: true });
    }
  }, [accept, navigate]);

  const value = useMemo<AuthValue>(
    () => ({
      me,
      checking,
      probeError,
      endedReason,
      login,
      logout,
      can: (permission) => me?.permissions.includes(permission) ?? false,
    }),
    [me, checking, probeError, endedReason, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}

/** For pages behind RequireAuth, where a signed-in user is guaranteed. */
export function useMe(): TMe {
  const { me } = useAuth();
  if (!me) throw new Error('useMe outside RequireAuth');
  return me;
}
