/**
 * Design B: classic server-rendered pages with a cookie session (HttpOnly, SameSite=Lax),
 * forms and HTML tables, like the old ASP.NET e-LAAS.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { METHOD_TH } from '../model/labels';
import {
  authenticate,
  cancelPayment,
  findPayment,
  findVoucher,
  listPayments,
  recordPayment,
  unpaidDekas,
} from '../model/model';
import type { Payment, User } from '../model/types';
import type { SimContext } from './context';
import { baht, bangkokIsoDay, dateTimeBE, dayBE, fiscalYearOf, parseBaht, parseDayBE } from './format';
import { cookies, html, type Raw, raw, readForm, redirect, sendHtml } from './http';
import { frame, LOGIN_ERROR, loginPage, SESSION_EXPIRED } from './layout';
import { columns, STATUS_CODE, statusFromCode, statusText } from './views';

const COOKIE = 'ELAASSESSIONID';
const LINKS = { home: '/home', record: '/payment/record', list: '/payment/list', logout: '/logout' };

function sessionCookie(sid: string, maxAge?: number): string {
  return `${COOKIE}=${sid}; Path=/; HttpOnly; SameSite=Lax${maxAge === undefined ? '' : `; Max-Age=${maxAge}`}`;
}

/** Where to go after logging in: a path on this site only. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/home';
}

function currentUser(ctx: SimContext, req: IncomingMessage): User | null {
  const sid = cookies(req)[COOKIE];
  if (!sid) return null;
  if (ctx.takeUnauthorized()) {
    ctx.auth.endSession(sid);
    return null;
  }
  const username = ctx.auth.session(sid);
  return ctx.state.users.find((u) => u.username === username) ?? null;
}

function render(ctx: SimContext, user: User, title: string, breadcrumb: string[], body: Raw): string {
  const unit = ctx.state.units.find((u) => u.id === user.unitId) ?? ctx.state.units[0];
  if (!unit) throw new Error('no unit');
  return frame({ title, breadcrumb, user, unit, fiscalYear: fiscalYearOf(ctx.now()), links: LINKS, body });
}

function field(label: string, name: string, control: Raw, error?: string): Raw {
  return html`<div class="field${error ? ' has-error' : ''}"><label for="${name}">${label}</label>${control}${
    error ? html`<span class="field-error" id="${name}-error">${error}</span>` : ''
  }</div>`;
}

function recordPage(
  ctx: SimContext,
  user: User,
  q: URLSearchParams,
  errors: Record<string, string> = {},
  message = '',
): Raw {
  const now = ctx.now();
  const fy = Number(q.get('fiscalYear')) || fiscalYearOf(now);
  const search = html`<form class="search" method="get" action="/payment/record" aria-label="ค้นหาฎีกาค้างจ่าย">
  ${field('ปีงบประมาณ', 'fiscalYear', html`<input id="fiscalYear" name="fiscalYear" value="${fy}">`)}
  ${field('ฎีกาเลขที่', 'dekaNo', html`<input id="dekaNo" name="dekaNo" value="${q.get('dekaNo') ?? ''}">`)}
  ${field('ผู้รับเงิน', 'payee', html`<input id="payee" name="payee" value="${q.get('payee') ?? ''}">`)}
  <div class="buttons"><button type="submit">ค้นหา</button></div>
</form>`;
  const found = unpaidDekas(
    ctx.state,
    user.unitId,
    { fiscalYear: fy, dekaNo: q.get('dekaNo') ?? '', payee: q.get('payee') ?? '', pageSize: 20 },
    now,
  );
  const results = html`<table class="grid" id="deka-results"><caption>ฎีกาค้างจ่าย</caption>
<thead><tr><th>ฎีกาเลขที่</th><th>ผู้รับเงิน</th><th>รายการ</th><th>จำนวนเงิน</th><th>เลือก</th></tr></thead>
<tbody>${found.rows.map(
    (
      d,
    ) => html`<tr><td>${d.no}</td><td>${d.payee}</td><td>${d.budgetLine}</td><td class="num">${baht(d.amount)}</td>
<td><a href="/payment/record?select=${encodeURIComponent(d.no)}">เลือก</a></td></tr>`,
  )}</tbody></table>`;

  const selected = q.get('select');
  const deka = selected
    ? ctx.state.dekas.find((d) => d.unitId === user.unitId && d.no === selected)
    : undefined;
  let form: Raw | string = '';
  if (deka) {
    const accounts = ctx.state.bankAccounts.filter((b) => b.unitId === user.unitId);
    const v = (k: string, d = '') => q.get(k) ?? d;
    form = html`<form id="payment-form" method="post" action="/payment/record">
<input type="hidden" name="dekaNo" value="${deka.no}">
<fieldset><legend>บันทึกการจ่ายเงิน ฎีกาเลขที่ ${deka.no}</legend>
<p class="deka-info">ผู้รับเงิน <strong id="payee-name">${deka.payee}</strong> จำนวนเงินตามฎีกา <strong id="deka-amount">${baht(deka.amount)}</strong> บาท</p>
${message ? html`<p class="form-error" role="alert">${message}</p>` : ''}
${field('วันที่จ่าย', 'payDate', html`<input id="payDate" name="payDate" placeholder="วว/ดด/ปปปป" value="${v('payDate', dayBE(bangkokIsoDay(ctx.now())))}">`, errors.payDate)}
${field(
  'วิธีการจ่าย',
  'method',
  html`<select id="method" name="method"><option value="">-- เลือก --</option>${(
    ['cheque', 'transfer'] as const
  ).map(
    (m) =>
      html`<option value="${m}"${raw(v('method', 'transfer') === m ? ' selected' : '')}>${METHOD_TH[m]}</option>`,
  )}</select>`,
  errors.method,
)}
${field(
  'บัญชีเงินฝากธนาคาร',
  'bankAccount',
  html`<select id="bankAccount" name="bankAccount"><option value="">-- เลือก --</option>${accounts.map(
    (b) =>
      html`<option value="${b.no}"${raw(v('bankAccount', accounts[0]?.no) === b.no ? ' selected' : '')}>${b.no} ${b.name}</option>`,
  )}</select>`,
  errors.bankAccount,
)}
${field('เลขที่เช็ค', 'chequeNo', html`<input id="chequeNo" name="chequeNo" value="${v('chequeNo')}">`, errors.chequeNo)}
${field('ภาษีหัก ณ ที่จ่าย', 'withholdingTax', html`<input id="withholdingTax" name="withholdingTax" value="${v('withholdingTax', '0.00')}">`, errors.withholdingTax)}
${field('จำนวนเงินสุทธิ', 'netAmount', html`<input id="netAmount" name="netAmount" value="${v('netAmount', baht(deka.amount))}">`, errors.netAmount)}
</fieldset>
<div class="buttons"><button type="submit" id="save">บันทึก</button><a class="button" href="/payment/record">ยกเลิก</a></div>
</form>`;
  }
  return html`${search}${results}${form}`;
}

function savedDialog(ctx: SimContext, p: Payment): Raw {
  const body =
    p.voucherNo && p.status === 'created' && p.history.length === 1
      ? html`<p>บันทึกข้อมูลสำเร็จ</p><p>เลขที่ใบผ่านรายการจ่าย <strong class="voucher-no">${p.voucherNo}</strong></p>`
      : html`<p>บันทึกการจ่ายเงินเรียบร้อยแล้ว</p>
<p>ระบบอยู่ระหว่างประมวลผลและจะสร้างใบผ่านรายการจ่ายภายหลัง สถานะ: <strong class="status">${statusText('awaiting', ctx.variant)}</strong></p>
<p>เลขที่อ้างอิง <strong class="payment-ref">${p.ref}</strong></p>`;
  return html`<div class="modal-backdrop"><div class="modal" role="dialog" aria-modal="true" aria-labelledby="dlg-title" id="result-dialog">
<h2 id="dlg-title">สำเร็จ</h2>${body}
<a class="button" href="/payment/record" id="dlg-ok">ตกลง</a></div></div>`;
}

function listPage(ctx: SimContext, user: User, q: URLSearchParams): Raw {
  const now = ctx.now();
  const fy = Number(q.get('fiscalYear')) || fiscalYearOf(now);
  const size = [5, 10, 20].includes(Number(q.get('size'))) ? Number(q.get('size')) : 10;
  const page = Math.max(1, Number(q.get('page')) || 1);
  const status = statusFromCode(q.get('status'));
  const from = parseDayBE(q.get('from') ?? '') ?? undefined;
  const to = parseDayBE(q.get('to') ?? '') ?? undefined;
  const result = listPayments(
    ctx.state,
    user.unitId,
    { fiscalYear: fy, status, from, to, page, pageSize: size },
    now,
  );
  const cols = columns(ctx.variant);
  const cell = (p: Payment, i: number, key: string): Raw => {
    switch (key) {
      case 'index':
        return html`${(page - 1) * size + i + 1}`;
      case 'payDate':
        return html`${dayBE(p.payDate)}`;
      case 'dekaNo':
        return html`${p.dekaNo}`;
      case 'payee':
        return html`${p.payee}`;
      case 'amount':
        return html`${baht(p.netAmount)}`;
      case 'status':
        return html`<span class="status status-${p.status}">${statusText(p.status, ctx.variant)}</span>${
          p.failureReason ? html`<br><small class="reason">${p.failureReason}</small>` : ''
        }`;
      case 'voucherNo':
        return p.voucherNo
          ? html`<a href="/voucher/${encodeURIComponent(p.voucherNo)}">${p.voucherNo}</a>`
          : html`-`;
      case 'voucherCreatedAt':
        return html`${p.voucherCreatedAt ? dateTimeBE(p.voucherCreatedAt) : '-'}`;
      default:
        return html`${p.voucherNo ? html`<a href="/voucher/${encodeURIComponent(p.voucherNo)}">ดู</a> <a href="/voucher/${encodeURIComponent(p.voucherNo)}?print=1">พิมพ์</a>` : ''}
${p.status !== 'cancelled' && p.status !== 'processing' ? html`<form method="post" action="/payment/${p.id}/cancel" class="inline"><button type="submit">ยกเลิก</button></form>` : ''}`;
    }
  };
  const pages = Math.max(1, Math.ceil(result.total / size));
  const keep = (patch: Record<string, string>) => {
    const next = new URLSearchParams(q);
    for (const [k, v] of Object.entries(patch)) next.set(k, v);
    return `/payment/list?${next}`;
  };
  return html`<form class="search" method="get" action="/payment/list" aria-label="ค้นหารายการจ่ายเงิน">
${field('ปีงบประมาณ', 'fiscalYear', html`<input id="fiscalYear" name="fiscalYear" value="${fy}">`)}
${field('วันที่จ่าย ตั้งแต่', 'from', html`<input id="from" name="from" placeholder="วว/ดด/ปปปป" value="${q.get('from') ?? ''}">`)}
${field('ถึง', 'to', html`<input id="to" name="to" placeholder="วว/ดด/ปปปป" value="${q.get('to') ?? ''}">`)}
${field(
  'สถานะ',
  'status',
  html`<select id="status" name="status"><option value="">ทั้งหมด</option>${Object.entries(STATUS_CODE).map(
    ([s, code]) =>
      html`<option value="${code}"${raw(q.get('status') === code ? ' selected' : '')}>${statusText(s as Payment['status'], ctx.variant)}</option>`,
  )}</select>`,
)}
<input type="hidden" name="size" value="${size}">
<div class="buttons"><button type="submit">ค้นหา</button><a class="button" id="refresh" href="${keep({})}">รีเฟรช</a></div>
</form>
<table class="grid" id="payment-list"><thead><tr>${cols.map((c) => html`<th scope="col">${c.label}</th>`)}</tr></thead>
<tbody>${result.rows.length === 0 ? html`<tr><td colspan="${cols.length}">ไม่พบข้อมูล</td></tr>` : ''}${result.rows.map(
    (p, i) =>
      html`<tr data-payment-id="${p.id}">${cols.map((c) => html`<td class="col-${c.key}">${cell(p, i, c.key)}</td>`)}</tr>`,
  )}</tbody></table>
<nav class="pager" aria-label="แบ่งหน้า"><span>ทั้งหมด ${result.total} รายการ</span>
${page > 1 ? html`<a href="${keep({ page: String(page - 1) })}">ก่อนหน้า</a>` : ''}
<span>หน้า ${page} / ${pages}</span>
${page < pages ? html`<a href="${keep({ page: String(page + 1) })}">ถัดไป</a>` : ''}
<span>แสดง ${[5, 10, 20].map((n) => (n === size ? html`<strong>${n}</strong> ` : html`<a href="${keep({ size: String(n), page: '1' })}">${n}</a> `))}รายการ</span></nav>`;
}

function voucherPage(p: Payment, print: boolean): Raw {
  return html`<article class="voucher${print ? ' print' : ''}" id="voucher">
<h2>ใบผ่านรายการจ่าย</h2>
<dl>
<dt>เลขที่ใบผ่านรายการจ่าย</dt><dd id="voucher-no">${p.voucherNo}</dd>
<dt>วันเวลาที่สร้าง</dt><dd>${p.voucherCreatedAt ? dateTimeBE(p.voucherCreatedAt) : '-'}</dd>
<dt>ฎีกาเลขที่</dt><dd>${p.dekaNo}</dd>
<dt>ผู้รับเงิน</dt><dd>${p.payee}</dd>
<dt>วันที่จ่าย</dt><dd>${dayBE(p.payDate)}</dd>
<dt>วิธีการจ่าย</dt><dd>${METHOD_TH[p.method]}${p.chequeNo ? ` เลขที่ ${p.chequeNo}` : ''}</dd>
<dt>จำนวนเงิน</dt><dd>${baht(p.amount)}</dd>
<dt>ภาษีหัก ณ ที่จ่าย</dt><dd>${baht(p.withholdingTax)}</dd>
<dt>จำนวนเงินสุทธิ</dt><dd>${baht(p.netAmount)}</dd>
<dt>สถานะ</dt><dd>${p.status === 'cancelled' ? 'ยกเลิก' : 'ปกติ'}</dd>
</dl></article>`;
}

export async function handleB(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
): Promise<boolean> {
  const path = url.pathname;
  const method = req.method ?? 'GET';

  if (path === '/login') {
    const next = safeNext(url.searchParams.get('next'));
    const action = next === '/home' ? '/login' : `/login?next=${encodeURIComponent(next)}`;
    if (method === 'POST') {
      const form = await readForm(req);
      const user = authenticate(ctx.state, form.get('username') ?? '', form.get('password') ?? '');
      if (!user) {
        sendHtml(res, 200, loginPage(action, LOGIN_ERROR, null, form.get('username') ?? ''));
        return true;
      }
      const sid = ctx.auth.createSession(user.username);
      redirect(res, next, { 'set-cookie': sessionCookie(sid) });
      return true;
    }
    sendHtml(res, 200, loginPage(action, null, url.searchParams.has('expired') ? SESSION_EXPIRED : null));
    return true;
  }
  if (path === '/logout') {
    const sid = cookies(req)[COOKIE];
    if (sid) ctx.auth.endSession(sid);
    redirect(res, '/login', { 'set-cookie': sessionCookie('', 0) });
    return true;
  }

  const user = currentUser(ctx, req);
  if (!user) {
    const back = new URLSearchParams();
    if (cookies(req)[COOKIE]) back.set('expired', '1');
    if (method === 'GET' && path !== '/' && path !== '/home') back.set('next', `${path}${url.search}`);
    redirect(res, `/login${back.size ? `?${back}` : ''}`);
    return true;
  }
  const now = ctx.now();

  if (path === '/' || path === '/home') {
    if (path === '/') {
      redirect(res, '/home');
      return true;
    }
    sendHtml(
      res,
      200,
      render(
        ctx,
        user,
        'หน้าหลัก',
        ['หน้าหลัก'],
        html`<p id="welcome">ยินดีต้อนรับเข้าสู่ระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น</p>`,
      ),
    );
    return true;
  }
  if (path === '/payment/record') {
    const crumbs = ['ระบบรายจ่าย', 'การจ่ายเงิน', 'บันทึกการจ่ายเงิน'];
    if (method === 'POST') {
      const form = await readForm(req);
      const payDate = parseDayBE(form.get('payDate') ?? '');
      const tax = parseBaht(form.get('withholdingTax') ?? '');
      const net = parseBaht(form.get('netAmount') ?? '');
      const result = recordPayment(
        ctx.state,
        user.username,
        {
          dekaNo: form.get('dekaNo') ?? '',
          payDate: payDate ?? '',
          method: form.get('method') ?? '',
          bankAccount: form.get('bankAccount') ?? '',
          chequeNo: form.get('chequeNo') || null,
          withholdingTax: tax ?? -1,
          netAmount: net ?? -1,
        },
        now,
      );
      if (result.ok) {
        redirect(res, `/payment/record?saved=${result.value.id}`);
        return true;
      }
      const echo = new URLSearchParams(form);
      echo.set('select', form.get('dekaNo') ?? '');
      sendHtml(
        res,
        200,
        render(
          ctx,
          user,
          'บันทึกการจ่ายเงิน',
          crumbs,
          recordPage(ctx, user, echo, result.errors, result.message),
        ),
      );
      return true;
    }
    const saved = url.searchParams.get('saved');
    const p = saved ? findPayment(ctx.state, user.unitId, saved, now) : null;
    const body = html`${recordPage(ctx, user, url.searchParams)}${p ? savedDialog(ctx, p) : ''}`;
    sendHtml(res, 200, render(ctx, user, 'บันทึกการจ่ายเงิน', crumbs, body));
    return true;
  }
  const cancel = /^\/payment\/([\w-]+)\/cancel$/.exec(path);
  if (cancel && method === 'POST') {
    const r = cancelPayment(ctx.state, user.username, cancel[1] ?? '', now);
    redirect(res, `/payment/list${r.ok ? '' : `?error=${encodeURIComponent(r.message)}`}`);
    return true;
  }
  if (path === '/payment/list') {
    const crumbs = ['ระบบรายจ่าย', 'การจ่ายเงิน', 'รายการจ่ายเงิน'];
    let body = listPage(ctx, user, url.searchParams);
    const error = url.searchParams.get('error');
    if (error) body = html`<p class="form-error" role="alert">${error}</p>${body}`;
    let out = render(ctx, user, 'รายการจ่ายเงิน / ใบผ่านรายการจ่าย', crumbs, body);
    if (ctx.faults.malformed) out = out.slice(0, Math.floor(out.length * 0.6)); // cut mid-table
    sendHtml(res, 200, out);
    return true;
  }
  const voucher = /^\/voucher\/([\w-]+)$/.exec(path);
  if (voucher) {
    const p = findVoucher(ctx.state, user.unitId, decodeURIComponent(voucher[1] ?? ''), now);
    if (!p) {
      sendHtml(res, 404, render(ctx, user, 'ไม่พบข้อมูล', ['ระบบรายจ่าย'], html`<p>ไม่พบใบผ่านรายการจ่าย</p>`));
      return true;
    }
    sendHtml(
      res,
      200,
      render(
        ctx,
        user,
        `ใบผ่านรายการจ่ายเลขที่ ${p.voucherNo}`,
        ['ระบบรายจ่าย', 'ใบผ่านรายการจ่าย'],
        voucherPage(p, url.searchParams.has('print')),
      ),
    );
    return true;
  }
  return false;
}
