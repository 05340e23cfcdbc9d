import { createAuthFetch } from './auth-fetch';
import { Session } from './session';

const ORIGIN = 'http://localhost';
const req = (path: string, init?: RequestInit) => new Request(ORIGIN + path, init);
const json = (status: number, body: unknown = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** A server whose valid token is `valid`; every call is recorded with the token it carried. */
function fakeServer(valid: () => string) {
  const calls: { path: string; auth: string | null; lang: string | null; body: string }[] = [];
  const fetch = async (r: Request) => {
    const body = await r.text();
    calls.push({ path: new URL(r.url).pathname, auth: r.headers.get('Authorization'), lang: r.headers.get('Accept-Language'), body });
    await new Promise((res) => setTimeout(res, 5));
    return r.headers.get('Authorization') === `Bearer ${valid()}` ? json(200, { ok: true }) : json(401, { code: 'unauthorized' });
  };
  return { calls, fetch };
}

describe('Session.refresh', () => {
  it('is single-flight: concurrent callers share one refresh', async () => {
    let n = 0;
    const session = new Session(async () => {
      n += 1;
      await new Promise((r) => setTimeout(r, 10));
      return `t${n}`;
    });
    const results = await Promise.all([session.refresh(), session.refresh(), session.refresh()]);
    expect(results).toEqual(['t1', 't1', 't1']);
    expect(n).toBe(1);
    expect(session.getToken()).toBe('t1');
    // Once settled, a later refresh is a new one.
    expect(await session.refresh()).toBe('t2');
  });

  it('clears the token when the refresh is refused or fails', async () => {
    const session = new Session(() => Promise.reject(new TypeError('offline')));
    session.setToken('old');
    expect(await session.refresh()).toBeNull();
    expect(session.getToken()).toBeNull();
  });

  it('notifies subscribers on token changes and expiry listeners only when a session is lost', () => {
    const session = new Session(async () => null);
    const changed = vi.fn();
    const expired = vi.fn();
    session.subscribe(changed);
    session.onExpired(expired);
    session.expire(); // nothing to lose
    expect(expired).not.toHaveBeenCalled();
    session.setToken('a');
    session.expire();
    expect(changed).toHaveBeenCalledTimes(2);
    expect(expired).toHaveBeenCalledTimes(1);
  });
});

describe('createAuthFetch', () => {
  it('sends the bearer token and the UI language', async () => {
    const server = fakeServer(() => 'good');
    const session = new Session(async () => 'never');
    session.setToken('good');
    const f = createAuthFetch({ session, language: () => 'en', fetch: server.fetch });
    const res = await f(req('/api/v1/me'));
    expect(res.status).toBe(200);
    expect(server.calls[0]).toMatchObject({ auth: 'Bearer good', lang: 'en' });
  });

  it('refreshes once for concurrent 401s and retries each request with its body', async () => {
    let valid = 'fresh';
    const server = fakeServer(() => valid);
    let refreshes = 0;
    const session = new Session(async () => {
      refreshes += 1;
      await new Promise((r) => setTimeout(r, 10));
      return 'fresh';
    });
    session.setToken('stale');
    const f = createAuthFetch({ session, language: () => 'vi', fetch: server.fetch });

    const responses = await Promise.all([
      f(req('/api/v1/campaigns')),
      f(req('/api/v1/users', { method: 'POST', body: '{"username":"a"}', headers: { 'Content-Type': 'application/json' } })),
      f(req('/api/v1/organizations/tree')),
    ]);

    expect(responses.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(refreshes).toBe(1);
    const retried = server.calls.filter((c) => c.auth === 'Bearer fresh');
    expect(retried).toHaveLength(3);
    expect(retried.find((c) => c.path === '/api/v1/users')?.body).toBe('{"username":"a"}');
    valid = 'x';
  });

  it('expires the session and returns the 401 when the refresh is refused', async () => {
    const server = fakeServer(() => 'unreachable');
    const session = new Session(async () => null);
    session.setToken('stale');
    const expired = vi.fn();
    session.onExpired(expired);
    const f = createAuthFetch({ session, language: () => 'vi', fetch: server.fetch });

    const [a, b] = await Promise.all([f(req('/api/v1/me')), f(req('/api/v1/campaigns'))]);

    expect([a.status, b.status]).toEqual([401, 401]);
    expect(session.getToken()).toBeNull();
    expect(expired).toHaveBeenCalledTimes(1);
    expect(server.calls).toHaveLength(2); // no retry without a token
  });

  it('never refreshes for the auth endpoints themselves', async () => {
    const server = fakeServer(() => 'nope');
    const refresh = vi.fn(async () => 'x');
    const session = new Session(refresh);
    session.setToken('t');
    const f = createAuthFetch({ session, language: () => 'vi', fetch: server.fetch });
    const res = await f(req('/api/v1/auth/login', { method: 'POST', body: '{}' }));
    expect(res.status).toBe(401);
    expect(refresh).not.toHaveBeenCalled();
  });
});
