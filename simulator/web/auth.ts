/**
 * Sessions and tokens. Design A: a Keycloak-style SSO session (cookie on the login realm),
 * one-time codes, short-lived bearer access tokens and refresh tokens with an idle timeout.
 * Design B: a cookie session with the same idle timeout. Real (not simulated) time.
 */
import { randomToken } from './http';

export interface AuthConfig {
  accessTtlMs: number;
  idleMs: number;
}

interface Session {
  username: string;
  lastSeen: number;
}

interface Token {
  sid: string;
  expiresAt: number;
}

export class AuthStore {
  config: AuthConfig = { accessTtlMs: 5 * 60_000, idleMs: 30 * 60_000 };
  private sessions = new Map<string, Session>();
  private codes = new Map<string, string>();
  private access = new Map<string, Token>();
  private refresh = new Map<string, Token>();

  constructor(private readonly clock: () => number) {}

  createSession(username: string): string {
    const sid = randomToken();
    this.sessions.set(sid, { username, lastSeen: this.clock() });
    return sid;
  }

  /** The session's user, if it is alive; touching it resets the idle timer. */
  session(sid: string | undefined, touch = true): string | null {
    const s = sid ? this.sessions.get(sid) : undefined;
    if (!s || !sid) return null;
    const now = this.clock();
    if (now - s.lastSeen > this.config.idleMs) {
      this.endSession(sid);
      return null;
    }
    if (touch) s.lastSeen = now;
    return s.username;
  }

  endSession(sid: string): void {
    this.sessions.delete(sid);
    for (const map of [this.access, this.refresh]) {
      for (const [k, t] of map) if (t.sid === sid) map.delete(k);
    }
  }

  issueCode(sid: string): string {
    const code = randomToken(16);
    this.codes.set(code, sid);
    return code;
  }

  private issueTokens(sid: string) {
    const now = this.clock();
    const accessToken = randomToken();
    const refreshToken = randomToken();
    this.access.set(accessToken, { sid, expiresAt: now + this.config.accessTtlMs });
    this.refresh.set(refreshToken, { sid, expiresAt: now + this.config.idleMs });
    return {
      access_token: accessToken,
      expires_in: Math.round(this.config.accessTtlMs / 1000),
      refresh_token: refreshToken,
      refresh_expires_in: Math.round(this.config.idleMs / 1000),
      token_type: 'Bearer',
    };
  }

  exchangeCode(code: string) {
    const sid = this.codes.get(code);
    this.codes.delete(code); // one use only
    return sid && this.session(sid) ? this.issueTokens(sid) : null;
  }

  exchangeRefresh(token: string) {
    const t = this.refresh.get(token);
    this.refresh.delete(token); // rotated
    if (!t || t.expiresAt < this.clock() || !this.session(t.sid)) return null;
    return this.issueTokens(t.sid);
  }

  /** The user behind a bearer token, or null when it is unknown or expired. */
  bearer(header: string | undefined): string | null {
    const token = /^Bearer (\S+)$/.exec(header ?? '')?.[1];
    const t = token ? this.access.get(token) : undefined;
    if (!t || t.expiresAt < this.clock()) return null;
    return this.session(t.sid);
  }

  /** Fault: every access token expires now (clients must refresh). */
  expireAccessTokens(): void {
    this.access.clear();
  }

  /** Fault: everybody is logged out. */
  logoutAll(): void {
    this.sessions.clear();
    this.codes.clear();
    this.access.clear();
    this.refresh.clear();
  }
}
