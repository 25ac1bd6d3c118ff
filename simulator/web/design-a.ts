/**
 * Design A, like New e-LAAS: a single-page app with hash routes, a Keycloak-style login realm,
 * bearer access tokens kept in page memory and refreshed, and a JSON API answering in the
 * S/E/W/I envelope.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  authenticate,
  cancelPayment,
  effectiveMode,
  findPayment,
  findVoucher,
  listPayments,
  recordPayment,
  unpaidDekas,
} from '../model/model';
import type { PaymentStatus, User } from '../model/types';
import type { SimContext } from './context';
import { fiscalYearOf, parseBaht, parseDayBE } from './format';
import { cookies, readForm, readJson, redirect, sendHtml, sendJson } from './http';
import { LOGIN_ERROR, loginPage, SESSION_EXPIRED } from './layout';
import { columns, paymentJson, STATUS_CODE, statusFromCode, statusText } from './views';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), '../pages');
const REALM = '/realms/elaas';
const SSO_COOKIE = 'KEYCLOAK_SESSION';
export const API = '/api/v1';

type Code = 'S' | 'E' | 'W' | 'I';
const envelope = (code: Code, message: string, data?: unknown) => ({
  code,
  message,
  ...(data === undefined ? {} : { data }),
});

/** Send an API answer, broken on purpose when the malformed fault is on. */
function sendApi(ctx: SimContext, res: ServerResponse, status: number, body: unknown): void {
  const fault = ctx.faults.malformed;
  if (fault === 'html') {
    sendHtml(
      res,
      200,
      '<!doctype html><html><body><h1>Gateway Error</h1><p>เกิดข้อผิดพลาดในการเชื่อมต่อ</p></body></html>',
    );
    return;
  }
  if (fault === 'truncated' || fault === 'garbage') {
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(
      fault === 'truncated'
        ? text.slice(0, Math.max(1, Math.floor(text.length / 2)))
        : `{"code":"S","data":[{]]}${text.slice(0, 10)}`,
    );
    return;
  }
  sendJson(res, status, body);
}

/** Put the code in the query, before any hash route: /?code=X#/expenditure/payments */
function withCode(back: string, code: string): string {
  const i = back.indexOf('#');
  const base = i < 0 ? back : back.slice(0, i);
  const hash = i < 0 ? '' : back.slice(i);
  return `${base}${base.includes('?') ? '&' : '?'}code=${code}${hash}`;
}

function safeRedirect(target: string | null): string {
  // Only back into this app: a path on this origin.
  return target?.startsWith('/') && !target.startsWith('//') ? target : '/';
}

async function spaShell(ctx: SimContext, res: ServerResponse): Promise<void> {
  const template = await readFile(join(PAGES, 'spa.html'), 'utf8');
  const config = {
    variant: ctx.variant,
    columns: columns(ctx.variant),
    statuses: Object.fromEntries(
      Object.entries(STATUS_CODE).map(([s, code]) => [code, statusText(s as PaymentStatus, ctx.variant)]),
    ),
  };
  // A JSON data block is never executed; `<` is escaped so it cannot close the element.
  sendHtml(
    res,
    200,
    template.replace('{"placeholder":"CONFIG"}', JSON.stringify(config).replace(/</g, '\\u003c')),
  );
}

