import { describe, expect, it } from 'vitest';
import { detectPage, literalPrefix, readCurrentUser } from '../../site/detect';
import { DEFAULT_PROFILE, type SiteProfile } from '../../site/profile';

function page(html: string): Document {
  const doc = document.implementation.createHTMLDocument('t');
  doc.body.innerHTML = html; // test fixture only
  return doc;
}

const at = (url: string) => new URL(url);

describe('detectPage', () => {
  it('reads hash routes', () => {
    const doc = page('');
    expect(detectPage(DEFAULT_PROFILE, at('https://laas.dla.go.th/#/expenditure/payment/record'), doc)).toBe(
      'payment-record',
    );
    expect(detectPage(DEFAULT_PROFILE, at('https://laas.dla.go.th/#/expenditure/payments'), doc)).toBe(
      'payment-list',
    );
    expect(
      detectPage(DEFAULT_PROFILE, at('https://laas.dla.go.th/#/expenditure/vouchers/PV2569-000123'), doc),
    ).toBe('voucher');
    expect(detectPage(DEFAULT_PROFILE, at('https://laas.dla.go.th/#/home'), doc)).toBe('other');
  });

  it('falls back to the breadcrumb or heading text, with Thai or Arabic digits and odd spacing', () => {
    const url = at('https://laas.dla.go.th/app/x');
    expect(
      detectPage(
        DEFAULT_PROFILE,
        url,
        page('<nav class="breadcrumb">ระบบรายจ่าย > การจ่ายเงิน > บันทึกการจ่ายเงิน</nav>'),
      ),
    ).toBe('payment-record');
    expect(detectPage(DEFAULT_PROFILE, url, page('<main><h1>รายการจ่ายเงิน</h1></main>'))).toBe('payment-list');
    expect(detectPage(DEFAULT_PROFILE, url, page('<h1>ใบผ่านรายการจ่ายเลขที่   PV2569-๐๐๐๑๒๓</h1>'))).toBe(
      'voucher',
    );
    expect(detectPage(DEFAULT_PROFILE, url, page('<form id="kc-form-login"></form>'))).toBe('login');
    expect(detectPage(DEFAULT_PROFILE, url, page('<h1>รายงานงบทดลอง</h1>'))).toBe('other');
  });

  it('takes a login form anywhere over a title, and the first title of each kind, in page order', () => {
    const url = at('https://laas.dla.go.th/app/x');
    // A login form anywhere wins over a title, in whichever order they stand.
    expect(
      detectPage(
        DEFAULT_PROFILE,
        url,
        page('<h1>รายการจ่ายเงิน</h1><form action="/x/login-actions/a"></form>'),
      ),
    ).toBe('login');
    // The first of each kind of title counts (the breadcrumb, the heading …), wherever it stands;
    // a later one of a kind already read does not (a dashboard's section headings).
    const sections = '<h1>หน้าหลัก</h1><h2>ข่าว</h2><h2>รายการจ่ายเงินล่าสุด</h2>';
    expect(detectPage(DEFAULT_PROFILE, url, page(sections))).toBe('other');
    const late = '<h2>ก</h2><h2>ข</h2><h2>ค</h2><h2>ง</h2><h1>รายการจ่ายเงิน</h1>';
    expect(detectPage(DEFAULT_PROFILE, url, page(late))).toBe('payment-list');
    // At most four kinds, in page order.
    const crowded =
      '<nav class="breadcrumb">ก</nav><div data-page-title>ข</div><h2>ค</h2><h1>ง</h1><main><h1>รายการจ่ายเงิน</h1></main>';
    expect(detectPage(DEFAULT_PROFILE, url, page(crowded))).toBe('other');
  });

  it('still reads the page when one of the two selectors an admin set is invalid', () => {
    const url = at('https://laas.dla.go.th/app/x');
    const badLogin = { ...DEFAULT_PROFILE, selectors: { ...DEFAULT_PROFILE.selectors, loginForm: '##' } };
    expect(detectPage(badLogin, url, page('<main><h1>รายการจ่ายเงิน</h1></main>'))).toBe('payment-list');
    const badTitle = { ...DEFAULT_PROFILE, selectors: { ...DEFAULT_PROFILE.selectors, pageTitle: '>>>' } };
    expect(detectPage(badTitle, url, page('<h1>รายการจ่ายเงิน</h1><form id="kc-form-login"></form>'))).toBe(
      'login',
    );
    expect(detectPage(badTitle, url, page('<h1>รายการจ่ายเงิน</h1>'))).toBe('other');
  });

  it('never throws on a broken profile', () => {
    const broken: SiteProfile = {
      ...DEFAULT_PROFILE,
      pages: { ...DEFAULT_PROFILE.pages, login: { urlPatterns: ['(['], titles: [] } },
      selectors: { ...DEFAULT_PROFILE.selectors, pageTitle: '>>>', loginForm: '##' },
    };
    expect(detectPage(broken, at('https://laas.dla.go.th/#/expenditure/payments'), page(''))).toBe(
      'payment-list',
    );
    expect(detectPage(broken, at('https://laas.dla.go.th/'), page('<h1>x</h1>'))).toBe('other');
  });
});

