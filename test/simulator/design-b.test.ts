// @vitest-environment node
/** Design B over HTTP: cookie session, server-rendered pages, faults. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Simulator, startSimulator } from '../../simulator/server';
import { Client, control, truth } from './client';

const JUNE_10 = Date.parse('2026-06-10T03:00:00Z');
let sim: Simulator;

beforeAll(async () => {
  sim = await startSimulator({ design: 'B', start: JUNE_10, seed: 1 });
});
afterAll(() => sim.close());
beforeEach(async () => {
  await fetch(new URL('__sim/api/reset', sim.url), { method: 'POST' });
});

async function login(c: Client) {
  const res = await c.form('/login', { username: 'somsri', password: 'elaas2569' });
  expect(res.status).toBe(303);
  return res;
}

async function record(c: Client, dekaNo = '101/2569') {
  const page = await (await c.fetch(`/payment/record?select=${encodeURIComponent(dekaNo)}`)).text();
  const amount = /id="deka-amount">([\d,.]+)</.exec(page)?.[1] ?? '';
  return c.form('/payment/record', {
    dekaNo,
    payDate: '10/06/2569',
    method: 'transfer',
    bankAccount: '020-1-00123-4',
    chequeNo: '',
    withholdingTax: '0.00',
    netAmount: amount,
  });
}

const headers = (html: string) => [...html.matchAll(/<th scope="col">([^<]*)<\/th>/g)].map((m) => m[1]);

describe('design B pages', () => {
  it('sends strangers to the login page and signs in with an HttpOnly, SameSite=Lax cookie', async () => {
    const c = new Client(sim);
    expect((await c.fetch('/payment/list')).headers.get('location')).toBe('/login?next=%2Fpayment%2Flist');
    const back = await c.form('/login?next=%2Fpayment%2Flist', { username: 'somsri', password: 'elaas2569' });
    expect(back.headers.get('location')).toBe('/payment/list');
    await c.fetch('/logout');
    const offsite = await c.form('/login?next=%2F%2Fevil.example', {
      username: 'somsri',
      password: 'elaas2569',
    });
    expect(offsite.headers.get('location')).toBe('/home');
    await c.fetch('/logout');
    const wrong = await c.form('/login', { username: 'somsri', password: 'nope' });
    expect(await wrong.text()).toContain('กรุณาตรวจสอบรหัสผู้ใช้หรือรหัสผ่านให้ถูกต้อง');
    const res = await login(c);
    expect(res.headers.get('location')).toBe('/home');
    expect(c.lastSetCookie[0]).toMatch(/^ELAASSESSIONID=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
    const home = await (await c.fetch('/home')).text();
    expect(home).toContain('<span class="user-name">สมศรี ใจดี</span>');
    expect(home).toContain('ปีงบประมาณ ๒๕๖๙');
  });

  it('records a payment: the dialog says it is being processed, and the list shows รอประมวลผล', async () => {
    const c = new Client(sim);
    await login(c);
    const res = await record(c);
    expect(res.status).toBe(303);
    const dialog = await (await c.fetch(res.headers.get('location') ?? '')).text();
    expect(dialog).toContain('role="dialog"');
    expect(dialog).toContain('ระบบอยู่ระหว่างประมวลผลและจะสร้างใบผ่านรายการจ่ายภายหลัง');
    const list = await (await c.fetch('/payment/list')).text();
    expect(headers(list)).toEqual([
      'ลำดับ',
      'วันที่จ่าย',
      'ฎีกาเลขที่',
      'ผู้รับเงิน',
      'จำนวนเงิน',
      'สถานะ',
      'เลขที่ใบผ่านรายการจ่าย',
      'วันเวลาที่สร้างใบผ่าน',
      'จัดการ',
    ]);
    expect(list).toContain('รอประมวลผล');
    await control(sim, { advanceMs: 10 * 60_000 });
    const [real] = await truth(sim);
    const after = await (await c.fetch('/payment/list?status=CREATED')).text();
    expect(after).toContain(`>${real?.voucherNo}</a>`);
    const voucher = await (await c.fetch(`/voucher/${real?.voucherNo}`)).text();
    expect(voucher).toContain(`<dd id="voucher-no">${real?.voucherNo}</dd>`);
  });

  it('before the change the dialog shows the voucher number, and validation errors are in Thai', async () => {
    await control(sim, { mode: 'before' });
    const c = new Client(sim);
    await login(c);
    const res = await record(c);
    const dialog = await (await c.fetch(res.headers.get('location') ?? '')).text();
    const [real] = await truth(sim);
    expect(dialog).toContain(`เลขที่ใบผ่านรายการจ่าย <strong class="voucher-no">${real?.voucherNo}</strong>`);
    const bad = await c.form('/payment/record', {
      dekaNo: '102/2569',
      payDate: 'เมื่อวาน',
      method: '',
      bankAccount: '',
      withholdingTax: '0',
      netAmount: '1',
    });
    const text = await bad.text();
    expect(text).toContain('กรุณาระบุวันที่จ่าย');
    expect(text).toContain('กรุณาเลือกวิธีการจ่าย');
  });

  it('page variants reorder and reword the list', async () => {
    const c = new Client(sim);
    await login(c);
    await record(c);
    await control(sim, { variant: 'reordered' });
    expect(headers(await (await c.fetch('/payment/list')).text()).slice(0, 3)).toEqual([
      'ลำดับ',
      'เลขที่ใบผ่านรายการจ่าย',
      'สถานะ',
    ]);
    await control(sim, { variant: 'reworded' });
    const reworded = await (await c.fetch('/payment/list')).text();
    expect(headers(reworded)).toContain('สถานะรายการ');
    expect(reworded).toContain('รอดำเนินการ');
  });

  it('faults: expired session, maintenance, truncated pages, latency', async () => {
    const c = new Client(sim);
    await login(c);
    await control(sim, { unauthorizedNext: 1 });
    expect((await c.fetch('/payment/list')).headers.get('location')).toBe(
      '/login?expired=1&next=%2Fpayment%2Flist',
    );
    expect((await c.fetch('/payment/list')).headers.get('location')).toBe(
      '/login?expired=1&next=%2Fpayment%2Flist',
    );
    expect(await (await c.fetch('/login?expired=1')).text()).toContain('หมดเวลาการใช้งาน กรุณาเข้าสู่ระบบใหม่');

    await login(c);
    await control(sim, { maintenance: true });
    const down = await c.fetch('/payment/list');
    expect(down.status).toBe(503);
    expect(await down.text()).toContain('ระบบปิดปรับปรุง');
    await control(sim, { maintenance: false, malformed: 'truncated' });
    const cut = await (await c.fetch('/payment/list')).text();
    expect(cut).not.toContain('</html>');
    await control(sim, { malformed: null, logoutAll: true });
    expect((await c.fetch('/home')).headers.get('location')).toBe('/login?expired=1');
    await control(sim, { latencyMs: 300 });
    const started = performance.now();
    await c.fetch('/login');
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('logs out', async () => {
    const c = new Client(sim);
    await login(c);
    const out = await c.fetch('/logout');
    expect(out.headers.get('location')).toBe('/login');
    expect(c.jar.has('ELAASSESSIONID')).toBe(false);
  });
});