async function handleRealm(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  if (path === `${REALM}/protocol/openid-connect/auth`) {
    const back = safeRedirect(url.searchParams.get('redirect_uri'));
    const sid = cookies(req)[SSO_COOKIE];
    if (sid && ctx.auth.session(sid)) {
      redirect(res, withCode(back, ctx.auth.issueCode(sid)));
      return true;
    }
    const action = `${REALM}/login-actions/authenticate?redirect_uri=${encodeURIComponent(back)}`;
    sendHtml(res, 200, loginPage(action, null, sid ? SESSION_EXPIRED : null));
    return true;
  }
  if (path === `${REALM}/login-actions/authenticate` && req.method === 'POST') {
    const back = safeRedirect(url.searchParams.get('redirect_uri'));
    const form = await readForm(req);
    const user = authenticate(ctx.state, form.get('username') ?? '', form.get('password') ?? '');
    if (!user) {
      sendHtml(
        res,
        200,
        loginPage(
          `${REALM}/login-actions/authenticate?redirect_uri=${encodeURIComponent(back)}`,
          LOGIN_ERROR,
          null,
          form.get('username') ?? '',
        ),
      );
      return true;
    }
    const sid = ctx.auth.createSession(user.username);
    redirect(res, withCode(back, ctx.auth.issueCode(sid)), {
      'set-cookie': `${SSO_COOKIE}=${sid}; Path=${REALM}; HttpOnly; SameSite=Lax`,
    });
    return true;
  }
  if (path === `${REALM}/protocol/openid-connect/token` && req.method === 'POST') {
    const form = await readForm(req);
    const grant = form.get('grant_type');
    const tokens =
      grant === 'authorization_code'
        ? ctx.auth.exchangeCode(form.get('code') ?? '')
        : grant === 'refresh_token'
          ? ctx.auth.exchangeRefresh(form.get('refresh_token') ?? '')
          : null;
    if (!tokens) sendJson(res, 400, { error: 'invalid_grant', error_description: 'Session not active' });
    else sendJson(res, 200, tokens);
    return true;
  }
  if (path === `${REALM}/protocol/openid-connect/logout`) {
    const sid = cookies(req)[SSO_COOKIE];
    if (sid) ctx.auth.endSession(sid);
    redirect(res, '/', { 'set-cookie': `${SSO_COOKIE}=; Path=${REALM}; HttpOnly; SameSite=Lax; Max-Age=0` });
    return true;
  }
  return false;
}

function apiUser(ctx: SimContext, req: IncomingMessage): User | null {
  if (ctx.takeUnauthorized()) return null;
  const username = ctx.auth.bearer(req.headers.authorization);
  return ctx.state.users.find((u) => u.username === username) ?? null;
}

function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return Math.round(v * 100);
  if (typeof v === 'string') return parseBaht(v);
  return null;
}

