import { useCallback, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, session } from '@/api/client';
import { SessionContext } from './context';

/** Restores the session from the refresh cookie at start-up and exposes sign-in/out. */
export function SessionProvider({ children, onExpired }: { children: ReactNode; onExpired?: () => void }) {
  const queryClient = useQueryClient();
  const token = useSyncExternalStore(session.subscribe, session.getToken);
  const [restoring, setRestoring] = useState(() => session.getToken() === null);

  useEffect(() => {
    if (session.getToken() !== null) return;
    let live = true;
    // Single-flight, so StrictMode's double effect still sends one refresh.
    void session.refresh().finally(() => {
      if (live) setRestoring(false);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(
    () =>
      session.onExpired(() => {
        queryClient.clear();
        onExpired?.();
      }),
    [queryClient, onExpired],
  );

  const signIn = useCallback(
    (accessToken: string) => {
      queryClient.clear();
      session.setToken(accessToken);
    },
    [queryClient],
  );

  const signOut = useCallback(async () => {
    try {
      await api.POST('/api/v1/auth/logout', {});
    } catch {
      // Offline: the cookie dies with its expiry; the in-memory token goes now anyway.
    }
    session.clear();
    queryClient.clear();
  }, [queryClient]);

  const value = useMemo(() => ({ restoring, token, signIn, signOut }), [restoring, token, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

