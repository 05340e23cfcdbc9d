import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './schema.gen';
import { createAuthFetch } from './auth-fetch';
import { ApiError } from './problem';
import { Session } from './session';

let apiLanguage = 'vi';
/** Called by the i18n layer so every request carries the UI language. */
export function setApiLanguage(lang: string): void {
  apiLanguage = lang;
}

// Absolute base: `new Request('/api/…')` is invalid outside a browser (tests, SSR tools).
const baseUrl = globalThis.location?.origin ?? 'http://localhost';

export const session: Session = new Session(async (): Promise<string | null> => {
  const { data } = await api.POST('/api/v1/auth/refresh', {});
  return data?.access_token ?? null;
});

export const api: Client<paths> = createClient<paths>({
  baseUrl,
  // Resolved per call (not captured once) so tests can stub globalThis.fetch.
  fetch: createAuthFetch({ session, language: () => apiLanguage, fetch: (r) => globalThis.fetch(r) }),
});

type Data<R> = Exclude<R extends { data?: infer D } ? D : never, undefined>;
/** A 204 has no body: its "data" is void rather than never. */
type Unwrapped<R> = [Data<R>] extends [never] ? void : Data<R>;

/**
 * Unwraps an openapi-fetch result: the data, or an `ApiError` carrying the problem body.
 * Query functions and mutations throw it so TanStack Query and forms see one error type.
 */
export async function unwrap<R extends { data?: unknown; error?: unknown; response: Response }>(call: Promise<R>): Promise<Unwrapped<R>> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) {
    throw new ApiError(response.status, error ?? null, response.headers.get('Retry-After'));
  }
  return data as Unwrapped<R>;
}
