/**
 * The access token lives in memory only (never in localStorage, so a script injected into
 * the page cannot lift a long-lived credential); the refresh token is an HttpOnly cookie the
 * page never sees. A reload therefore restores the session through `refresh()`.
 *
 * Refresh tokens rotate and re-using a rotated one revokes the whole family, so two
 * refreshes must never race: `refresh()` is single-flight — every caller during a refresh
 * shares the same promise.
 */
export type RefreshFn = () => Promise<string | null>;
type Listener = () => void;

export class Session {
  private token: string | null = null;
  private expired = false;
  private inflight: Promise<string | null> | null = null;
  private readonly listeners = new Set<Listener>();
  private readonly expiredListeners = new Set<Listener>();
  private readonly doRefresh: RefreshFn;

  constructor(doRefresh: RefreshFn) {
    this.doRefresh = doRefresh;
  }

  getToken = (): string | null => this.token;

  setToken(token: string | null): void {
    if (token !== null) this.expired = false;
    if (token === this.token) return;
    this.token = token;
    this.listeners.forEach((l) => l());
  }

  clear(): void {
    this.setToken(null);
  }

  /**
   * Asks for a new access token. When refused it resolves to null; if a session was in use
   * it has then expired, and the expiry listeners hear it once.
   */
  refresh(): Promise<string | null> {
    if (!this.inflight) {
      this.inflight = this.doRefresh()
        .catch(() => null)
        .then((token) => {
          if (token === null) this.expire();
          else this.setToken(token);
          return token;
        })
        .finally(() => {
          this.inflight = null;
        });
    }
    return this.inflight;
  }

  /** The session was lost while in use (refresh refused): clear it and tell the app once. */
  expire(): void {
    const hadSession = this.token !== null;
    if (hadSession) this.expired = true;
    this.clear();
    if (hadSession) this.expiredListeners.forEach((l) => l());
  }

  /** Whether the last session ended by expiry (not by logout), until the next sign-in. */
  wasExpired(): boolean {
    return this.expired;
  }

  /** For `useSyncExternalStore`. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  onExpired(listener: Listener): () => void {
    this.expiredListeners.add(listener);
    return () => this.expiredListeners.delete(listener);
  }
}
