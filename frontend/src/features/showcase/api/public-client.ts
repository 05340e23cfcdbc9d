import createClient, { type Client } from 'openapi-fetch';
import type { paths } from '@/api/schema.gen';
import { currentLanguage } from '@/i18n';

// Absolute base: `new Request('/api/…')` is invalid outside a browser (tests, SSR tools).
const baseUrl = globalThis.location?.origin ?? 'http://localhost';

/**
 * The client of the public showcase: no bearer token, ever (a visitor has none, and a signed-in
 * user's token must not ride along to a public page), so no refresh on 401 and no redirect to
 * the login page either. The answers are in the UI language like everywhere else.
 */
export const publicApi: Client<paths> = createClient<paths>({
  baseUrl,
  // Resolved per call (not captured once) so tests can stub globalThis.fetch.
  fetch: (request: Request) => {
    const headers = new Headers(request.headers);
    headers.set('Accept-Language', currentLanguage());
    headers.delete('Authorization');
    return globalThis.fetch(new Request(request, { headers, credentials: 'omit' }));
  },
});
