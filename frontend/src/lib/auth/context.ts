import { createContext, useContext } from 'react';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, session, unwrap } from '@/api/client';
import type { components } from '@/api/schema.gen';

export type Me = components['schemas']['MeView'];
export type RoleCode = Me['roles'][number]['role'];

export const meQueryOptions = () =>
  queryOptions({
    queryKey: ['me'],
    queryFn: () => unwrap(api.GET('/api/v1/me')),
    staleTime: 5 * 60_000,
  });

export interface SessionValue {
  /** True until the start-up refresh has answered. */
  restoring: boolean;
  token: string | null;
  signIn: (accessToken: string) => void;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user (`GET /me`); only fetched while there is a session. */
export function useMe() {
  const { token } = useSession();
  return useQuery({ ...meQueryOptions(), enabled: token !== null });
}

export function sessionWasExpired(): boolean {
  return session.wasExpired();
}

/** Capabilities and roles for navigation only — buttons follow each view's allowed_actions. */
export function hasCapability(me: Me | undefined, capability: string): boolean {
  return !!me && (me.capabilities as readonly string[]).includes(capability);
}

export function hasRole(me: Me | undefined, ...roles: RoleCode[]): boolean {
  return !!me && me.roles.some((r) => roles.includes(r.role));
}
