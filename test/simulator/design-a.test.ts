// @vitest-environment node
/** Design A over HTTP: the login realm, tokens, the JSON API, and every fault. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';
import { Client, control, loginA, requestCounts, truth } from './client';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z'); // 10:00 in Bangkok, after the change
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ design: 'A', start: JUNE_10, seed: 1 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await fetch(new URL('__sim/api/reset', sim.url), { method: 'POST' });
});

async function api(client: Client, token: string, path: string, body?: unknown) {
  const headers = { authorization: `Bearer ${token}` };
  const res =
    body === undefined
      ? await client.fetch(`/api/v1${path}`, { headers })
      : await client.json(`/api/v1${path}`, body, headers);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

async function firstDeka(client: Client, token: string) {
  const r = JSON.parse((await api(client, token, '/expenditure/dekas/unpaid?size=1')).text);
  return r.data.rows[0] as { no: string; amount: number };
}

function paymentBody(deka: { no: string; amount: number }) {
  return {
    dekaNo: deka.no,
    payDate: '10/06/2569',
    paymentMethod: 'TRANSFER',
    bankAccountNo: '020-1-00123-4',
    withholdingTax: '0.00',
    netAmount: deka.amount,
  };
}

describe('the login realm (Keycloak style)', () => {
  it('shows the Thai login page, refuses a wrong password, and signs in with an SSO cookie', async () => {
    const c = new Client(sim);
    const page = await (await c.fetch('/realms/elaas/protocol/openid-connect/auth?redirect_uri=%2F')).text();
    expect(page).toContain('กรมส่งเสริมการปกครองท้องถิ่น');
    expect(page).toContain('กรุณาลงชื่อเข้าใช้เพื่อเข้าสู่ระบบ');
    const wrong = await c.form('/realms/elaas/login-actions/authenticate?redirect_uri=%2F', {
      username: 'somsri',
      password: 'x',
    });
    expect(await wrong.text()).toContain('กรุณาตรวจสอบรหัสผู้ใช้หรือรหัสผ่านให้ถูกต้อง');
    const ok = await c.form(
      '/realms/elaas/login-actions/authenticate?redirect_uri=%2F%23%2Fexpenditure%2Fpayments',
      { username: 'somsri', password: 'elaas2569' },
    );
    expect(ok.status).toBe(303);
    expect(ok.headers.get('location')).toMatch(/^\/\?code=[\w-]+#\/expenditure\/payments$/);
    expect(c.lastSetCookie[0]).toMatch(/^KEYCLOAK_SESSION=.+; Path=\/realms\/elaas; HttpOnly; SameSite=Lax$/);
    // Already signed in: the realm sends the app straight back with a new code.
    const again = await c.fetch('/realms/elaas/protocol/openid-connect/auth?redirect_uri=%2F');
    expect(again.headers.get('location')).toMatch(/^\/\?code=/);
    // Only paths on this origin are allowed as redirect targets.
    const evil = await c.fetch(
      '/realms/elaas/protocol/openid-connect/auth?redirect_uri=https%3A%2F%2Fevil.example%2F',
    );
    expect(evil.headers.get('location')).toMatch(/^\/\?code=/);
  });

  it('uses each code once, rotates refresh tokens, and ends idle sessions', async () => {
    const c = new Client(sim);
    const res = await c.form('/realms/elaas/login-actions/authenticate?redirect_uri=%2F', {
      username: 'somsri',
      password: 'elaas2569',
    });
    const code = new URL(res.headers.get('location') ?? '', sim.url).searchParams.get('code') ?? '';
    const first = await c.form('/realms/elaas/protocol/openid-connect/token', {
      grant_type: 'authorization_code',
      code,
    });
    expect(first.status).toBe(200);
    const tokens = (await first.json()) as { refresh_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');
    const reuse = await c.form('/realms/elaas/protocol/openid-connect/token', {
      grant_type: 'authorization_code',
      code,
    });
    expect(reuse.status).toBe(400);
    const refreshed = await c.form('/realms/elaas/protocol/openid-connect/token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    const old = await c.form('/realms/elaas/protocol/openid-connect/token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    expect(old.status).toBe(400);

    await control(sim, { idleMs: 1000 });
    const idle = (await refreshed.json()) as { refresh_token: string };
    await new Promise((r) => setTimeout(r, 1200));
    const expired = await c.form('/realms/elaas/protocol/openid-connect/token', {
      grant_type: 'refresh_token',
      refresh_token: idle.refresh_token,
    });
    expect(expired.status).toBe(400);
    await control(sim, { idleMs: 30 * 60_000 });
  });
});

describe('the JSON API', () => {
  it('refuses requests without a valid bearer token, in the E envelope', async () => {
    const c = new Client(sim);
    const r = await api(c, 'nope', '/me');
    expect(r.status).toBe(401);
    expect(JSON.parse(r.text)).toEqual({ code: 'E', message: 'หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่' });
  });

  it('records a payment without a voucher after the change; the voucher comes later', async () => {
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    const me = JSON.parse((await api(c, t, '/me')).text);
    expect(me).toMatchObject({
      code: 'S',
      data: { user: { displayName: 'สมศรี ใจดี' }, fiscalYear: 2569, voucherMode: 'ASYNC' },
    });
    const deka = await firstDeka(c, t);
    const saved = JSON.parse((await api(c, t, '/expenditure/payments', paymentBody(deka))).text);
    expect(saved.code).toBe('S');
    expect(saved.message).toContain('ระบบอยู่ระหว่างประมวลผล');
    expect(saved.data).toMatchObject({
      dekaNo: deka.no,
      status: 'AWAITING',
      statusName: 'รอประมวลผล',
      voucherNo: null,
    });

    const listed = JSON.parse((await api(c, t, '/expenditure/payments?status=AWAITING')).text);
    expect(listed.data.total).toBe(1);
    await control(sim, { advanceMs: 10 * 60_000 });
    const [real] = await truth(sim);
    expect(real?.status).toBe('created');
    const detail = JSON.parse((await api(c, t, `/expenditure/payments/${saved.data.id}`)).text);
    expect(detail.data).toMatchObject({ status: 'CREATED', voucherNo: real?.voucherNo });
    const voucher = JSON.parse((await api(c, t, `/expenditure/vouchers/${real?.voucherNo}`)).text);
    expect(voucher).toMatchObject({ code: 'S', data: { dekaNo: deka.no } });
  });

  it('creates the voucher at once before the change, and validates in Thai', async () => {
    await control(sim, { mode: 'before' });
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    const deka = await firstDeka(c, t);
    const saved = JSON.parse((await api(c, t, '/expenditure/payments', paymentBody(deka))).text);
    expect(saved.message).toMatch(/^บันทึกข้อมูลสำเร็จ เลขที่ใบผ่านรายการจ่าย PV2569-\d{6}$/);
    expect(saved.data.status).toBe('CREATED');
    const bad = JSON.parse(
      (await api(c, t, '/expenditure/payments', { ...paymentBody(deka), dekaNo: 'x', paymentMethod: 'CASH' }))
        .text,
    );
    expect(bad).toMatchObject({
      code: 'E',
      message: 'กรุณาตรวจสอบข้อมูลให้ถูกต้อง',
      data: { errors: { method: 'กรุณาเลือกวิธีการจ่าย' } },
    });
  });

  it('cancels a waiting payment', async () => {
    await control(sim, { scenario: 'month-end' });
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    const saved = JSON.parse(
      (await api(c, t, '/expenditure/payments', paymentBody(await firstDeka(c, t)))).text,
    );
    const cancelled = JSON.parse((await api(c, t, `/expenditure/payments/${saved.data.id}/cancel`, {})).text);
    expect(cancelled).toMatchObject({ code: 'S', data: { status: 'CANCELLED', statusName: 'ยกเลิก' } });
    expect((await truth(sim))[0]?.status).toBe('cancelled');
  });
});

describe('faults', () => {
  it('maintenance: every page and API call answers 503 ระบบปิดปรับปรุง; the control surface still works', async () => {
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    await control(sim, { maintenance: true });
    for (const path of ['/', '/api/v1/me', '/realms/elaas/protocol/openid-connect/auth']) {
      const res = await c.fetch(path, { headers: { authorization: `Bearer ${t}` } });
      expect(res.status, path).toBe(503);
      expect(res.headers.get('retry-after')).toBe('300');
      expect(await res.text()).toContain('ระบบปิดปรับปรุง');
    }
    expect((await fetch(new URL('__sim/api/state', sim.url))).status).toBe(200);
    await control(sim, { maintenance: false });
    expect((await api(c, t, '/me')).status).toBe(200);
  });

  it('offline: every connection is dropped unanswered (a network error); the control surface still works', async () => {
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    await control(sim, { offline: true });
    for (const path of ['/', '/api/v1/me', '/static/spa.js']) {
      await expect(c.fetch(path, { headers: { authorization: `Bearer ${t}` } }), path).rejects.toThrow();
    }
    expect((await fetch(new URL('__sim/api/state', sim.url))).status).toBe(200);
    await control(sim, { offline: false });
    expect((await api(c, t, '/me')).status).toBe(200);
  });

  it('latency delays answers', async () => {
    const c = new Client(sim);
    await control(sim, { latencyMs: 400 });
    const started = performance.now();
    await c.fetch('/');
    expect(performance.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('401s, expired tokens and a forced logout', async () => {
    const c = new Client(sim);
    const tokens = await loginA(c);
    await control(sim, { unauthorizedNext: 1 });
    expect((await api(c, tokens.access_token, '/me')).status).toBe(401);
    expect((await api(c, tokens.access_token, '/me')).status).toBe(200);

    await control(sim, { expireTokens: true });
    expect((await api(c, tokens.access_token, '/me')).status).toBe(401);
    const refreshed = await c.form('/realms/elaas/protocol/openid-connect/token', {
      grant_type: 'refresh_token',
      refresh_token: tokens.refresh_token,
    });
    const fresh = (await refreshed.json()) as { access_token: string; refresh_token: string };
    expect((await api(c, fresh.access_token, '/me')).status).toBe(200);

    await control(sim, { logoutAll: true });
    expect((await api(c, fresh.access_token, '/me')).status).toBe(401);
    const refused = await c.form('/realms/elaas/protocol/openid-connect/token', {
      grant_type: 'refresh_token',
      refresh_token: fresh.refresh_token,
    });
    expect(refused.status).toBe(400);
    const page = await (await c.fetch('/realms/elaas/protocol/openid-connect/auth?redirect_uri=%2F')).text();
    expect(page).toContain('id="kc-form-login"');
  });

  it('malformed answers: truncated, garbage, and HTML where JSON is expected', async () => {
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    for (const malformed of ['truncated', 'garbage'] as const) {
      await control(sim, { malformed });
      const r = await api(c, t, '/me');
      expect(r.type).toContain('application/json');
      expect(() => JSON.parse(r.text), malformed).toThrow();
    }
    await control(sim, { malformed: 'html' });
    const html = await api(c, t, '/me');
    expect(html.type).toContain('text/html');
    expect(html.text).toContain('<h1>Gateway Error</h1>');
    await control(sim, { malformed: null });
    expect(JSON.parse((await api(c, t, '/me')).text).code).toBe('S');
  });

  it('page variants: reworded API fields and labels, reordered columns', async () => {
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    await api(c, t, '/expenditure/payments', paymentBody(await firstDeka(c, t)));
    await control(sim, { variant: 'reworded' });
    const row = JSON.parse((await api(c, t, '/expenditure/payments')).text).data.rows[0];
    expect(row).toHaveProperty('pvNo');
    expect(row).toHaveProperty('requestNo');
    expect(row).not.toHaveProperty('voucherNo');
    expect(row.statusName).toBe('รอดำเนินการ');
    const config = (await (await c.fetch('/')).text()).match(/id="sim-config">(.*?)<\/script>/)?.[1] ?? '';
    expect(JSON.parse(config).columns.map((x: { label: string }) => x.label)).toContain('เลขที่ใบผ่านฯ');
    await control(sim, { variant: 'reordered' });
    const reordered = JSON.parse(
      (await (await c.fetch('/')).text()).match(/id="sim-config">(.*?)<\/script>/)?.[1] ?? '',
    );
    expect(reordered.columns.map((x: { key: string }) => x.key).slice(0, 3)).toEqual([
      'index',
      'voucherNo',
      'status',
    ]);
  });
});

describe('request counts', () => {
  it('counts per endpoint with ids folded, and resets', async () => {
    const c = new Client(sim);
    const { access_token: t } = await loginA(c);
    await api(c, t, '/expenditure/payments/p000001');
    await api(c, t, '/expenditure/payments/p000002');
    await api(c, t, '/expenditure/payments');
    const counts = await requestCounts(sim);
    expect(counts['GET /api/v1/expenditure/payments/:id']).toBe(2);
    expect(counts['GET /api/v1/expenditure/payments']).toBe(1);
    expect(counts['POST /realms/elaas/protocol/openid-connect/token']).toBe(1);
    await fetch(new URL('__sim/api/requests/reset', sim.url), { method: 'POST' });
    expect(await requestCounts(sim)).toEqual({});
  });
});