async function handleApi(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<void> {
  const user = apiUser(ctx, req);
  if (!user) {
    sendApi(ctx, res, 401, envelope('E', SESSION_EXPIRED));
    return;
  }
  const now = ctx.now();
  const path = url.pathname.slice(API.length);
  const q = url.searchParams;
  const method = req.method ?? 'GET';
  const unit = ctx.state.units.find((u) => u.id === user.unitId);
  const fiscalYear = Number(q.get('fiscalYear')) || fiscalYearOf(now);

  if (path === '/me' && method === 'GET') {
    sendApi(
      ctx,
      res,
      200,
      envelope('S', 'สำเร็จ', {
        user: { username: user.username, displayName: user.displayName, role: user.role },
        unit,
        fiscalYear: fiscalYearOf(now),
        voucherMode: effectiveMode(ctx.state, now) === 'after' ? 'ASYNC' : 'SYNC',
        bankAccounts: ctx.state.bankAccounts.filter((b) => b.unitId === user.unitId),
      }),
    );
    return;
  }
  if (path === '/expenditure/dekas/unpaid' && method === 'GET') {
    const page = unpaidDekas(
      ctx.state,
      user.unitId,
      {
        fiscalYear,
        dekaNo: q.get('dekaNo') ?? '',
        payee: q.get('payee') ?? '',
        page: Number(q.get('page')) || 1,
        pageSize: Number(q.get('size')) || 5,
      },
      now,
    );
    sendApi(
      ctx,
      res,
      200,
      envelope('S', 'สำเร็จ', { ...page, rows: page.rows.map((d) => ({ ...d, amount: d.amount / 100 })) }),
    );
    return;
  }
  if (path === '/expenditure/payments' && method === 'POST') {
    const body = (await readJson(req)) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') {
      sendApi(ctx, res, 400, envelope('E', 'รูปแบบข้อมูลไม่ถูกต้อง'));
      return;
    }
    const payDate = typeof body.payDate === 'string' ? (parseDayBE(body.payDate) ?? body.payDate) : '';
    const result = recordPayment(
      ctx.state,
      user.username,
      {
        dekaNo: String(body.dekaNo ?? ''),
        payDate,
        method: String(body.paymentMethod ?? '').toLowerCase(),
        bankAccount: String(body.bankAccountNo ?? ''),
        chequeNo: body.chequeNo ? String(body.chequeNo) : null,
        withholdingTax: num(body.withholdingTax) ?? -1,
        netAmount: num(body.netAmount) ?? -1,
      },
      now,
    );
    if (!result.ok) {
      sendApi(ctx, res, 200, envelope('E', result.message, { errors: result.errors ?? {} }));
      return;
    }
    const p = result.value;
    const message =
      p.status === 'created'
        ? `บันทึกข้อมูลสำเร็จ เลขที่ใบผ่านรายการจ่าย ${p.voucherNo}`
        : 'บันทึกการจ่ายเงินเรียบร้อยแล้ว ระบบอยู่ระหว่างประมวลผลและจะสร้างใบผ่านรายการจ่ายภายหลัง';
    sendApi(ctx, res, 200, envelope('S', message, paymentJson(p, ctx.variant)));
    return;
  }
  if (path === '/expenditure/payments' && method === 'GET') {
    const page = listPayments(
      ctx.state,
      user.unitId,
      {
        fiscalYear,
        status: statusFromCode(q.get('status')),
        from: q.get('dateFrom') ?? undefined,
        to: q.get('dateTo') ?? undefined,
        dekaNo: q.get('dekaNo') ?? undefined,
        page: Number(q.get('page')) || 1,
        pageSize: Number(q.get('size')) || 5,
      },
      now,
    );
    sendApi(
      ctx,
      res,
      200,
      envelope('S', 'สำเร็จ', { ...page, rows: page.rows.map((p) => paymentJson(p, ctx.variant)) }),
    );
    return;
  }
  const one = /^\/expenditure\/payments\/([\w-]+)(\/cancel)?$/.exec(path);
  if (one) {
    const id = one[1] ?? '';
    if (one[2] && method === 'POST') {
      const r = cancelPayment(ctx.state, user.username, id, now);
      sendApi(
        ctx,
        res,
        200,
        r.ok
          ? envelope('S', 'ยกเลิกรายการเรียบร้อยแล้ว', paymentJson(r.value, ctx.variant))
          : envelope('E', r.message),
      );
      return;
    }
    const p = findPayment(ctx.state, user.unitId, id, now);
    sendApi(
      ctx,
      res,
      p ? 200 : 404,
      p ? envelope('S', 'สำเร็จ', paymentJson(p, ctx.variant)) : envelope('E', 'ไม่พบรายการจ่ายเงิน'),
    );
    return;
  }
  const voucher = /^\/expenditure\/vouchers\/([\w-]+)$/.exec(path);
  if (voucher && method === 'GET') {
    const p = findVoucher(ctx.state, user.unitId, decodeURIComponent(voucher[1] ?? ''), now);
    sendApi(
      ctx,
      res,
      p ? 200 : 404,
      p ? envelope('S', 'สำเร็จ', paymentJson(p, ctx.variant)) : envelope('E', 'ไม่พบใบผ่านรายการจ่าย'),
    );
    return;
  }
  sendApi(ctx, res, 404, envelope('E', 'ไม่พบบริการที่ร้องขอ'));
}

export async function handleA(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  if (url.pathname === '/' || url.pathname === '/index.html') {
    await spaShell(ctx, res);
    return true;
  }
  if (url.pathname.startsWith(REALM)) return handleRealm(ctx, req, res, url);
  if (url.pathname.startsWith(`${API}/`)) {
    await handleApi(ctx, req, res, url);
    return true;
  }
  return false;
}
