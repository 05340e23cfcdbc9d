import { Navigate, Outlet, useLocation } from 'react-router';
import { PageSpinner } from '@/components/PageSpinner';
import { sessionWasExpired, useSession } from '@/lib/auth';

export interface LoginState {
  from?: string;
  reason?: 'expired' | 'logged_out';
}

/** Routes below need a session; without one, go to /login and come back afterwards. */
export function RequireAuth() {
  const { restoring, token } = useSession();
  const location = useLocation();
  if (restoring) return <PageSpinner />;
  if (token === null) {
    const state: LoginState = {
      from: location.pathname + location.search,
      reason: sessionWasExpired() ? 'expired' : undefined,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
