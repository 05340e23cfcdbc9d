import type { Session } from './session';

export interface AuthFetchOptions {
  session: Session;
  /** The UI language, sent as Accept-Language so `title`/`detail` come back in it. */
  language: () => string;
  fetch?: (request: Request) => Promise<Response>;
}

/** Login, refresh and logout answer 401 for their own reasons; never refresh-and-retry them. */
const isAuthEndpoint = (url: string) => new URL(url).pathname.startsWith('/api/v1/auth/');

/**
 * A fetch for openapi-fetch that adds the bearer token and Accept-Language, and on a 401
 * refreshes the session once (shared by all concurrent requests) and retries the request.
 * When the refresh is refused the session has expired and the original 401 is returned.
 */
export function createAuthFetch({
  session,
  language,
  fetch = (r) => globalThis.fetch(r),
}: AuthFetchOptions): (request: Request) => Promise<Response> {
  const send = (request: Request, token: string | null) => {
    const headers = new Headers(request.headers);
    headers.set('Accept-Language', language());
    if (token) headers.set('Authorization', `Bearer ${token}`);
    else headers.delete('Authorization');
    return fetch(new Request(request, { headers }));
  };

  return async (request) => {
    const used = session.getToken();
    if (used === null || isAuthEndpoint(request.url)) return send(request, used);

    const retry = request.clone(); // the body of `request` is consumed by the first send
    const response = await send(request, used);
    if (response.status !== 401) return response;

    // Another request may already have refreshed while this one was in flight.
    const current = session.getToken();
    const token = current !== null && current !== used ? current : await session.refresh();
    // A refused refresh has already expired the session (and told the app); give up.
    return token === null ? response : send(retry, token);
  };
}
