// Design A's single-page app: a stand-in for New e-LAAS (Vite SPA, Keycloak login, bearer token
// in memory, JSON API with the S/E/W/I envelope, hash routes). Plain DOM, no innerHTML.
(() => {
  const REALM = '/realms/elaas/protocol/openid-connect';
  const config = JSON.parse(document.getElementById('sim-config').textContent);
  const app = document.getElementById('app');
  let tokens = null; // in page memory only, like the real app
  let me = null;
  let refreshTimer = 0;
  let lastActivity = Date.now();
  let dirty = false;

  // ---- helpers ------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'on') for (const [ev, fn] of Object.entries(v)) node.addEventListener(ev, fn);
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, String(v));
    }
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) node.append(c);
    return node;
  }
  const thaiDigits = (s) => String(s).replace(/[0-9]/g, (d) => String.fromCharCode(0x0e50 + Number(d)));
  const baht = (n) =>
    Number(n).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const dayBE = (iso) => {
    const [y, m, d] = iso.slice(0, 10).split('-');
    return `${d}/${m}/${Number(y) + 543}`;
  };
  const dateTimeBE = (iso) => (iso ? `${dayBE(iso)} ${iso.slice(11, 16)}` : '-');
  const todayBE = () => dayBE(new Date(Date.now() + 7 * 3600_000).toISOString());
  const parseAmount = (s) => {
    const t = String(s)
      .replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
      .replace(/[,\s]/g, '');
    return /^\d+(\.\d{1,2})?$/.test(t) ? Number(t) : NaN;
  };
  const beToIso = (s) => {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(s).trim());
    return m ? `${Number(m[3]) - 543}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : '';
  };

  // ---- auth -----------------------------------------------------------------------------------
  function login() {
    const back = `/${location.hash}`;
    location.href = `${REALM}/auth?client_id=elaas-web&response_type=code&redirect_uri=${encodeURIComponent(back)}`;
  }

  async function tokenRequest(form) {
    try {
      const res = await fetch(`${REALM}/token`, { method: 'POST', body: new URLSearchParams(form) });
      return res.ok ? await res.json() : null;
    } catch {
      return null;
    }
  }

  function setTokens(t) {
    tokens = t;
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, Math.max(1000, (t.expires_in - 20) * 1000));
  }

  async function refresh() {
    if (!tokens) return false;
    // The app's idle timeout: no clicks or keys for the refresh lifetime ends the session.
    if (Date.now() - lastActivity > tokens.refresh_expires_in * 1000) {
      tokens = null;
      location.href = `${REALM}/logout`;
      return false;
    }
    const t = await tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    if (!t) return false;
    setTokens(t);
    return true;
  }

  for (const ev of ['click', 'keydown'])
    document.addEventListener(ev, () => (lastActivity = Date.now()), true);

  async function api(method, path, body, retried) {
    let res;
    try {
      res = await fetch(`/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${tokens.access_token}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
    } catch {
      showError('ไม่สามารถเชื่อมต่อระบบได้ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ต');
      return null;
    }
    if (res.status === 503) {
      showMaintenance();
      return null;
    }
    if (res.status === 401) {
      if (!retried && (await refresh())) return api(method, path, body, true);
      login();
      return null;
    }
    try {
      return await res.json();
    } catch {
      showError('เกิดข้อผิดพลาดในการรับข้อมูลจากระบบ กรุณาลองใหม่อีกครั้ง');
      return null;
    }
  }

  // ---- frame ----------------------------------------------------------------------------------
  let main;
  function renderFrame() {
    main = el('main', { id: 'content' });
    app.replaceChildren(
      el(
        'header',
        { class: 'navbar' },
        el('span', { class: 'brand' }, 'New e-LAAS ', el('small', {}, 'ระบบจำลองสำหรับทดสอบ')),
        el('span', { class: 'unit' }, me.unit.name),
        el('span', { class: 'fiscal-year' }, `ปีงบประมาณ ${thaiDigits(me.fiscalYear)}`),
        el('span', { class: 'user-name' }, me.user.displayName),
        el('a', { class: 'logout', href: `${REALM}/logout` }, 'ออกจากระบบ'),
      ),
      el(
        'div',
        { class: 'layout' },
        el(
          'nav',
          { class: 'sidebar', 'aria-label': 'เมนูหลัก' },
          el('a', { href: '#/home' }, 'หน้าหลัก'),
          el('span', { class: 'menu-group' }, 'ระบบรายจ่าย'),
          el('a', { href: '#/expenditure/payment/record' }, 'บันทึกการจ่ายเงิน'),
          el('a', { href: '#/expenditure/payments' }, 'รายการจ่ายเงิน / ใบผ่านรายการจ่าย'),
        ),
        main,
      ),
    );
  }

  function showPage(title, crumbs, ...body) {
    main.replaceChildren(
      el('nav', { 'aria-label': 'breadcrumb', class: 'breadcrumb' }, crumbs.join(' > ')),
      el('h1', {}, title),
      el('div', { id: 'page-alert' }),
      ...body,
    );
  }

  function showError(message) {
    const box = document.getElementById('page-alert');
    const p = el('p', { class: 'form-error', role: 'alert' }, message);
    if (box) box.replaceChildren(p);
    else if (main) main.prepend(p);
  }

  function showMaintenance() {
    const target = main || app;
    target.replaceChildren(
      el('h1', {}, 'ระบบปิดปรับปรุง'),
      el('p', {}, 'ขณะนี้ระบบปิดปรับปรุงชั่วคราว กรุณาเข้าใช้งานใหม่ภายหลัง'),
    );
  }

  const field = (label, id, control, error) =>
    el(
      'div',
      { class: `field${error ? ' has-error' : ''}` },
      el('label', { for: id }, label),
      control,
      error ? el('span', { class: 'field-error', id: `${id}-error` }, error) : null,
    );

  // ---- pages ----------------------------------------------------------------------------------
  function home() {
    showPage(
      'หน้าหลัก',
      ['หน้าหลัก'],
      el('p', { id: 'welcome' }, 'ยินดีต้อนรับเข้าสู่ระบบบัญชีคอมพิวเตอร์ขององค์กรปกครองส่วนท้องถิ่น'),
    );
  }

  async function recordPage() {
    const crumbs = ['ระบบรายจ่าย', 'การจ่ายเงิน', 'บันทึกการจ่ายเงิน'];
    const fy = el('input', { id: 'fiscalYear', name: 'fiscalYear', value: me.fiscalYear });
    const dekaNo = el('input', { id: 'dekaNo', name: 'dekaNo' });
    const payee = el('input', { id: 'payee', name: 'payee' });
    const results = el('div', { id: 'deka-results-wrap' });
    const formWrap = el('div', { id: 'form-wrap' });
    const search = async (e) => {
      e?.preventDefault();
      const q = new URLSearchParams({
        fiscalYear: fy.value,
        dekaNo: dekaNo.value,
        payee: payee.value,
        size: '20',
      });
      const r = await api('GET', `/expenditure/dekas/unpaid?${q}`);
      if (r?.code !== 'S') return;
      results.replaceChildren(
        el(
          'table',
          { class: 'grid', id: 'deka-results' },
          el('caption', {}, 'ฎีกาค้างจ่าย'),
          el(
            'thead',
            {},
            el('tr', {}, ...['ฎีกาเลขที่', 'ผู้รับเงิน', 'รายการ', 'จำนวนเงิน', 'เลือก'].map((h) => el('th', {}, h))),
          ),
          el(
            'tbody',
            {},
            r.data.rows.map((d) =>
              el(
                'tr',
                {},
                el('td', {}, d.no),
                el('td', {}, d.payee),
                el('td', {}, d.budgetLine),
                el('td', { class: 'num' }, baht(d.amount)),
                el(
                  'td',
                  {},
                  el(
                    'button',
                    { type: 'button', class: 'select-deka', on: { click: () => showForm(d) } },
                    'เลือก',
                  ),
                ),
              ),
            ),
          ),
        ),
      );
    };

    function showForm(d) {
      const v = (id, value) => el('input', { id, name: id, value });
      const payDate = v('payDate', todayBE());
      const method = el(
        'select',
        { id: 'method', name: 'method' },
        el('option', { value: '' }, '-- เลือก --'),
        el('option', { value: 'CHEQUE' }, 'เช็ค'),
        el('option', { value: 'TRANSFER', selected: true }, 'โอนเงิน'),
      );
      const account = el(
        'select',
        { id: 'bankAccount', name: 'bankAccount' },
        el('option', { value: '' }, '-- เลือก --'),
        me.bankAccounts.map((b, i) => el('option', { value: b.no, selected: i === 0 }, `${b.no} ${b.name}`)),
      );
      const cheque = v('chequeNo', '');
      const tax = v('withholdingTax', '0.00');
      const net = el('input', { id: 'netAmount', name: 'netAmount', value: baht(d.amount), readonly: true });
      const recompute = () => {
        const t = parseAmount(tax.value);
        net.value = Number.isNaN(t) ? '' : baht(d.amount - t);
      };
      const errors = el('div', { id: 'form-errors' });
      const form = el(
        'form',
        {
          id: 'payment-form',
          on: {
            input: () => {
              dirty = true;
              recompute();
            },
            submit: async (e) => {
              e.preventDefault();
              const save = form.querySelector('#save');
              save.disabled = true;
              const r = await api('POST', '/expenditure/payments', {
                dekaNo: d.no,
                payDate: payDate.value,
                paymentMethod: method.value,
                bankAccountNo: account.value,
                chequeNo: cheque.value || null,
                withholdingTax: tax.value,
                netAmount: net.value,
              });
              save.disabled = false;
              if (!r) return;
              if (r.code !== 'S') {
                errors.replaceChildren(
                  el('p', { class: 'form-error', role: 'alert' }, r.message),
                  ...Object.entries(r.data?.errors || {}).map(([k, m]) =>
                    el('p', { class: 'field-error', 'data-field': k }, m),
                  ),
                );
                return;
              }
              dirty = false;
              formWrap.replaceChildren();
              showDialog(r);
              search();
            },
          },
        },
        el(
          'fieldset',
          {},
          el('legend', {}, `บันทึกการจ่ายเงิน ฎีกาเลขที่ ${d.no}`),
          el(
            'p',
            { class: 'deka-info' },
            'ผู้รับเงิน ',
            el('strong', { id: 'payee-name' }, d.payee),
            ' จำนวนเงินตามฎีกา ',
            el('strong', { id: 'deka-amount' }, baht(d.amount)),
            ' บาท',
          ),
          errors,
          field('วันที่จ่าย', 'payDate', payDate),
          field('วิธีการจ่าย', 'method', method),
          field('บัญชีเงินฝากธนาคาร', 'bankAccount', account),
          field('เลขที่เช็ค', 'chequeNo', cheque),
          field('ภาษีหัก ณ ที่จ่าย', 'withholdingTax', tax),
          field('จำนวนเงินสุทธิ', 'netAmount', net),
        ),
        el(
          'div',
          { class: 'buttons' },
          el('button', { type: 'submit', id: 'save' }, 'บันทึก'),
          el(
            'button',
            {
              type: 'button',
              on: {
                click: () => {
                  dirty = false;
                  formWrap.replaceChildren();
                },
              },
            },
            'ยกเลิก',
          ),
        ),
      );
      formWrap.replaceChildren(form);
    }

    function showDialog(r) {
      const p = r.data;
      const voucherNo = p.voucherNo || p.pvNo;
      const body = voucherNo
        ? [
            el('p', {}, 'บันทึกข้อมูลสำเร็จ'),
            el('p', {}, 'เลขที่ใบผ่านรายการจ่าย ', el('strong', { class: 'voucher-no' }, voucherNo)),
          ]
        : [
            el('p', {}, 'บันทึกการจ่ายเงินเรียบร้อยแล้ว'),
            el(
              'p',
              {},
              'ระบบอยู่ระหว่างประมวลผลและจะสร้างใบผ่านรายการจ่ายภายหลัง สถานะ: ',
              el('strong', { class: 'status' }, p.statusName),
            ),
            el('p', {}, 'เลขที่อ้างอิง ', el('strong', { class: 'payment-ref' }, p.ref)),
          ];
      const close = el(
        'button',
        { type: 'button', id: 'dlg-ok', on: { click: () => backdrop.remove() } },
        'ตกลง',
      );
      const backdrop = el(
        'div',
        { class: 'modal-backdrop' },
        el(
          'div',
          {
            class: 'modal',
            role: 'dialog',
            'aria-modal': 'true',
            'aria-labelledby': 'dlg-title',
            id: 'result-dialog',
          },
          el('h2', { id: 'dlg-title' }, 'สำเร็จ'),
          ...body,
          close,
        ),
      );
      document.body.append(backdrop);
      close.focus();
    }

    showPage(
      'บันทึกการจ่ายเงิน',
      crumbs,
      el(
        'form',
        { class: 'search', 'aria-label': 'ค้นหาฎีกาค้างจ่าย', on: { submit: search } },
        field('ปีงบประมาณ', 'fiscalYear', fy),
        field('ฎีกาเลขที่', 'dekaNo', dekaNo),
        field('ผู้รับเงิน', 'payee', payee),
        el('div', { class: 'buttons' }, el('button', { type: 'submit' }, 'ค้นหา')),
      ),
      results,
      formWrap,
    );
    await search();
  }

  async function listPage() {
    const crumbs = ['ระบบรายจ่าย', 'การจ่ายเงิน', 'รายการจ่ายเงิน'];
    const state = { page: 1, size: 10 };
    const fy = el('input', { id: 'fiscalYear', name: 'fiscalYear', value: me.fiscalYear });
    const from = el('input', { id: 'from', name: 'from', placeholder: 'วว/ดด/ปปปป' });
    const to = el('input', { id: 'to', name: 'to', placeholder: 'วว/ดด/ปปปป' });
    const status = el(
      'select',
      { id: 'status', name: 'status' },
      el('option', { value: '' }, 'ทั้งหมด'),
      Object.entries(config.statuses).map(([code, text]) => el('option', { value: code }, text)),
    );
    const tableWrap = el('div', { id: 'list-wrap' });
    const go = (page) => {
      state.page = page;
      load();
    };
    const setSize = (size) => {
      state.size = size;
      go(1);
    };
    const load = async () => {
      const q = new URLSearchParams({
        fiscalYear: fy.value,
        page: String(state.page),
        size: String(state.size),
      });
      if (status.value) q.set('status', status.value);
      if (beToIso(from.value)) q.set('dateFrom', beToIso(from.value));
      if (beToIso(to.value)) q.set('dateTo', beToIso(to.value));
      const r = await api('GET', `/expenditure/payments?${q}`);
      if (r?.code !== 'S' || !r.data || !Array.isArray(r.data.rows)) {
        if (r && r.code === 'E') showError(r.message);
        return;
      }
      const cell = (p, i, key) => {
        const voucherNo = p.voucherNo || p.pvNo;
        switch (key) {
          case 'index':
            return String((state.page - 1) * state.size + i + 1);
          case 'payDate':
            return dayBE(p.payDate);
          case 'dekaNo':
            return p.dekaNo || p.requestNo;
          case 'payee':
            return p.payee;
          case 'amount':
            return baht(p.netAmount);
          case 'status':
            return [
              el('span', { class: `status status-${p.status.toLowerCase()}` }, p.statusName),
              p.failureReason ? [el('br'), el('small', { class: 'reason' }, p.failureReason)] : null,
            ];
          case 'voucherNo':
            return voucherNo
              ? el('a', { href: `#/expenditure/vouchers/${encodeURIComponent(voucherNo)}` }, voucherNo)
              : '-';
          case 'voucherCreatedAt':
            return dateTimeBE(p.voucherCreatedAt);
          default:
            return [
              voucherNo
                ? el('a', { href: `#/expenditure/vouchers/${encodeURIComponent(voucherNo)}` }, 'ดู')
                : null,
              ' ',
              voucherNo
                ? el('a', { href: `#/expenditure/vouchers/${encodeURIComponent(voucherNo)}?print=1` }, 'พิมพ์')
                : null,
              ' ',
              p.status !== 'CANCELLED' && p.status !== 'PROCESSING'
                ? el(
                    'button',
                    {
                      type: 'button',
                      class: 'cancel',
                      on: {
                        click: async () => {
                          if (!confirm(`ยืนยันการยกเลิกรายการฎีกาเลขที่ ${p.dekaNo || p.requestNo}?`)) return;
                          const c = await api('POST', `/expenditure/payments/${p.id}/cancel`);
                          if (c && c.code !== 'S') showError(c.message);
                          load();
                        },
                      },
                    },
                    'ยกเลิก',
                  )
                : null,
            ];
        }
      };
      const pages = Math.max(1, Math.ceil(r.data.total / state.size));
      tableWrap.replaceChildren(
        el(
          'table',
          { class: 'grid', id: 'payment-list' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              config.columns.map((c) => el('th', { scope: 'col' }, c.label)),
            ),
          ),
          el(
            'tbody',
            {},
            r.data.rows.length === 0
              ? el('tr', {}, el('td', { colspan: config.columns.length }, 'ไม่พบข้อมูล'))
              : null,
            r.data.rows.map((p, i) =>
              el(
                'tr',
                { 'data-payment-id': p.id },
                config.columns.map((c) => el('td', { class: `col-${c.key}` }, cell(p, i, c.key))),
              ),
            ),
          ),
        ),
        el(
          'nav',
          { class: 'pager', 'aria-label': 'แบ่งหน้า' },
          el('span', {}, `ทั้งหมด ${r.data.total} รายการ`),
          state.page > 1
            ? el('button', { type: 'button', on: { click: () => go(state.page - 1) } }, 'ก่อนหน้า')
            : null,
          el('span', {}, `หน้า ${state.page} / ${pages}`),
          state.page < pages
            ? el('button', { type: 'button', on: { click: () => go(state.page + 1) } }, 'ถัดไป')
            : null,
          el(
            'label',
            {},
            'แสดง ',
            el(
              'select',
              {
                id: 'page-size',
                on: { change: (e) => setSize(Number(e.target.value)) },
              },
              [5, 10, 20].map((n) => el('option', { value: n, selected: n === state.size }, String(n))),
            ),
            ' รายการ',
          ),
        ),
      );
    };
    showPage(
      'รายการจ่ายเงิน / ใบผ่านรายการจ่าย',
      crumbs,
      el(
        'form',
        {
          class: 'search',
          'aria-label': 'ค้นหารายการจ่ายเงิน',
          on: {
            submit: (e) => {
              e.preventDefault();
              go(1);
            },
          },
        },
        field('ปีงบประมาณ', 'fiscalYear', fy),
        field('วันที่จ่าย ตั้งแต่', 'from', from),
        field('ถึง', 'to', to),
        field('สถานะ', 'status', status),
        el(
          'div',
          { class: 'buttons' },
          el('button', { type: 'submit' }, 'ค้นหา'),
          el('button', { type: 'button', id: 'refresh', on: { click: load } }, 'รีเฟรช'),
        ),
      ),
      tableWrap,
    );
    await load();
  }

  async function voucherPage(no, print) {
    const r = await api('GET', `/expenditure/vouchers/${encodeURIComponent(no)}`);
    if (!r) return;
    if (r.code !== 'S') {
      showPage('ไม่พบข้อมูล', ['ระบบรายจ่าย'], el('p', {}, r.message));
      return;
    }
    const p = r.data;
    const row = (k, v) => [el('dt', {}, k), el('dd', {}, v)];
    showPage(
      `ใบผ่านรายการจ่ายเลขที่ ${p.voucherNo || p.pvNo}`,
      ['ระบบรายจ่าย', 'ใบผ่านรายการจ่าย'],
      el(
        'article',
        { class: 'voucher', id: 'voucher' },
        el('h2', {}, 'ใบผ่านรายการจ่าย'),
        el(
          'dl',
          {},
          row('เลขที่ใบผ่านรายการจ่าย', el('span', { id: 'voucher-no' }, p.voucherNo || p.pvNo)),
          row('วันเวลาที่สร้าง', dateTimeBE(p.voucherCreatedAt)),
          row('ฎีกาเลขที่', p.dekaNo || p.requestNo),
          row('ผู้รับเงิน', p.payee),
          row('วันที่จ่าย', dayBE(p.payDate)),
          row('วิธีการจ่าย', p.paymentMethodName),
          row('จำนวนเงิน', baht(p.amount)),
          row('ภาษีหัก ณ ที่จ่าย', baht(p.withholdingTax)),
          row('จำนวนเงินสุทธิ', baht(p.netAmount)),
          row('สถานะ', p.status === 'CANCELLED' ? 'ยกเลิก' : 'ปกติ'),
        ),
        el(
          'div',
          { class: 'buttons' },
          el('button', { type: 'button', id: 'print', on: { click: () => window.print() } }, 'พิมพ์'),
        ),
      ),
    );
    if (print) window.print();
  }

  function route() {
    document.querySelector('.modal-backdrop')?.remove();
    const [path, query] = (location.hash.replace(/^#/, '') || '/home').split('?');
    const voucher = /^\/expenditure\/vouchers\/([^/]+)$/.exec(path);
    if (path === '/expenditure/payment/record') recordPage();
    else if (path === '/expenditure/payments') listPage();
    else if (voucher) voucherPage(decodeURIComponent(voucher[1]), new URLSearchParams(query).has('print'));
    else home();
  }

  window.addEventListener('beforeunload', (e) => {
    if (dirty) {
      e.preventDefault();
      e.returnValue = 'ข้อมูลยังบันทึกไม่สมบูรณ์ ต้องการออกจากหน้านี้หรือไม่';
    }
  });

  async function start() {
    const code = new URLSearchParams(location.search).get('code');
    if (!code) return login();
    history.replaceState(null, '', location.pathname + location.hash);
    const t = await tokenRequest({ grant_type: 'authorization_code', code });
    if (!t) return login();
    setTokens(t);
    const r = await api('GET', '/me');
    if (r?.code !== 'S') return;
    me = r.data;
    renderFrame();
    window.addEventListener('hashchange', route);
    route();
  }

  start();
})();
