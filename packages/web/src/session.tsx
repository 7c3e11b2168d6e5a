import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setCsrfToken } from './api/client.ts';
import type { Session } from './api/types.ts';

export type EndReason = 'expired' | 'loggedOut';

interface SessionState {
  /** undefined while the first GET /auth/session is in flight; null when nobody is signed in. */
  session: Session | null | undefined;
  /** Why the last session ended (shown on the sign-in pages); null after a new sign-in. */
  endReason: EndReason | null;
  setSession(session: Session | null, endReason?: EndReason): void;
  refresh(): Promise<Session | null>;
  logout(): Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSessionState] = useState<Session | null | undefined>(undefined);
  const [endReason, setEndReason] = useState<EndReason | null>(null);

  const setSession = useCallback((s: Session | null, reason?: EndReason) => {
    setCsrfToken(s?.csrfToken ?? null);
    setSessionState(s);
    setEndReason(s ? null : (reason ?? null));
  }, []);

  const refresh = useCallback(async () => {
    try {
      const s = await api.get<Session>('/auth/session', { handle401: false });
      setSession(s);
      return s;
    } catch (err) {
      if (!(err instanceof ApiError) || err.status === 401) {
        setSession(null);
        return null;
      }
      // Server trouble: treat as signed out, the sign-in page shows what happens next.
      setSession(null);
      return null;
    }
  }, [setSession]);

  const logout = useCallback(async () => {
    try {
      await api.post<void>('/auth/logout', {}, { handle401: false });
    } catch {
      // Signed out already or server unreachable: forget the session locally anyway.
    }
    setSession(null, 'loggedOut');
  }, [setSession]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const value = useMemo(() => ({ session, endReason, setSession, refresh, logout }), [session, endReason, setSession, refresh, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}
