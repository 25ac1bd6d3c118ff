/** A small HTTP client with a cookie jar for the simulator's tests (Node fetch, no redirects). */
import type { Simulator } from '../../simulator/server';

export class Client {
  readonly jar = new Map<string, string>();
  lastSetCookie: string[] = [];
  constructor(readonly sim: Simulator) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.jar.size > 0) headers.set('cookie', [...this.jar].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(new URL(path, this.sim.url), { ...init, headers, redirect: 'manual' });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const c of this.lastSetCookie) {
      const [pair] = c.split(';');
      const [k, v] = (pair ?? '').split('=');
      if (!k) continue;
      if (/Max-Age=0/i.test(c)) this.jar.delete(k);
      else this.jar.set(k, v ?? '');
    }
    return res;
  }

  form(path: string, data: Record<string, string>): Promise<Response> {
    return this.fetch(path, { method: 'POST', body: new URLSearchParams(data) });
  }

  json(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
    return this.fetch(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  }
}

/** POST a change to the control surface; throws when it is refused. */
export async function control(sim: Simulator, change: Record<string, unknown>): Promise<void> {
  const res = await fetch(new URL('__sim/api/config', sim.url), {
    method: 'POST',
    body: JSON.stringify(change),
  });
  if (!res.ok) throw new Error(`control refused: ${await res.text()}`);
}

export interface TruthPayment {
  id: string;
  dekaNo: string;
  status: string;
  voucherNo: string | null;
  failureReason: string | null;
  history: { status: string; at: number }[];
}

export async function truth(sim: Simulator): Promise<TruthPayment[]> {
  const res = await fetch(new URL('__sim/api/truth', sim.url));
  return ((await res.json()) as { payments: TruthPayment[] }).payments;
}

export async function requestCounts(sim: Simulator): Promise<Record<string, number>> {
  return (await (await fetch(new URL('__sim/api/requests', sim.url))).json()) as Record<string, number>;
}

/** Design A: log in through the realm and exchange the code; returns the tokens. */
export async function loginA(client: Client, username = 'somsri', password = 'elaas2569') {
  const res = await client.form('/realms/elaas/login-actions/authenticate?redirect_uri=%2F%23%2Fhome', {
    username,
    password,
  });
  const code = new URL(res.headers.get('location') ?? '', client.sim.url).searchParams.get('code');
  if (!code) throw new Error('no code');
  const tokens = await client.form('/realms/elaas/protocol/openid-connect/token', {
    grant_type: 'authorization_code',
    code,
  });
  return (await tokens.json()) as { access_token: string; refresh_token: string; expires_in: number };
}