describe('a URL pattern is compiled only where a route may match it', () => {
  it('reads the literal text every match must contain, or nothing when it cannot tell', () => {
    expect(literalPrefix('#/[\\w/-]*payments?/record\\b')).toBe('#/');
    expect(literalPrefix('/realms/[^/]+/protocol')).toBe('/realms/');
    expect(literalPrefix('^/Payment/List$')).toBe('/payment/list');
    expect(literalPrefix('#/payments?')).toBe('#/payment'); // the s may be absent
    expect(literalPrefix('#/pay\\.x{2}')).toBe('#/pay.');
    expect(literalPrefix('#/pay\\.x+')).toBe('#/pay.x');
    expect(literalPrefix('\\bpay')).toBe('');
    expect(literalPrefix('#/a|#/b')).toBe(''); // an alternation: either side
    expect(literalPrefix('(#/record)')).toBe('');
    expect(literalPrefix('[#]/x')).toBe('');
  });

  it('never tells a route that matches that it cannot (every built-in pattern, many routes)', () => {
    const patterns = Object.values(DEFAULT_PROFILE.pages).flatMap((p) => p.urlPatterns);
    const routes = [
      '/payment/list',
      '/payment/record?deka=1',
      '/#/expenditure/payments',
      '/#/Expenditure/Payment/Record',
      '/#/PAYMENT-VOUCHERS/',
      '/#/expenditure/vouchers/PV2569-000123',
      '/#/login',
      '/realms/laas/protocol/openid-connect/auth?x=1',
      '/REALMS/LAAS/PROTOCOL/OPENID-CONNECT/AUTH',
      '/',
      '/#/',
    ];
    let compared = 0;
    for (const source of patterns) {
      for (const route of routes) {
        const matches = new RegExp(source, 'i').test(route);
        if (matches) expect(route.toLowerCase()).toContain(literalPrefix(source));
        compared++;
      }
    }
    expect(compared).toBe(patterns.length * routes.length);
    // A route in capitals is read as before (the patterns are case-insensitive).
    expect(detectPage(DEFAULT_PROFILE, at('https://laas.dla.go.th/#/EXPENDITURE/PAYMENTS'), page(''))).toBe(
      'payment-list',
    );
  });
});

describe('readCurrentUser', () => {
  it('reads the top bar, or says it does not know', () => {
    expect(
      readCurrentUser(
        DEFAULT_PROFILE,
        page('<header class="navbar"><span class="user-name"> สมศรี  ใจดี </span></header>'),
      ),
    ).toBe('สมศรี ใจดี');
    expect(readCurrentUser(DEFAULT_PROFILE, page('<span data-current-user="u123">ชื่อ</span>'))).toBe('u123');
    expect(readCurrentUser(DEFAULT_PROFILE, page('<p>no user</p>'))).toBeNull();
  });
});

describe('readFormDekaNo', () => {
  it('reads the ฎีกา a payment form is for, from a field or its legend, Thai digits too', async () => {
    const { isRecordForm, readFormDekaNo } = await import('../../site/detect');
    const a = page(
      '<form id="payment-form"><fieldset><legend>บันทึกการจ่ายเงิน ฎีกาเลขที่ ๑๐๑/๒๕๖๙</legend></fieldset></form>',
    );
    const formA = a.querySelector('form') as HTMLFormElement;
    expect(isRecordForm(DEFAULT_PROFILE, formA)).toBe(true);
    expect(readFormDekaNo(DEFAULT_PROFILE, formA)).toBe('101/2569');
    const b = page('<form id="payment-form"><input name="dekaNo" value="102/2569"></form>');
    expect(readFormDekaNo(DEFAULT_PROFILE, b.querySelector('form') as HTMLFormElement)).toBe('102/2569');
    const c = page('<form class="search"><input name="q"></form>');
    expect(isRecordForm(DEFAULT_PROFILE, c.querySelector('form') as HTMLFormElement)).toBe(false);
    expect(readFormDekaNo(DEFAULT_PROFILE, c.querySelector('form') as HTMLFormElement)).toBeNull();
  });
});
